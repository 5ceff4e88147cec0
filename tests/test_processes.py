"""The commands an operator runs, as real processes: `python app.py`, `nope serve`, `nope db upgrade`."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import inspect

from digest.settings import WorkspaceSettings
from slack_standin.signing import signed_headers
from storage.crypto import use_keys
from storage.db import create_db_engine, session_factory
from storage.installations import installation_store
from storage.migrate import upgrade
from storage.workspaces import save_settings
from tests import payloads
from tests.conftest import ANNA, SIGNING_SECRET, TEST_ENCRYPTION_KEY
from tests.harness import FORM

ROOT = Path(__file__).resolve().parents[1]
NOPE = Path(sys.executable).with_name("nope")


def clean_env(**settings: str) -> dict[str, str]:
    """The test's environment without Slack or Nope settings, plus the encryption key and `settings`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "NOPE_")) and k not in {"DATABASE_URL", "PORT"}
    }
    env["NOPE_ENCRYPTION_KEY"] = TEST_ENCRYPTION_KEY
    env.update(settings)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_python_app_py_without_slack_settings_serves_the_sandbox_on_127_0_0_1_only(tmp_path):
    port = free_port()
    env = clean_env(PORT=str(port))
    # The sandbox makes its own development key in the working directory.
    del env["NOPE_ENCRYPTION_KEY"]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = server.stdout.readline()
        assert first_line == f"Nope sandbox (no Slack settings found): open http://localhost:{port}/sandbox\n"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sandbox", timeout=10) as response:
            assert response.status == 200
            assert "Nope sandbox" in response.read().decode()
        # Another loopback address of this machine is not listened on: only 127.0.0.1 is.
        with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.2", port), timeout=5):
            pass
        assert (tmp_path / "nope.db").exists() and (tmp_path / ".nope-development.key").exists()
    finally:
        server.terminate()
        rest, log = server.communicate(timeout=10)
    # One line, and nothing else: not even the development key's warning (the sandbox's key is its own).
    assert rest == "" and log == ""


