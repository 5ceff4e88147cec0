"""`python app.py` / `nope serve` with Slack settings: one process serving Slack's requests (waitress),
with the scheduler beside it unless NOPE_SCHEDULER=off."""

from __future__ import annotations

import logging
import socket

from config import Config, StartupError
from digest.scheduler import start_in_background
from slack_api.workspaces import slack_workspaces
from slack_app.factory import create_app, freeze_startup_objects
from use_cases.scheduled_jobs import scheduled_jobs

logger = logging.getLogger("nope")
SERVER_THREADS = 8


def listening_socket(host: str, port: int) -> socket.socket:
    """Bound before anything else starts, so a busy port is one sentence, not a traceback after start-up."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        listener.close()
        raise StartupError(
            f"{host}:{port} is taken ({error.strerror}): stop whatever listens there, or set PORT to another port."
        ) from None
    return listener


def serve(config: Config) -> None:
    from waitress import create_server

    listener = listening_socket("0.0.0.0", config.port)
    flask_app = create_app(config)
    if config.scheduler_enabled:
        # The embedded single-process default posts its own digests; scaled out, `nope scheduler` does.
        core = flask_app.extensions["nope.core"]
        start_in_background(scheduled_jobs(core, slack_workspaces(config, core.sessions)))
    freeze_startup_objects()
    logger.info("Nope is listening on http://0.0.0.0:%s/slack/events", config.port)
    create_server(flask_app, sockets=[listener], threads=SERVER_THREADS).run()
