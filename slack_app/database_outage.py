"""Requests the database failed before a listener could answer: a friendly answer, never Bolt's 500.

In OAuth mode Bolt reads each request's installation from the database before any listener runs;
when the database is away that read raises and Bolt would answer 500 ("Failed to run a middleware").
This error handler answers as single-workspace mode does: a slash command hears that nothing was
lost and to try again, a modal stays open with everything typed still in it, and events and button
clicks are acknowledged quietly (without a token there is no way to say more, and Slack must not
retry). The outage goes to the outage log, without a traceback. Any other error is logged as Bolt
would, with its traceback.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from sqlalchemy.exc import SQLAlchemyError

from blocks.metadata import ModalMetadata
from blocks.outage_views import NOTICE_KEY, storage_unavailable_modal
from coach.i18n import LANGUAGES, translate
from use_cases.core import Core, StorageUnavailable

logger = logging.getLogger(__name__)

# Slack's free-text input: where a modal's "not saved" note goes, beside what the person typed.
FREE_TEXT = "plain_text_input"


def database_failure(error: BaseException | None) -> BaseException | None:
    """The database's own failure behind `error`, if there is one."""
    while error is not None:
        if isinstance(error, SQLAlchemyError | StorageUnavailable):
            return error
        error = error.__cause__ or error.__context__
    return None


def _note_block(view: dict[str, Any]) -> str | None:
    """The block a modal's "not saved" note goes on: its first free-text input, else its first input."""
    inputs = [block for block in view.get("blocks") or [] if isinstance(block, dict) and block.get("type") == "input"]
    free_text = [block for block in inputs if (block.get("element") or {}).get("type") == FREE_TEXT]
    chosen = (free_text or inputs or [{}])[0]
    return chosen.get("block_id")


def _submission_answer(view: dict[str, Any]) -> dict[str, Any]:
    lang = ModalMetadata.decode(view.get("private_metadata")).lang
    block_id, button = _note_block(view), (view.get("submit") or {}).get("text")
    if block_id is None or not button:  # nothing typed to keep: the modal says why nothing happened
        return {"response_action": "update", "view": storage_unavailable_modal(lang)}
    return {"response_action": "errors", "errors": {block_id: translate(lang, "field.not_saved", button=button)}}


def outage_answer(body: dict[str, Any]) -> BoltResponse:
    """What Slack gets back for a request the database failed, by the kind of request."""
    view = body.get("view")
    if body.get("type") == "view_submission" and isinstance(view, dict):
        return BoltResponse(status=200, body=_submission_answer(view))
    if body.get("command"):
        # No installation, so no way to ask the person's language: both, as for "not installed".
        text = "\n".join(translate(lang, NOTICE_KEY) for lang in LANGUAGES)
        return BoltResponse(status=200, body={"response_type": "ephemeral", "text": text})
    return BoltResponse(status=200, body="")


def answer_failure(
    core: Core, error: Exception, request: BoltRequest, response: BoltResponse | None
) -> BoltResponse | None:
    failure = database_failure(error)
    if failure is None:
        logger.exception("a request failed: %s", error.__class__.__name__)
        return None
    if not isinstance(failure, StorageUnavailable):  # a StorageUnavailable was counted where it was raised
        core.outage.failed("reading the workspace's installation", failure)
    # Bolt lets an error handler replace only a response it was given.
    return outage_answer(request.body) if response is not None else None


def register(app: App, core: Core) -> None:
    app.error(partial(answer_failure, core))