def test_python_app_py_with_some_slack_settings_never_starts_the_sandbox(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py")],
        cwd=tmp_path,
        env=clean_env(SLACK_SIGNING_SECRET="s"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Nope cannot start: SLACK_BOT_TOKEN is not set")
    assert "sandbox" not in result.stdout + result.stderr


@pytest.mark.parametrize("command", ["python app.py", "nope serve"])
@pytest.mark.parametrize("mode", ["sandbox", "slack"])
def test_a_busy_port_is_one_sentence_and_exit_code_2(tmp_path, web_api, command, mode):
    port = free_port()
    settings = {"PORT": str(port)}
    if mode == "slack":
        settings.update(SLACK_SIGNING_SECRET="s", SLACK_BOT_TOKEN=web_api.bot_token, SLACK_API_URL=web_api.api_url)
    argv = [sys.executable, str(ROOT / "app.py")] if command == "python app.py" else [str(NOPE), "serve"]
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", port))
        taken.listen()
        result = subprocess.run(
            argv, cwd=tmp_path, env=clean_env(**settings), capture_output=True, text=True, timeout=60
        )
    host = "127.0.0.1" if mode == "sandbox" else "0.0.0.0"
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"Nope cannot start: {host}:{port} is taken (Address already in use): "
        "stop whatever listens there, or set PORT to another port."
    ]
    assert result.stdout == ""


def test_a_wrong_bot_token_is_reported_in_one_sentence(tmp_path, web_api):
    env = clean_env(SLACK_SIGNING_SECRET="s", SLACK_BOT_TOKEN="xoxb-wrong", SLACK_API_URL=web_api.api_url)
    result = subprocess.run([str(NOPE), "serve"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Slack did not accept SLACK_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def test_settings_can_come_from_a_dot_env_file(tmp_path):
    (tmp_path / ".env").write_text("SLACK_SIGNING_SECRET=from-dot-env\n")
    result = subprocess.run(
        [str(NOPE), "serve"], cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=60
    )
    # The secret was found; the next missing setting is the token.
    assert "SLACK_BOT_TOKEN is not set" in result.stderr


def test_nope_db_upgrade_creates_the_schema_with_its_indexes(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = subprocess.run(
        [str(NOPE), "db", "upgrade"],
        cwd=tmp_path,
        env=clean_env(DATABASE_URL=url),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    engine = create_db_engine(url)
    indexes = {index["name"] for index in inspect(engine).get_indexes("rejections")}
    engine.dispose()
    assert {"ix_rejections_person_time", "ix_rejections_workspace_time"} <= indexes


def test_python_app_py_serves_slack_and_health_over_http(tmp_path, web_api):
    port = free_port()
    env = clean_env(
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_BOT_TOKEN=web_api.bot_token,
        SLACK_API_URL=web_api.api_url,
        PORT=str(port),
    )
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        health = wait_for_health(port)
        assert health == {"status": "ready", "database": "ok", "schema": "ok"}
        assert (tmp_path / "nope.db").exists()  # the embedded default, upgraded on start

        body = payloads.slash_command_body(user_id=ANNA.user_id, team_id=ANNA.team_id, text="", trigger_id="1.2.3")
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/slack/events",
            data=body.encode(),
            headers=signed_headers(SIGNING_SECRET, body, FORM),
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        assert web_api.wait_for("views.open")[0].params["trigger_id"] == "1.2.3"
        with pytest.raises(urllib.error.HTTPError) as no_sandbox:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sandbox", timeout=10)
        assert no_sandbox.value.code == 404
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for_health(port: int, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def configured_for_a_digest_due_now(database_url: str) -> None:
    """A workspace whose digest is due from midnight today (UTC), so a starting scheduler posts it."""
    engine = create_db_engine(database_url)
    upgrade(engine)
    today = datetime.now(UTC)
    settings = WorkspaceSettings(
        workspace_id="T0001", digest_weekday=today.weekday(), digest_time="00:00", timezone="UTC", channels=("C0TEAM",)
    )
    with session_factory(engine).begin() as session:
        save_settings(session, settings, today)
    engine.dispose()


def serve_with(tmp_path, web_api, **settings: str) -> tuple[subprocess.Popen, int]:
    """`python app.py` against the stand-in, on a free port; `settings` add to or replace the defaults."""
    port = free_port()
    defaults = {
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_BOT_TOKEN": web_api.bot_token,
        "SLACK_API_URL": web_api.api_url,
        "PORT": str(port),
    }
    env = clean_env(**{**defaults, **settings})
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True
    )
    return server, port


def test_python_app_py_runs_the_digest_scheduler_in_process(tmp_path, web_api):
    configured_for_a_digest_due_now(f"sqlite:///{tmp_path / 'nope.db'}")
    server, port = serve_with(tmp_path, web_api)
    try:
        wait_for_health(port)
        [digest] = web_api.wait_for("chat.postMessage", timeout=20)
        assert digest.params["channel"] == "C0TEAM"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_nope_scheduler_off_leaves_the_digests_to_a_separate_scheduler(tmp_path, web_api):
    configured_for_a_digest_due_now(f"sqlite:///{tmp_path / 'nope.db'}")
    server, port = serve_with(tmp_path, web_api, NOPE_SCHEDULER="off")
    try:
        wait_for_health(port)
        time.sleep(2)
        assert not web_api.calls("chat.postMessage")
    finally:
        server.terminate()
        server.wait(timeout=10)
    scheduler = subprocess.Popen(
        [str(NOPE), "scheduler"],
        cwd=tmp_path,
        env=clean_env(SLACK_BOT_TOKEN=web_api.bot_token, SLACK_API_URL=web_api.api_url),
        stderr=subprocess.PIPE,
        text=True,
    )
    with contextlib.suppress(AssertionError):  # judged below, with the scheduler's own log
        web_api.wait_for("chat.postMessage", timeout=30)
    scheduler.terminate()
    _, log = scheduler.communicate(timeout=10)
    assert [call.params["channel"] for call in web_api.calls("chat.postMessage")] == ["C0TEAM"], log[-3000:]


def test_nope_digest_send_due_posts_with_each_installed_workspaces_own_token(tmp_path, web_api):
    database_url = f"sqlite:///{tmp_path / 'nope.db'}"
    configured_for_a_digest_due_now(database_url)
    # Installed through OAuth: the workspace's token is stored encrypted, as the install flow stores it.
    installed_token = "xoxb-installed-T0001"
    web_api.know_token(installed_token, "T0001")
    use_keys((TEST_ENCRYPTION_KEY,))
    installation_store("client-id", create_db_engine(database_url)).save(
        Installation(app_id="A0001", team_id="T0001", bot_token=installed_token, bot_user_id="UBOT", user_id="U0ADMIN")
    )
    env = clean_env(SLACK_CLIENT_ID="client-id", SLACK_CLIENT_SECRET="client-secret", SLACK_API_URL=web_api.api_url)

    done = subprocess.run(
        [str(NOPE), "digest", "send-due"],
        cwd=tmp_path,
        env={**env, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    [digest] = web_api.calls("chat.postMessage")
    assert (digest.params["channel"], digest.token) == ("C0TEAM", installed_token)


def test_nope_starts_when_slack_does_not_answer_yet(tmp_path, web_api):
    nowhere = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there
    server, port = serve_with(tmp_path, web_api, SLACK_API_URL=nowhere, NOPE_SCHEDULER="off")
    try:
        assert wait_for_health(port) == {"status": "ready", "database": "ok", "schema": "ok"}
    finally:
        server.terminate()
        _, log = server.communicate(timeout=10)
    assert "does not answer" in log and "starting anyway" in log
    assert "Traceback" not in log
