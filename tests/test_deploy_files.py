"""The deployment files (Dockerfile, compose.yaml, deploy/), checked by reading them and running what they run.

The machine these files were written on cannot build or run containers, and has no systemd running, so
nothing here starts Docker or systemd. Instead: the files are parsed; every `nope …` command in them goes
through Nope's own argument parser; their gunicorn command is run as it is written, against the Slack
stand-in, after their migration command and beside their scheduler command; the image's HEALTHCHECK
command asks that gunicorn for /readyz; and every variable they set is held against README's tables.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from gunicorn.config import KNOWN_SETTINGS
from gunicorn.config import Config as GunicornConfig

import cli
from config import load_config
from tests.conftest import SIGNING_SECRET, TEST_ENCRYPTION_KEY
from tests.test_processes import clean_env, configured_for_a_digest_due_now, free_port, wait_for_health

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
COMPOSE = ROOT / "compose.yaml"
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
GUNICORN_CONF = DEPLOY / "gunicorn.conf.py"
README = ROOT / "README.md"
VENV_BIN = Path(sys.executable).parent

# Python's own variables, set in the image for the interpreter: not Nope settings, so not in README's table.
PYTHON_RUNTIME_VARIABLES = {"PATH", "PYTHONUNBUFFERED"}
EXEC_KEYS = ("ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost")
ENV_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT")


# -- the Dockerfile ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str


def dockerfile_stages() -> list[list[Instruction]]:
    """The Dockerfile's instructions, one list per FROM, continuation lines joined and comments left out."""
    stages: list[list[Instruction]] = [[]]
    logical = ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or not stripped:
            continue
        if stripped.endswith("\\"):
            logical += stripped[:-1] + " "
            continue
        keyword, _, arguments = (logical + stripped).partition(" ")
        logical = ""
        if keyword.upper() == "FROM":
            stages.append([])
        stages[-1].append(Instruction(keyword.upper(), arguments.strip()))
    return stages[1:]


def final_stage() -> list[Instruction]:
    """What the image is: the last stage (earlier ones only build)."""
    return dockerfile_stages()[-1]


def instructions(keyword: str) -> list[str]:
    return [instruction.arguments for instruction in final_stage() if instruction.keyword == keyword]


def exec_form(arguments: str) -> list[str]:
    """A command in exec (JSON) form; shell form would run it under /bin/sh, which keeps SIGTERM from it."""
    try:
        argv = json.loads(arguments)
    except json.JSONDecodeError:
        pytest.fail(f"not in exec form (a JSON list): {arguments}")
    assert isinstance(argv, list) and argv and all(isinstance(word, str) for word in argv), arguments
    return argv


def image_command() -> list[str]:
    [command] = instructions("CMD")
    return exec_form(command)


def image_healthcheck() -> list[str]:
    [healthcheck] = instructions("HEALTHCHECK")
    options, separator, command = healthcheck.partition("CMD ")
    assert separator and all(option.startswith("--") for option in options.split()), healthcheck
    return exec_form(command)


def image_environment() -> dict[str, str]:
    environment: dict[str, str] = {}
    for arguments in instructions("ENV"):
        for assignment in shlex.split(arguments):
            name, equals, value = assignment.partition("=")
            assert equals, f"ENV {arguments}: write ENV NAME=value"
            environment[name] = value
    return environment


def image_copies() -> dict[str, str]:
    """Where the image's COPY instructions (from the build context, not another stage) put each file."""
    copies = {}
    for arguments in instructions("COPY"):
        if not arguments.startswith("--from"):
            source, destination = arguments.split()
            copies[destination] = source
    return copies


def image_venv_bin() -> str:
    [venv_bin] = [entry for entry in image_environment()["PATH"].split(":") if entry.startswith("/opt/")]
    return venv_bin


