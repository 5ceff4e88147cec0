"""The bare Bolt floor: the least a Bolt-on-Flask app can do for `/nope`.

It acks, then (lazily, like Nope) opens a tiny modal. Whatever latency it shows is the cost of
Bolt, Flask, gunicorn and the load generator themselves; Nope is judged against it.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, request
from slack_bolt import Ack, App
from slack_bolt.adapter.flask import SlackRequestHandler
from slack_sdk import WebClient

COMMAND = "/nope"

# The smallest modal Slack (and the stand-in's validation) accepts.
TINY_MODAL: dict[str, Any] = {
    "type": "modal",
    "title": {"type": "plain_text", "text": "Nope"},
    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Hello."}}],
}


def acknowledge(ack: Ack) -> None:
    ack()


def open_tiny_modal(body: dict[str, Any], client: WebClient) -> None:
    client.views_open(trigger_id=body["trigger_id"], view=TINY_MODAL)


def create_bare_app(signing_secret: str, bot_token: str, api_url: str) -> Flask:
    """A Flask app serving one Bolt `/nope` listener at /slack/events, with Bolt's defaults."""
    # Same construction as Nope's (signing secret + a WebClient on SLACK_API_URL), minus the
    # retry handlers, which only matter when a Web API call fails.
    # The same Bolt mode as Nope (acks in the request thread), so the floor measures like for like.
    bolt_app = App(
        signing_secret=signing_secret,
        client=WebClient(token=bot_token, base_url=api_url),
        process_before_response=True,
    )
    bolt_app.command(COMMAND)(ack=acknowledge, lazy=[open_tiny_modal])
    handler = SlackRequestHandler(bolt_app)

    flask_app = Flask(__name__)

    @flask_app.post("/slack/events")
    def slack_events() -> Response:
        return handler.handle(request)

    return flask_app
