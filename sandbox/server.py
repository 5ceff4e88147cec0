"""Nope in a sandbox: the real app, a Slack Web API stand-in with a demo workspace, and a page that
plays Slack, all in one process on 127.0.0.1. `python app.py` starts it when no Slack settings are set.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from flask import Flask
from waitress.server import BaseWSGIServer

from config import Config, database_url, encryption_keys, http_port
from sandbox.clock import SandboxClock
from sandbox.controls import SandboxControls
from sandbox.local_hosts import refuse_other_hosts
from sandbox.routes import sandbox_blueprint
from sandbox.slack_platform import SlackPlatform
from sandbox.surfaces import Surfaces
from sandbox.transport import EventsEndpoint
from sandbox.workspace import BOT_TOKEN, PEOPLE, TEAM_CHANNEL, TEAM_ID
from slack_api.client import slack_client
from slack_api.workspaces import one_workspace
from slack_app.factory import create_app
from slack_app.serve import listening_socket
from slack_standin.web_api import SlackWebAPI

# Only this machine: the sandbox has no Slack signature to check on its own page's requests.
HOST = "127.0.0.1"
SERVER_THREADS = 8


@dataclass
class Sandbox:
    """Nope with the sandbox's page mounted on it, and the stand-in it talks to."""

    flask_app: Flask
    web_api: SlackWebAPI

    def stop(self) -> None:
        """Let Nope's lazy work finish while the stand-in still answers, then stop both."""
        self.flask_app.extensions["nope.listener_executor"].shutdown(wait=True)
        self.flask_app.extensions["nope.engine"].dispose()
        self.web_api.stop()


def build_sandbox(port: int, database: str, keys: tuple[str, ...]) -> Sandbox:
    """Nope, built by its own factory, pointed at a stand-in with the demo workspace; the page beside it."""
    web_api = SlackWebAPI(team_id=TEAM_ID, bot_token=BOT_TOKEN).start()
    for member in PEOPLE:
        web_api.add_member(member)
    web_api.add_channel(TEAM_CHANNEL)
    clock = SandboxClock()
    config = Config(
        # A new secret each start: only the sandbox itself, in this process, signs Nope's requests.
        signing_secret=secrets.token_hex(16),
        bot_token=web_api.bot_token,
        slack_api_url=web_api.api_url,
        database_url=database,
        port=port,
        scheduler_enabled=False,
        encryption_keys=keys,
    )
    flask_app = create_app(config, clock=clock.now)
    engine = flask_app.extensions["nope.engine"]
    surfaces = Surfaces(web_api, clock)
    platform = SlackPlatform(surfaces, EventsEndpoint(f"http://{HOST}:{port}/slack/events", config.signing_secret))
    controls = SandboxControls(
        engine, flask_app.extensions["nope.core"], one_workspace(slack_client(config)), clock, surfaces
    )
    controls.set_up_workspace()
    flask_app.register_blueprint(sandbox_blueprint(platform, controls))
    refuse_other_hosts(flask_app)
    return Sandbox(flask_app, web_api)


def start_server(port: int, database: str, keys: tuple[str, ...]) -> tuple[Sandbox, BaseWSGIServer]:
    """The sandbox and a waitress server for it on 127.0.0.1:`port` (0: any free port); `run()` serves."""
    from waitress import create_server

    listener = listening_socket(HOST, port)
    sandbox = build_sandbox(listener.getsockname()[1], database, keys)
    return sandbox, create_server(sandbox.flask_app, sockets=[listener], threads=SERVER_THREADS)


def serve_sandbox(environ: Mapping[str, str]) -> None:
    """Serve the sandbox (PORT, DATABASE_URL as for Nope) until the process ends; it says where, in one line."""
    # The one line below is all the sandbox says; warnings (and worse) still show.
    # Its own human format, whatever `nope`'s command line set up before.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    # The sandbox is development by nature: without NOPE_ENCRYPTION_KEY, stories are encrypted with a
    # local key, and that key is the sandbox's own, never production's: no need to warn about it.
    logging.getLogger("storage.crypto").setLevel(logging.ERROR)
    sandbox, server = start_server(
        http_port(environ), database_url(environ), encryption_keys(environ, development=True)
    )
    print(f"Nope sandbox (no Slack settings found): open http://localhost:{server.effective_port}/sandbox", flush=True)
    try:
        server.run()
    finally:
        sandbox.stop()
