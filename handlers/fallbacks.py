"""Requests no other listener took: a friendly answer, never Bolt's 404.

Bolt runs the first listener that matches, so these catch-alls are registered after all others.
Events are acknowledged so Slack does not retry them.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond

from blocks.messages import notice_blocks
from coach.i18n import DEFAULT_LANGUAGE, translate
from slack_api.modals import notify_by_response
from slack_requests.acks import acknowledge

logger = logging.getLogger(__name__)
ANYTHING = re.compile(r".*")


def register(app: App) -> None:
    app.command(ANYTHING)(answer_unknown_command)
    app.action(ANYTHING)(ack=acknowledge, lazy=[answer_unknown_action])
    app.view(ANYTHING)(close_unknown_view)
    app.event(ANYTHING)(ignore_event)


def answer_unknown_command(ack: Ack) -> None:
    ack(text=translate(DEFAULT_LANGUAGE, "error.unknown_command"))


def answer_unknown_action(body: dict[str, Any], respond: Respond) -> None:
    if body.get("response_url"):
        notify_by_response(respond)(notice_blocks(DEFAULT_LANGUAGE, "error.unknown_action"))


def close_unknown_view(ack: Ack) -> None:
    ack()


def ignore_event(event: dict[str, Any]) -> None:
    logger.info("ignoring a %s event", event.get("type"))
