"""`python app.py` serves Nope (the sandbox when no Slack setting is set); WSGI servers build it with
`gunicorn 'app:create_app_from_environment()'`. The app itself is built in `slack_app.factory`."""

import sys

from cli.serve import serve_from_environment
from slack_app.factory import create_app_from_environment

__all__ = ["create_app_from_environment"]

if __name__ == "__main__":
    sys.exit(serve_from_environment())
