"""Gunicorn entry point for the bare Bolt floor: `gunicorn bench.bare_wsgi:application`."""

from __future__ import annotations

import os

from bench.bare_bolt_app import create_bare_app

application = create_bare_app(
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
    bot_token=os.environ["SLACK_BOT_TOKEN"],
    api_url=os.environ["SLACK_API_URL"],
)
