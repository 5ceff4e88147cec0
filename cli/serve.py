"""`nope serve` and `python app.py`: Nope for Slack when any Slack setting is set, the sandbox otherwise."""

from __future__ import annotations

import sys

from config import StartupError, has_slack_credentials, load_config, log_format, process_environment
from logs import configure_logging


def serve_from_environment() -> int:
    try:
        environ = process_environment()
        if not has_slack_credentials(environ):
            # No Slack settings at all: Nope in a local sandbox that plays Slack, on 127.0.0.1 only.
            from sandbox.server import serve_sandbox

            serve_sandbox(environ)
            return 0
        from slack_app.serve import serve

        configure_logging(log_format(environ))
        serve(load_config(environ))
    except StartupError as error:
        print(f"Nope cannot start: {error}", file=sys.stderr)
        return 2
    return 0