# -- compose.yaml -----------------------------------------------------------------------------------


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def nope_services() -> dict[str, dict]:
    """The services that run Nope: those built from this folder's Dockerfile."""
    return {name: service for name, service in compose()["services"].items() if "build" in service}


def other_services() -> dict[str, dict]:
    return {name: service for name, service in compose()["services"].items() if "build" not in service}


def service_command(service: Mapping) -> list[str]:
    command = service.get("command")
    if command is None:
        return image_command()
    return shlex.split(command) if isinstance(command, str) else command


def service_environment(service: Mapping) -> dict[str, str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(entry.partition("=")[::2] for entry in environment)
    return {name: str(value) for name, value in environment.items()}


def service_env_files(service: Mapping) -> list[Path]:
    """The committed examples of the env files a service reads (the real ones are never committed)."""
    env_files = service.get("env_file") or []
    paths = [env_files] if isinstance(env_files, str) else [e if isinstance(e, str) else e["path"] for e in env_files]
    return [ROOT / f"{path}.example" for path in paths]


@dataclass(frozen=True)
class EnvFile:
    values: dict[str, str]  # the lines that set something
    names: set[str]  # those and the commented-out `# NAME=` lines: every variable it offers


def read_env_file(path: Path) -> EnvFile:
    assert path.exists(), f"{path.relative_to(ROOT)} is missing"
    values, names = {}, set()
    for line in path.read_text().splitlines():
        commented = line.startswith("#")
        match = re.fullmatch(r"#?\s*([A-Z][A-Z0-9_]*)=(.*)", line.strip())
        if match:
            names.add(match[1])
            if not commented:
                values[match[1]] = match[2]
    return EnvFile(values, names)


def compose_environment(service: Mapping) -> dict[str, str]:
    """What a compose service's process sees: the image's ENV, then its env files, then `environment:`."""
    environment = image_environment()
    for env_file in service_env_files(service):
        environment.update(read_env_file(env_file).values)
    environment.update(service_environment(service))
    return environment


# -- systemd units ----------------------------------------------------------------------------------


def unit(path: Path) -> dict[str, list[tuple[str, str]]]:
    """A unit file's sections, each its (key, value) lines in order (keys such as Environment= repeat)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    logical = ""
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if stripped.endswith("\\"):
            logical += stripped[:-1] + " "
            continue
        stripped, logical = logical + stripped, ""
        if stripped.startswith("["):
            current = sections.setdefault(stripped.strip("[]"), [])
        else:
            key, _, value = stripped.partition("=")
            current.append((key.strip(), value.strip()))
    return sections


def unit_values(path: Path, section: str, key: str) -> list[str]:
    return [value for name, value in unit(path).get(section, []) if name == key]


def unit_named(name: str) -> Path:
    [path] = [path for path in UNITS if path.name == name]
    return path


def unit_env_files(path: Path) -> list[Path]:
    """The committed examples of the unit's EnvironmentFile= files (installed as /etc/nope/NAME)."""
    files = unit_values(path, "Service", "EnvironmentFile")
    assert all(not file.startswith("-") for file in files), "a missing settings file must stop the unit"
    return [DEPLOY / f"{Path(file).name}.example" for file in files]


def unit_environment(path: Path) -> dict[str, str]:
    """What the unit's process sees: Environment=, which systemd lets the EnvironmentFile= override."""
    environment = {}
    for assignments in unit_values(path, "Service", "Environment"):
        environment.update(assignment.partition("=")[::2] for assignment in shlex.split(assignments))
    for env_file in unit_env_files(path):
        environment.update(read_env_file(env_file).values)
    return environment


def unit_command(path: Path) -> list[str]:
    [command] = unit_values(path, "Service", "ExecStart")
    return shlex.split(command)


# -- what the files run -----------------------------------------------------------------------------


def every_command() -> dict[str, list[str]]:
    """Each command the files run, by where it is written."""
    commands = {"Dockerfile CMD": image_command()}
    for name, service in nope_services().items():
        commands[f"compose.yaml {name}"] = service_command(service)
    for path in UNITS:
        for key in EXEC_KEYS:
            for value in unit_values(path, "Service", key):
                commands[f"{path.name} {key}"] = shlex.split(value)
    return commands


def program(argv: list[str]) -> str:
    return Path(argv[0]).name


def nope_subcommand(argv: list[str]) -> tuple[str, ...]:
    """`nope …` parsed by Nope's own argument parser: what it runs, e.g. ("db", "upgrade")."""
    try:
        arguments = cli._parser().parse_args(argv[1:])
    except SystemExit:
        pytest.fail(f"`{shlex.join(argv)}` is not a command `nope` knows")
    subcommand = getattr(arguments, f"{arguments.command}_command", None)
    return (arguments.command,) if subcommand is None else (arguments.command, subcommand)


def role(argv: list[str]) -> str:
    """What a process is for: "web" (gunicorn), or its `nope` command, e.g. "db upgrade"."""
    if program(argv) == "gunicorn":
        return "web"
    assert program(argv) == "nope", f"{shlex.join(argv)} runs neither gunicorn nor nope"
    return " ".join(nope_subcommand(argv))


def gunicorn_arguments(argv: list[str]) -> tuple[str, str]:
    """(the config file, the app) of a gunicorn command line, parsed by gunicorn's own parser."""
    parsed = GunicornConfig().parser().parse_args(argv[1:])
    [app] = parsed.args
    return parsed.config, app


# -- README -----------------------------------------------------------------------------------------


def readme_section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README.read_text(), re.MULTILINE | re.DOTALL)
    assert match, f"README has no '## {title}' section"
    return match[1]


