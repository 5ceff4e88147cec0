"""The repository stands on its own: no file of it reads or names a `shared` folder outside it (a fresh
clone has none; the tests carry their fixtures in tests/fixtures), and the Slack stand-in stays apart
from Nope: Nope never imports it, and it imports nothing of Nope's."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THIS = Path(__file__).resolve().relative_to(ROOT).as_posix()


def spelled(template: str) -> str:
    """`template` with the folder's name put in at run time: written out, this file would match itself."""
    return template.replace("<shared>", "shared")


# Ways to reach a folder named `shared` beside or above the repository, or to name its layout (see
# the samples in the first test).
OUTSIDE_SHARED = re.compile(
    spelled(
        r"\.\.[/\\]+<shared>\b"
        r"|[/\\]\s*[\"']<shared>[\"']"
        r"|[\"']<shared>[\"']\s*[/\\]"
        r"|join\([^)]*[\"']<shared>[\"']"
        r"|\b<shared>[/\\](?:slack|teams)\b"
        r"|/work/<shared>\b"
    )
)

NOPE = {
    "app",
    "cli",
    "config",
    "logs",
    "metrics",
    "use_cases",
    "slack_app",
    "handlers",
    "slack_requests",
    "slack_api",
    "blocks",
    "coach",
    "digest",
    "storage",
}
STAND_IN = "slack_standin"
STAND_IN_USERS = {"sandbox", "tests", "bench"}


def repository_files() -> list[str]:
    """The files git tracks, and new ones it does not ignore: what a clone gets once they are committed."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())


def test_the_pattern_finds_a_shared_folder_outside_and_nothing_else():
    outside = [
        "../<shared>/slack/payloads",
        'SHARED = Path(__file__).resolve().parents[2] / "<shared>"',
        'Path("..") / "<shared>" / "slack"',
        'os.path.join(ROOT, "..", "<shared>")',
        "/work/<shared>/slack/README.md",
        "# the enterprise in <shared>/slack/payloads/view_submission.json",
    ]
    inside = [
        "a shared database needs `nope db upgrade`",
        "scanner(trap, rules, shared_start=OTHER)",
        "files shared in a message's thread",
        "url = FILE_URL.format(file_id=shared.file_id)",
    ]
    assert [sample for sample in outside if not OUTSIDE_SHARED.search(spelled(sample))] == []
    assert [sample for sample in inside if OUTSIDE_SHARED.search(spelled(sample))] == []


def test_no_file_reads_or_names_a_shared_folder_outside_the_repository():
    files = repository_files()
    # Not vacuous: the files that once read the folder outside, this file, and the rest of the tree are read.
    expected = {THIS, "tests/payloads.py", "tests/harness.py", "tests/fixtures/README.md", "Makefile", "pyproject.toml"}
    assert expected <= set(files)
    assert len(files) > 100
    found = []
    for name in files:
        text = (ROOT / name).read_bytes().decode("utf-8", errors="replace")
        found += [f"{name}:{text.count(chr(10), 0, hit.start()) + 1}" for hit in OUTSIDE_SHARED.finditer(text)]
    assert found == []


def top_level_code() -> set[str]:
    return {path.stem for path in ROOT.glob("*.py")} | {path.parent.name for path in ROOT.glob("*/__init__.py")}


def python_files(*packages: str) -> list[Path]:
    return sorted(
        path
        for package in packages
        for path in [*ROOT.glob(f"{package}.py"), *(ROOT / package).rglob("*.py")]
        if ".venv" not in path.parts
    )


def imported(path: Path) -> set[str]:
    """The top-level names of every absolute import in a module, lazy ones in functions included."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_top_level_module_is_nope_the_stand_in_or_one_of_its_users():
    assert top_level_code() == NOPE | {STAND_IN} | STAND_IN_USERS


def test_nope_never_imports_the_stand_in():
    files = python_files(*NOPE)
    assert {ROOT / "app.py", ROOT / "handlers" / "commands.py", ROOT / "storage" / "db.py"} <= set(files)
    assert [path.relative_to(ROOT).as_posix() for path in files if STAND_IN in imported(path)] == []


def test_the_stand_in_imports_nothing_of_nope_nor_of_its_users():
    files = python_files(STAND_IN)
    assert ROOT / STAND_IN / "requests.py" in files
    ours = NOPE | STAND_IN_USERS
    assert {path.relative_to(ROOT).as_posix(): imported(path) & ours for path in files} == {
        path.relative_to(ROOT).as_posix(): set() for path in files
    }
