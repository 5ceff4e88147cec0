"""Socket Mode: with an app-level token Nope connects to Slack over a WebSocket (here the stand-in's, on
127.0.0.1) instead of serving /slack/events, and answers there as it does over HTTP."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask

from config import Config
from slack_app.socket_mode import connect_socket_mode
from slack_standin import requests
from slack_standin.socket_mode import DEFAULT_APP_TOKEN, SocketModeServer
from slack_standin.view_state import fill_in
from slack_standin.web_api import SlackWebAPI
from tests import payloads
from tests.conftest import ANNA, config_for
from tests.harness import all_text, opened_view, published_home
from tests.test_log_no_flow import ANSWERS, stored_rejections
from tests.test_processes import NOPE, clean_env, configured_for_a_digest_due_now, free_port, wait_for_health

# Slack's limit for an ack; the envelopes below are held to it.
ACK_SECONDS = 3.0


def nope_command(web_api: SlackWebAPI, trigger_id: str = "1.2.3") -> dict[str, str]:
    """Anna's `/nope`, as Slack puts it in a Socket Mode envelope."""
    return payloads.slash_command(
        user_id=ANNA.user_id, team_id=ANNA.team_id, trigger_id=trigger_id, response_url=web_api.response_url()
    )


@pytest.fixture
def slack_socket(web_api: SlackWebAPI) -> Iterator[SocketModeServer]:
    with SocketModeServer(web_api) as server:
        yield server


@pytest.fixture
def socket_config(web_api: SlackWebAPI, tmp_path: Path) -> Config:
    """Socket Mode settings: the app and bot tokens, no signing secret. On SQLite only: the transport
    is the same whatever the database."""
    http_config = config_for(web_api, f"sqlite:///{tmp_path / 'nope.db'}")
    return replace(http_config, signing_secret="", app_token=DEFAULT_APP_TOKEN)


@pytest.fixture
def connected(
    app_factory: Callable[[Config], Flask], socket_config: Config, slack_socket: SocketModeServer
) -> Iterator[Flask]:
    """Nope, built as a process start builds it, connected to the stand-in over Socket Mode."""
    flask_app = app_factory(socket_config)
    handler = connect_socket_mode(socket_config, flask_app.extensions["nope.bolt_app"])
    slack_socket.wait_connected()
    yield flask_app
    handler.close()


def test_a_command_over_socket_mode_is_acked_within_3_s_and_opens_the_log_a_no_modal(connected, slack_socket, web_api):
    envelope_id = slack_socket.send(nope_command(web_api, trigger_id="7.7.7"))

    ack = slack_socket.wait_for_ack(envelope_id, timeout=ACK_SECONDS)
    assert ack.payload is None  # an empty ack, as over HTTP: the modal is the answer
    assert web_api.wait_for("views.open")[0].params["trigger_id"] == "7.7.7"
    assert opened_view(web_api)["title"]["text"] == "Log a no"
    [connection] = web_api.calls("apps.connections.open")
    assert connection.token == DEFAULT_APP_TOKEN


def test_a_modal_submitted_over_socket_mode_is_stored_and_answered_in_the_ack(
    connected, slack_socket, web_api, socket_config
):
    slack_socket.wait_for_ack(slack_socket.send(nope_command(web_api)))
    view = opened_view(web_api)

    submission = payloads.view_submission(view, fill_in(view, ANSWERS), ANNA.user_id, ANNA.team_id)
    ack = slack_socket.wait_for_ack(slack_socket.send(submission), timeout=ACK_SECONDS)

    assert ack.payload["response_action"] == "update"
    assert "One brave attempt, counted." in all_text(ack.payload["view"])
    [row] = stored_rejections(socket_config.database_url)
    assert (row.user_id, row.kind) == (ANNA.user_id, "job_application")


def test_an_event_over_socket_mode_is_acked_and_handled(connected, slack_socket, web_api):
    event = requests.app_home_opened(ANNA.user_id, "D" + ANNA.user_id)
    envelope = requests.event_callback(payloads.EVENTS_FROM, event, event_id="Ev0SOCKET")

    slack_socket.wait_for_ack(slack_socket.send(envelope), timeout=ACK_SECONDS)

    assert "*All time*\n0" in all_text(published_home(web_api))


def test_when_slack_refreshes_the_connection_nope_reconnects_and_keeps_answering(connected, slack_socket, web_api):
    slack_socket.refresh()

    # Until the old connection has closed, slack_sdk's client reads neither connection (up to 3 s).
    slack_socket.wait_connected(times=2)
    assert len(web_api.calls("apps.connections.open")) == 2
    slack_socket.wait_for_ack(slack_socket.send(nope_command(web_api)), timeout=ACK_SECONDS)
    web_api.wait_for("views.open")


def test_in_socket_mode_only_the_health_check_is_served_over_http(connected):
    client = connected.test_client()
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json() == {"status": "ready", "database": "ok", "schema": "ok"}
    assert client.post("/slack/events", data="").status_code == 404


# -- `nope serve` as a real process ---------------------------------------------------------------


def test_nope_serve_with_an_app_token_takes_slacks_requests_over_socket_mode(tmp_path, web_api, slack_socket):
    configured_for_a_digest_due_now(f"sqlite:///{tmp_path / 'nope.db'}")
    port = free_port()
    env = clean_env(
        SLACK_APP_TOKEN=DEFAULT_APP_TOKEN,
        SLACK_BOT_TOKEN=web_api.bot_token,
        SLACK_API_URL=web_api.api_url,
        PORT=str(port),
    )
    server = subprocess.Popen([str(NOPE), "serve"], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    try:
        slack_socket.wait_connected(timeout=30)
        envelope_id = slack_socket.send(nope_command(web_api, trigger_id="9.9.9"))
        slack_socket.wait_for_ack(envelope_id, timeout=ACK_SECONDS)
        assert web_api.wait_for("views.open")[0].params["trigger_id"] == "9.9.9"

        assert wait_for_health(port) == {"status": "ready", "database": "ok", "schema": "ok"}
        with pytest.raises(urllib.error.HTTPError) as not_served:
            urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=b""))
        assert not_served.value.code == 404
        # The in-process scheduler runs in Socket Mode too.
        [digest] = web_api.wait_for("chat.postMessage", timeout=20)
        assert digest.params["channel"] == "C0TEAM"
    finally:
        server.terminate()
        _, log = server.communicate(timeout=20)
    # SIGTERM stops it as Ctrl-C does.
    assert server.returncode == 0, log[-3000:]
    assert "Traceback" not in log


@pytest.mark.parametrize(
    ("app_token", "sentence"),
    [
        ("xoxb-a-bot-token", "SLACK_APP_TOKEN must be an app-level token starting with xapp-"),
        ("xapp-1-revoked", "Slack did not accept SLACK_APP_TOKEN at {api_url} (invalid_auth)"),
    ],
)
def test_a_wrong_app_token_is_one_sentence_and_exit_code_2(tmp_path, web_api, slack_socket, app_token, sentence):
    env = clean_env(SLACK_APP_TOKEN=app_token, SLACK_BOT_TOKEN=web_api.bot_token, SLACK_API_URL=web_api.api_url)
    result = subprocess.run([str(NOPE), "serve"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 2
    said = result.stderr.splitlines()[-1]
    assert said.startswith("Nope cannot start: " + sentence.format(api_url=web_api.api_url))
    assert said.endswith(".") and "Traceback" not in result.stderr