def table_rows(section: str, first_header: str) -> list[list[str]]:
    """The rows of the Markdown table in `section` whose header starts with `first_header`, header included."""
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        if not re.fullmatch(r"[|\-: ]+", line):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def documented_variables() -> set[str]:
    """The variables README's Configuration table names (first column, in backticks)."""
    rows = table_rows(readme_section("Configuration"), "variable")[1:]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row[0])}


def deploying_table() -> dict[str, dict[str, str]]:
    """README "Deploying": for each variable, what each process (web, scheduler, migrate) says of it."""
    header, *rows = table_rows(readme_section("Deploying"), "variable")
    table = {}
    for row in rows:
        for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row[0]):
            table[name] = dict(zip(header[1:], row[1:], strict=True))
    return table


def environment_reads(source: str) -> set[str]:
    """The variables Python source reads: os.environ.get("X"), os.environ["X"], os.getenv("X")."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            function = ast.unparse(node.func)
            if function in {"os.environ.get", "os.getenv", "environ.get"}:
                names.add(node.args[0].value)
        if isinstance(node, ast.Subscript) and ast.unparse(node.value) in {"os.environ", "environ"}:
            names.add(ast.literal_eval(node.slice))
    return names


# -- the image --------------------------------------------------------------------------------------


def test_the_image_runs_as_a_non_root_user_it_creates():
    *_, user = instructions("USER")  # the last USER is the one the image runs as
    name, _, group = user.partition(":")
    assert name not in {"root", "0"} and group not in {"root", "0"}
    creates = " ".join(instructions("RUN"))
    if name.isdigit():
        assert re.search(rf"useradd [^&;]*--uid {name}\b", creates), f"no user with uid {name} is created"
    else:
        assert re.search(rf"useradd [^&;]*\b{name}\b", creates), f"no user {name} is created"
    if group.isdigit():
        assert re.search(rf"groupadd [^&;]*--gid {group}\b", creates), f"no group with gid {group} is created"


def test_the_image_checks_its_health_on_readyz_with_python_not_curl():
    healthcheck = image_healthcheck()
    # python:3.11-slim has no curl or wget; Python is certain to be there.
    assert healthcheck[:2] in (["python", "-c"], ["python3", "-c"]), healthcheck
    assert "/readyz" in healthcheck[2]
    assert "PORT" in environment_reads(healthcheck[2]), "it must ask the port the server listens on"


def test_the_image_serves_with_gunicorn_from_its_virtualenv_and_the_config_it_copies():
    command = image_command()
    assert program(command) == "gunicorn"
    config_path, _ = gunicorn_arguments(command)
    assert image_copies()[config_path] == str(GUNICORN_CONF.relative_to(ROOT))
    # The virtualenv on PATH is the one the build stage filled, with gunicorn in it.
    venv = str(Path(image_venv_bin()).parent)
    assert f"--from=build {venv} {venv}" in instructions("COPY")
    [build_stage] = [stage for stage in dockerfile_stages() if stage[0].arguments.endswith(" AS build")]
    installs = [i.arguments for i in build_stage if i.keyword == "RUN" and " install " in i.arguments]
    assert any(re.search(rf"^{venv}/bin/pip install '\S+\[deploy\]'", command) for command in installs), installs


def test_the_image_is_python_3_11_slim():
    for stage in dockerfile_stages():
        assert stage[0].arguments.split()[0] == "python:3.11-slim"


# -- what every file runs ---------------------------------------------------------------------------


@pytest.mark.parametrize("where", sorted(every_command()))
def test_every_command_the_files_run_is_gunicorn_or_a_real_nope_command(where):
    argv = every_command()[where]
    assert role(argv)  # a `nope …` command goes through Nope's own parser here


@pytest.mark.parametrize(
    "where", sorted(where for where, argv in every_command().items() if program(argv) == "gunicorn")
)
def test_the_gunicorn_app_spec_resolves_to_a_callable(where):
    _, app = gunicorn_arguments(every_command()[where])
    # As gunicorn resolves it (gunicorn.util.import_app), short of calling it: module:name().
    module, _, expression = app.partition(":")
    call = ast.parse(expression, mode="eval").body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name), app
    assert not call.args and not call.keywords, app
    assert callable(getattr(importlib.import_module(module), call.func.id))


def test_compose_runs_the_migration_the_web_and_one_scheduler():
    roles = {name: role(service_command(service)) for name, service in nope_services().items()}
    assert sorted(roles.values()) == ["db upgrade", "scheduler", "web"], roles


def test_the_units_run_the_migration_the_web_and_one_scheduler():
    roles = {path.name: role(unit_command(path)) for path in UNITS}
    assert roles == {
        "nope-migrate.service": "db upgrade",
        "nope-scheduler.service": "scheduler",
        "nope-web.service": "web",
    }


def test_exactly_one_scheduler():
    schedulers = [name for name, service in nope_services().items() if role(service_command(service)) == "scheduler"]
    assert len(schedulers) == 1, schedulers
    assert compose()["services"][schedulers[0]].get("deploy", {}).get("replicas", 1) == 1
    units = [path.name for path in UNITS if role(unit_command(path)) == "scheduler"]
    # A template unit (nope-scheduler@.service) could be started many times.
    assert len(units) == 1 and "@" not in units[0], units


def test_web_processes_never_run_the_scheduler_in_process():
    assert image_environment().get("NOPE_SCHEDULER") == "off"  # the image's own command is the web
    for name, service in nope_services().items():
        if role(service_command(service)) == "web":
            assert compose_environment(service).get("NOPE_SCHEDULER") == "off", name
    assert unit_environment(unit_named("nope-web.service")).get("NOPE_SCHEDULER") == "off"


def test_the_units_run_the_image_s_commands_from_the_same_virtualenv():
    venv_bin = image_venv_bin()
    for path in UNITS:
        command = unit_command(path)
        assert str(Path(command[0]).parent) == venv_bin, path.name
    web = unit_command(unit_named("nope-web.service"))
    assert web[1:] == image_command()[1:]  # the same gunicorn settings file, the same app


# -- compose.yaml's order and health ------------------------------------------------------------------


def test_compose_starts_web_and_scheduler_only_after_a_successful_migration():
    services = compose()["services"]
    [migrate] = [name for name, s in nope_services().items() if role(service_command(s)) == "db upgrade"]
    [database] = [name for name, s in other_services().items() if s["image"].startswith("postgres:")]
    assert services[migrate]["restart"] == "no"  # one-shot: it exits 0 and stays down
    assert services[migrate]["depends_on"] == {database: {"condition": "service_healthy"}}
    for name, service in nope_services().items():
        if name != migrate:
            assert service["depends_on"] == {
                database: {"condition": "service_healthy"},
                migrate: {"condition": "service_completed_successfully"},
            }, name


def test_compose_s_postgres_keeps_its_data_and_reports_its_health():
    compose_file = compose()
    [postgres] = [s for s in other_services().values() if s["image"].startswith("postgres:")]
    # A major version pinned: a newer major cannot read an older one's data directory.
    assert re.fullmatch(r"postgres:\d+", postgres["image"])
    assert "pg_isready" in postgres["healthcheck"]["test"]
    [volume] = postgres["volumes"]
    name, _, mount = volume.partition(":")
    assert mount == "/var/lib/postgresql/data" and name in compose_file["volumes"]


def test_only_the_web_keeps_the_image_s_healthcheck():
    # The image's HEALTHCHECK asks for /readyz: the migration and the scheduler serve no HTTP.
    for name, service in nope_services().items():
        disabled = service.get("healthcheck", {}).get("disable", False)
        assert disabled == (role(service_command(service)) != "web"), name


# -- the units ------------------------------------------------------------------------------------------


def test_the_units_run_as_a_dedicated_user_with_the_settings_file_after_the_migration():
    for path in UNITS:
        [user] = unit_values(path, "Service", "User")
        assert user == "nope", path.name
        assert [Path(file).name for file in unit_values(path, "Service", "EnvironmentFile")] == ["nope.env"]
    [migrate_type] = unit_values(unit_named("nope-migrate.service"), "Service", "Type")
    assert migrate_type == "oneshot"
    # Stays active after it ran: web or scheduler restarting does not run it again.
    assert unit_values(unit_named("nope-migrate.service"), "Service", "RemainAfterExit") == ["yes"]
    for name in ("nope-web.service", "nope-scheduler.service"):
        path = unit_named(name)
        for key in ("Requires", "After"):
            assert "nope-migrate.service" in " ".join(unit_values(path, "Unit", key)).split(), (name, key)
        assert unit_values(path, "Service", "Restart") == ["on-failure"], name
        assert unit_values(path, "Install", "WantedBy") == ["multi-user.target"], name


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_reads_the_units_without_a_complaint(tmp_path):
    for path in UNITS:
        shutil.copy(path, tmp_path / path.name)
    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(path) for path in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # The one complaint expected here: the virtualenv is installed on the server, not on this machine.
    missing = re.compile(r"\S+\.service: Command /opt/nope/venv/bin/(nope|gunicorn) is not executable: .*")
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if not missing.fullmatch(line)]
    assert complaints == []


# -- gunicorn's settings ------------------------------------------------------------------------------


def gunicorn_settings(monkeypatch, **environment: str) -> dict[str, object]:
    for name in ("PORT", "NOPE_WEB_WORKERS", "NOPE_WEB_THREADS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = runpy.run_path(str(GUNICORN_CONF))
    return {name: value for name, value in settings.items() if not name.startswith("__") and name != "os"}


def test_gunicorn_s_settings_are_settings_gunicorn_knows(monkeypatch):
    # gunicorn ignores a name it does not know, so a misspelt setting would be silently lost.
    known = {setting.name for setting in KNOWN_SETTINGS}
    assert set(gunicorn_settings(monkeypatch)) - known == set()


def test_gunicorn_runs_2_workers_of_8_threads_on_port_3000_unless_told_otherwise(monkeypatch):
    settings = gunicorn_settings(monkeypatch)
    assert (settings["bind"], settings["workers"], settings["threads"]) == ("0.0.0.0:3000", 2, 8)
    assert settings["worker_class"] == "gthread" and settings["preload_app"] is False
    settings = gunicorn_settings(monkeypatch, PORT="8080", NOPE_WEB_WORKERS="4", NOPE_WEB_THREADS="16")
    assert (settings["bind"], settings["workers"], settings["threads"]) == ("0.0.0.0:8080", 4, 16)


# -- the variables --------------------------------------------------------------------------------------


def variables_the_files_set_or_pass() -> dict[str, set[str]]:
    """Each variable the deployment files give a Nope process, with where."""
    found: dict[str, set[str]] = {}

    def add(names: set[str] | Mapping[str, str], where: str) -> None:
        for name in names:
            found.setdefault(name, set()).add(where)

    add(set(image_environment()) - PYTHON_RUNTIME_VARIABLES, "Dockerfile ENV")
    add(environment_reads(image_healthcheck()[2]), "Dockerfile HEALTHCHECK")
    add(environment_reads(GUNICORN_CONF.read_text()), "deploy/gunicorn.conf.py")
    for name, service in nope_services().items():
        add(service_environment(service), f"compose.yaml {name}")
        for env_file in service_env_files(service):
            add(read_env_file(env_file).names, str(env_file.relative_to(ROOT)))
    for path in UNITS:
        for assignments in unit_values(path, "Service", "Environment"):
            add({assignment.partition("=")[0] for assignment in shlex.split(assignments)}, path.name)
        for env_file in unit_env_files(path):
            add(read_env_file(env_file).names, str(env_file.relative_to(ROOT)))
    return found


def variables_config_reads() -> set[str]:
    """Every variable name config.py spells out, and every one it reads from a complete environment."""
    source = (ROOT / "config.py").read_text()
    spelt = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ENV_NAME.fullmatch(node.value)
    }

    class Recording(dict):
        read: set[str] = set()

        def get(self, name, default=None):
            Recording.read.add(name)
            return super().get(name, default)

        def __getitem__(self, name):
            Recording.read.add(name)
            return super().__getitem__(name)

    complete = {"SLACK_SIGNING_SECRET": "s", "NOPE_ENCRYPTION_KEY": TEST_ENCRYPTION_KEY}
    load_config(Recording(complete, SLACK_BOT_TOKEN="xoxb-1"))
    load_config(Recording(complete, SLACK_CLIENT_ID="1.2", SLACK_CLIENT_SECRET="c"))
    return spelt | Recording.read


def test_every_variable_the_deployment_files_set_or_pass_is_in_the_configuration_table():
    found = variables_the_files_set_or_pass()
    assert {"DATABASE_URL", "NOPE_SCHEDULER", "NOPE_WEB_WORKERS", "PORT"} <= set(found)  # the search works
    undocumented = {name: sorted(where) for name, where in found.items() if name not in documented_variables()}
    assert undocumented == {}


def test_every_variable_config_reads_is_in_the_configuration_table():
    read = variables_config_reads()
    assert {"SLACK_SIGNING_SECRET", "SLACK_CLIENT_SECRET", "NOPE_ENV", "PORT"} <= read  # the search works
    assert read - documented_variables() == set()


def test_postgres_s_own_variables_are_explained_in_deploying():
    deploying = readme_section("Deploying")
    for service in other_services().values():
        names = set(service_environment(service))
        for env_file in service_env_files(service):
            names |= read_env_file(env_file).names
        assert {name for name in names if f"`{name}`" not in deploying} == set()


def test_the_deploying_table_says_where_each_setting_is_needed_and_names_only_documented_ones():
    assert set(deploying_table()) - documented_variables() == set()
    settings = variables_config_reads() | environment_reads(GUNICORN_CONF.read_text())
    assert settings - set(deploying_table()) == set()


def required_in(process: str) -> set[str]:
    return {name for name, cells in deploying_table().items() if cells[process].startswith("required")}


STAND_INS = {
    "SLACK_SIGNING_SECRET": "a-signing-secret",
    "SLACK_BOT_TOKEN": "xoxb-1",
    "NOPE_ENCRYPTION_KEY": TEST_ENCRYPTION_KEY,
}


def test_what_the_deploying_table_requires_is_enough_to_start_each_process(tmp_path, monkeypatch):
    database = f"sqlite:///{tmp_path / 'nope.db'}"
    values = {**STAND_INS, "DATABASE_URL": database}
    load_config({name: values[name] for name in required_in("web")}, serving=True)
    load_config({name: values[name] for name in required_in("scheduler")}, serving=False)
    # `nope db upgrade` reads the process environment (and a .env file in the working directory).
    monkeypatch.chdir(tmp_path)
    for name in required_in("migrate"):
        monkeypatch.setenv(name, values[name])
    assert cli.main(["db", "upgrade"]) == 0
    assert (tmp_path / "nope.db").exists()


def test_the_settings_file_offers_every_variable_a_process_requires():
    required = required_in("web") | required_in("scheduler") | required_in("migrate")
    offered = read_env_file(DEPLOY / "nope.env.example").values
    assert required - set(offered) == set()
    assert "NOPE_SCHEDULER" not in offered  # set per process, or it would override the web unit's "off"


# -- secrets ------------------------------------------------------------------------------------------


def test_the_settings_files_commit_no_secret():
    examples = sorted(DEPLOY.glob("*.env.example"))
    assert examples
    for example in examples:
        for name, value in read_env_file(example).values.items():
            if name != "DATABASE_URL":
                assert value == "", f"{example.name}: {name} must be left empty to fill in"
    committed = "\n".join(path.read_text() for path in [DOCKERFILE, COMPOSE, *UNITS, *examples])
    assert not re.search(r"xox[a-z]-[0-9A-Za-z]", committed), "a Slack token"
    assert not re.search(r"[A-Za-z0-9_-]{43}=", committed), "a Fernet key"


def dockerignored(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore keeps `path` out of the build context (Docker's rules, without `!`)."""

    def regex(pattern: str) -> str:
        parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern.strip("/"))
        wildcards = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
        return "".join(wildcards.get(part, re.escape(part)) for part in parts)

    # A path is left out when it, or a folder it is in, matches a pattern.
    prefixes = ["/".join(path.split("/")[: n + 1]) for n in range(path.count("/") + 1)]
    return any(re.fullmatch(regex(pattern), prefix) for pattern in patterns for prefix in prefixes)


