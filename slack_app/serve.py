"""`python app.py` / `nope serve` with Slack settings: one process serving Slack's requests (waitress,
or a Socket Mode connection with waitress answering /healthz), with the scheduler beside it unless
NOPE_SCHEDULER=off."""

from __future__ import annotations

import logging
import signal
import socket

from config import Config, StartupError
from digest.scheduler import start_in_background
from slack_api.workspaces import slack_workspaces
from slack_app.factory import create_app, freeze_startup_objects
from slack_app.socket_mode import connect_socket_mode
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


def _stop_as_on_ctrl_c(_signum: int, _frame: object) -> None:
    # waitress ends its loop on SystemExit as on KeyboardInterrupt; the code after it still runs.
    raise SystemExit(0)


def serve(config: Config) -> None:
    from waitress import create_server

    listener = listening_socket("0.0.0.0", config.port)
    flask_app = create_app(config)
    socket_mode = connect_socket_mode(config, flask_app.extensions["nope.bolt_app"]) if config.socket_mode else None
    if config.scheduler_enabled:
        # The embedded single-process default posts its own digests; scaled out, `nope scheduler` does.
        core = flask_app.extensions["nope.core"]
        start_in_background(scheduled_jobs(core, slack_workspaces(config, core.sessions)))
    freeze_startup_objects()
    if socket_mode is None:
        logger.info("Nope is listening on http://0.0.0.0:%s/slack/events", config.port)
    else:
        logger.info("Nope is connected to Slack over Socket Mode; health on http://0.0.0.0:%s/healthz", config.port)
    # SIGTERM (docker stop, systemd) stops Nope as Ctrl-C does, not in the middle of things: the Socket
    # Mode connection closes, and lazy work already started finishes before the process exits.
    signal.signal(signal.SIGTERM, _stop_as_on_ctrl_c)
    try:
        create_server(flask_app, sockets=[listener], threads=SERVER_THREADS).run()
    finally:
        if socket_mode is not None:
            # Takes up to 3 s: slack_sdk's reader holds the socket until its receive timeout.
            socket_mode.close()
