"""Answering the person who asked: a modal on their trigger, or a private notice when none can open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.kit import Block
from blocks.messages import fallback_text, notice_blocks
from slack_api.client import SLACK_FAILURES
from slack_api.workspace import SlackWorkspace
from use_cases.ports import PlatformError

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
        # Logged where it failed; there is nowhere else to tell the person.
        with suppress(PlatformError):
            SlackWorkspace(client).send_blocks(user_id, blocks)

    return notify


@dataclass(frozen=True)
class Reply:
    """How Nope answers someone: a modal opened with their trigger, or a notice where they are."""

    client: WebClient
    trigger_id: str
    notify: Notify

    def open(self, view: Block, lang: str, user_text: str | None = None) -> bool:
        """Open `view`; when Slack refuses, say why and hand back the person's words. True when it opened."""
        try:
            self.client.views_open(trigger_id=self.trigger_id, view=view)
        except SlackApiError as error:
            expired = error.response.get("error") == "expired_trigger_id"
            logger.warning("views.open failed: %s", error.response.get("error"))
            self.notify(
                notice_blocks(lang, "error.expired_trigger" if expired else "error.slack_unavailable", user_text)
            )
            return False
        except SLACK_FAILURES as error:
            logger.warning("views.open failed: %s", error)
            self.notify(notice_blocks(lang, "error.slack_unavailable", user_text))
            return False
        return True

    def say(self, lang: str, notice_key: str, user_text: str | None = None) -> None:
        self.notify(notice_blocks(lang, notice_key, user_text))