def test_secrets_and_local_state_stay_out_of_the_image_and_git():
    lines = [line.strip() for line in DOCKERIGNORE.read_text().splitlines()]
    patterns = [line for line in lines if line and not line.startswith("#")]
    assert not any(pattern.startswith("!") for pattern in patterns)
    secrets = [".env", "deploy/nope.env", "deploy/postgres.env", ".nope-development.key", "nope.db", ".venv/bin/x"]
    assert [path for path in secrets if not dockerignored(path, patterns)] == []
    needed = [
        *image_copies().values(),
        "pyproject.toml",
        "app.py",
        "storage/migrations/versions/0001_rejections.py",
        "sandbox/static/sandbox.js",
    ]
    assert [path for path in needed if dockerignored(path, patterns)] == []
    if (ROOT / ".git").exists():
        filled_in = ["deploy/nope.env", "deploy/postgres.env"]
        ignored = subprocess.run(["git", "check-ignore", *filled_in], cwd=ROOT, capture_output=True, text=True)
        assert ignored.stdout.split() == filled_in


# -- the commands, run here as compose runs them ------------------------------------------------------


def on_this_machine(argv: list[str]) -> list[str]:
    """The image's command as it runs here: its programs from this virtualenv, its files from this checkout."""
    copies = image_copies()
    runnable = [str(VENV_BIN / program(argv)) if program(argv) in {"gunicorn", "nope"} else argv[0]]
    return runnable + [str(ROOT / copies[word]) if word in copies else word for word in argv[1:]]


