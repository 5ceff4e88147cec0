"""Button clicks: the App Home's "Log a no", and a polite answer to buttons we no longer know."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from blocks.home_view import LOG_NO_ACTION
from blocks.kit import Block
from blocks.messages import fallback_text, notice_blocks
from coach.i18n import DEFAULT_LANGUAGE
from handlers.log_no_modal import open_log_no_modal
from handlers.services import Services, team_key

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    def open_from_home(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        user_id = body["user"]["id"]
        person = services.people.lookup(client, team_key(context), user_id)

        def notify(blocks: list[Block]) -> None:
            # The App Home has no response_url: the notice goes to the person's DM with Nope.
            try:
                client.chat_postMessage(channel=user_id, blocks=blocks, text=fallback_text(blocks))
            except SlackClientError as error:
                logger.warning("could not tell %s that the modal failed: %s", user_id, error)

        open_log_no_modal(client, body["trigger_id"], person, notify)

    app.action(LOG_NO_ACTION)(ack=acknowledge, lazy=[open_from_home])
    app.action(re.compile(r".*"))(ack=acknowledge, lazy=[answer_unknown_action])


def acknowledge(ack: Ack) -> None:
    ack()


def answer_unknown_action(body: dict[str, Any], respond: Respond) -> None:
    if body.get("response_url"):
        blocks = notice_blocks(DEFAULT_LANGUAGE, "error.unknown_action")
        respond(blocks=blocks, text=fallback_text(blocks), response_type="ephemeral", replace_original=False)
