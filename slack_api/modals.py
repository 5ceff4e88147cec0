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
from blocks.messages import fallback_text, fits_in_a_message, notice_blocks, words_elsewhere_blocks
from coach.i18n import translate
from slack_api.client import SLACK_FAILURES
from slack_api.workspace import SlackWorkspace
from use_cases.messages import PrivateFile
from use_cases.person import Person
from use_cases.ports import PlatformError

logger = logging.getLogger(__name__)

Notify = Callable[[list[Block]], None]
WORDS_FILENAME = "nope-your-words.txt"


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
class Words:
    """What a person typed, and who typed it: when Nope cannot use it, it hands it back whole."""

    user_id: str
    text: str


def words_of(person: Person, text: str | None) -> Words | None:
    """What `person` typed, to hand back if need be; None when they typed nothing."""
    return Words(person.user_id, text) if text else None


@dataclass(frozen=True)
class Reply:
    """How Nope answers someone: a modal opened with their trigger, or a notice where they are."""

    client: WebClient
    trigger_id: str
    notify: Notify

    def open(self, view: Block, lang: str, words: Words | None = None) -> bool:
        """Open `view`; when Slack refuses, say why and hand back the person's words. True when it opened."""
        try:
            self.client.views_open(trigger_id=self.trigger_id, view=view)
        except SlackApiError as error:
            expired = error.response.get("error") == "expired_trigger_id"
            logger.warning("views.open failed: %s", error.response.get("error"))
            self.say(lang, "error.expired_trigger" if expired else "error.slack_unavailable", words)
            return False
        except SLACK_FAILURES as error:
            logger.warning("views.open failed: %s", error)
            self.say(lang, "error.slack_unavailable", words)
            return False
        return True

    def say(self, lang: str, notice_key: str, words: Words | None = None) -> None:
        """A notice, and the person's words, if any, whole: quoted in it, or in a file when no message holds them."""
        blocks = notice_blocks(lang, notice_key, words.text if words else None)
        if words is not None and not fits_in_a_message(blocks):
            blocks = words_elsewhere_blocks(lang, notice_key, self._sent_as_file(lang, words))
        self.notify(blocks)

    def _sent_as_file(self, lang: str, words: Words) -> bool:
        """The words, whole and as typed, in a file in the person's DM with Nope. False when Slack would not take it."""
        file = PrivateFile(content=words.text, filename=WORDS_FILENAME, comment=translate(lang, "words.file_comment"))
        try:
            SlackWorkspace(self.client).send_file(words.user_id, file)
        except PlatformError:
            return False  # logged where it failed
        return True