def run_healthcheck(environment: Mapping[str, str]) -> int:
    healthcheck = image_healthcheck()
    return subprocess.run([sys.executable, *healthcheck[1:]], env=environment, timeout=30).returncode


def test_the_commands_run_as_compose_runs_them(tmp_path, web_api, database_url):
    """migrate, then web and the scheduler: each with the image's and compose's settings, and the stand-in's."""
    port = free_port()
    settings = {
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_BOT_TOKEN": web_api.bot_token,
        "SLACK_API_URL": web_api.api_url,
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "HOME": str(tmp_path),
    }
    image_settings = {k: v for k, v in image_environment().items() if k not in PYTHON_RUNTIME_VARIABLES}
    by_role = {role(service_command(service)): service for service in nope_services().values()}

    def start(process: str, **popen: object) -> subprocess.Popen:
        service = by_role[process]
        environment = clean_env(**{**image_settings, **service_environment(service), **settings})
        command = on_this_machine(service_command(service))
        return subprocess.Popen(command, cwd=tmp_path, env=environment, text=True, **popen)

    migrate = start("db upgrade", stdout=subprocess.PIPE)
    assert migrate.communicate(timeout=60)[0] == "The database schema is up to date.\n"
    assert migrate.returncode == 0
    configured_for_a_digest_due_now(database_url)

    web = start("web", stderr=subprocess.PIPE)
    web_environment = clean_env(**{**image_settings, **service_environment(by_role["web"]), **settings})
    try:
        assert wait_for_health(port) == {"status": "ready", "database": "ok", "schema": "ok"}
        assert run_healthcheck(web_environment) == 0
        time.sleep(2)
        assert not web_api.calls("chat.postMessage")  # the web never posts a digest

        scheduler = start("scheduler", stderr=subprocess.PIPE)
        try:
            [digest] = web_api.wait_for("chat.postMessage", timeout=30)
            assert digest.params["channel"] == "C0TEAM"
        finally:
            scheduler.terminate()
            scheduler.communicate(timeout=10)
    finally:
        web.terminate()
        _, log = web.communicate(timeout=40)
    assert "Booting worker" in log and "gthread" in log, log[-3000:]
    # Docker counts 1 as unhealthy (2 is reserved): an unanswered /readyz must give 1.
    assert run_healthcheck(web_environment) == 1


def health_status(port: int, timeout: float = 30.0) -> int:
    """The status /readyz answers once the server answers at all."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_the_healthcheck_fails_while_the_database_is_away(tmp_path, web_api):
    # The web starts on a database it cannot reach (nothing listens on port 9) and answers 503 until it can.
    port = free_port()
    settings = {
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_BOT_TOKEN": web_api.bot_token,
        "SLACK_API_URL": web_api.api_url,
        "DATABASE_URL": "postgresql://nope@127.0.0.1:9/nope",
        "PORT": str(port),
        "HOME": str(tmp_path),
        "NOPE_WEB_WORKERS": "1",
    }
    image_settings = {k: v for k, v in image_environment().items() if k not in PYTHON_RUNTIME_VARIABLES}
    environment = clean_env(**{**image_settings, **settings})
    web = subprocess.Popen(
        on_this_machine(image_command()), cwd=tmp_path, env=environment, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert health_status(port) == 503
        assert run_healthcheck(environment) == 1
    finally:
        web.terminate()
        web.wait(timeout=40)
