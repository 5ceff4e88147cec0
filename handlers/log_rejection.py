"""Logging a no: the modal opens from `/nope` or the Home's button; its submission saves the no."""

from __future__ import annotations

from functools import partial

from slack_bolt import Ack, App
from slack_sdk import WebClient

from blocks import log_rejection_modal as form
from blocks.home_view import LOG_REJECTION_ACTION
from blocks.logged_view import logged_view
from coach.catalog import STORY_MAX_CHARS
from coach.i18n import translate
from handlers.home import refresh_home
from slack_api.modals import Reply, notify_by_dm, words_of
from slack_requests.acks import acknowledge, keep_open_unsaved, replace_view, show_errors
from slack_requests.door import Door
from slack_requests.forms import LOG_REJECTION_BLOCKS, on_blocks, rejection_answers
from slack_requests.requests import SlackRequest
from use_cases.core import Invalid, StorageUnavailable
from use_cases.log_rejection import SwitchedOff, check, log_rejection
from use_cases.person import Person


def open_log_rejection_modal(reply: Reply, person: Person, story: str | None = None) -> None:
    view = form.log_rejection_modal(person.lang, person.timezone_name, story)
    words = words_of(person, story)
    if reply.open(view, person.lang, words) and words and len(words.text) > STORY_MAX_CHARS:
        # The form holds the first 2,000 characters; the person keeps the whole text here.
        reply.say(person.lang, "notice.story_trimmed", words)


def open_from_home(door: Door, asked: SlackRequest, client: WebClient) -> None:
    person = door.person(client, asked)
    open_log_rejection_modal(Reply(client, asked.trigger_id, notify_by_dm(client, asked.user_id)), person)


def save(door: Door, ack: Ack, asked: SlackRequest) -> None:
    person = asked.from_modal()
    checked = check(rejection_answers(asked.view.values if asked.view else {}), person.lang)
    if isinstance(checked, Invalid):
        return show_errors(ack, on_blocks(checked, LOG_REJECTION_BLOCKS))
    try:
        logged = log_rejection(door.core, person, checked)
    except StorageUnavailable:
        return keep_open_unsaved(ack, form.STORY_BLOCK, person.lang, "log.submit")
    if isinstance(logged, SwitchedOff):
        # Switched off while the modal was open: nothing is logged, and nothing typed is lost.
        return show_errors(ack, {form.STORY_BLOCK: translate(person.lang, "field.switched_off")})
    view = logged_view(
        person.lang,
        rejection_id=logged.rejection_id,
        this_week=logged.this_week,
        counts_in_tally=logged.counts_in_tally,
        goal=logged.goal,
    )
    replace_view(ack, view)


def register(app: App, door: Door) -> None:
    app.view(form.CALLBACK_ID)(ack=partial(save, door), lazy=[partial(refresh_home, door)])
    app.action(LOG_REJECTION_ACTION)(ack=acknowledge, lazy=[partial(open_from_home, door)])
