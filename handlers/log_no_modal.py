"""Opening the log-a-no modal, from the command or the App Home button."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from blocks.kit import Block
from blocks.log_no_modal import log_no_modal
from blocks.messages import notice_blocks
from coach.catalog import STORY_MAX_CHARS
from handlers.people import Person

logger = logging.getLogger(__name__)

Notify = Callable[[list[Block]], None]


def open_log_no_modal(
    client: WebClient, trigger_id: str, person: Person, notify: Notify, story: str | None = None
) -> None:
    """Open the modal; when Slack refuses, tell the person why and hand their words back."""
    try:
        client.views_open(trigger_id=trigger_id, view=log_no_modal(person.lang, person.timezone_name, story))
    except SlackApiError as error:
        expired = error.response.get("error") == "expired_trigger_id"
        logger.warning("views.open failed: %s", error.response.get("error"))
        notify(
            notice_blocks(
                person.lang, "error.expired_trigger" if expired else "error.slack_unavailable", story
            )
        )
        return
    except SlackClientError as error:
        logger.warning("views.open failed: %s", error)
        notify(notice_blocks(person.lang, "error.slack_unavailable", story))
        return
    if story and len(story) > STORY_MAX_CHARS:
        # The form holds the first 2,000 characters; the person keeps the whole text here.
        notify(notice_blocks(person.lang, "notice.story_trimmed", story))
