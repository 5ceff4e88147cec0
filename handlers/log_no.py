"""Opening the log-a-no modal, from `/nope` or the App Home button."""

from __future__ import annotations

from slack_sdk import WebClient

from blocks.log_rejection_modal import log_rejection_modal
from blocks.messages import notice_blocks
from coach.catalog import STORY_MAX_CHARS
from handlers.modals import Notify, open_modal
from handlers.people import Person


def open_log_no_modal(
    client: WebClient, trigger_id: str, person: Person, notify: Notify, story: str | None = None
) -> None:
    view = log_rejection_modal(person.lang, person.timezone_name, story)
    if open_modal(client, trigger_id, view, person.lang, notify, story) and story and len(story) > STORY_MAX_CHARS:
        # The form holds the first 2,000 characters; the person keeps the whole text here.
        notify(notice_blocks(person.lang, "notice.story_trimmed", story))
