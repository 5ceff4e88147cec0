"""Opening modals and telling the person privately when Slack will not open one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.kit import Block
from blocks.messages import fallback_text, notice_blocks
from coach.i18n import translate
from handlers.direct_messages import send_dm
from handlers.web_client import SLACK_FAILURES

logger = logging.getLogger(__name__)

Notify = Callable[[list[Block]], None]


def notify_by_response(respond: Respond) -> Notify:
    """For slash commands and message buttons: an ephemeral answer where the person is."""

    def notify(blocks: list[Block]) -> None:
        respond(blocks=blocks, text=fallback_text(blocks), response_type="ephemeral", replace_original=False)

    return notify


def notify_by_dm(client: WebClient, user_id: str) -> Notify:
    """For the App Home, which has no response_url: the person's DM with Nope."""

    def notify(blocks: list[Block]) -> None:
        try:
            send_dm(client, user_id, blocks)
        except SLACK_FAILURES as error:
            logger.warning("could not send a notice to %s: %s", user_id, error)

    return notify


def open_modal(
    client: WebClient, trigger_id: str, view: Block, lang: str, notify: Notify, user_text: str | None = None
) -> bool:
    """Open `view`; when Slack refuses, say why and hand back the person's words. True when it opened."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        expired = error.response.get("error") == "expired_trigger_id"
        logger.warning("views.open failed: %s", error.response.get("error"))
        notify(notice_blocks(lang, "error.expired_trigger" if expired else "error.slack_unavailable", user_text))
        return False
    except SLACK_FAILURES as error:
        logger.warning("views.open failed: %s", error)
        notify(notice_blocks(lang, "error.slack_unavailable", user_text))
        return False
    return True


def keep_open_unsaved(ack: Ack, block_id: str, lang: str) -> None:
    """The database failed: keep the modal open, everything typed still in it, and say so on `block_id`."""
    ack(response_action="errors", errors={block_id: translate(lang, "field.not_saved")})
