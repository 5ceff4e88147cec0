"""Marking a brave step done, from its reminder DM or from the App Home."""

from __future__ import annotations

from functools import partial

from slack_bolt import App, Respond
from slack_sdk import WebClient

from blocks.direct_messages import brave_step_done_blocks
from blocks.home_view import BRAVE_STEP_DONE_ACTION
from blocks.messages import fallback_text, notice_blocks
from blocks.outage_views import NOTICE_KEY
from handlers.home import publish_home
from slack_api.modals import notify_by_dm, notify_by_response
from slack_requests.acks import acknowledge
from slack_requests.door import Door
from slack_requests.requests import SlackRequest
from use_cases.brave_steps import mark_done
from use_cases.core import StorageUnavailable


def mark_brave_step_done(door: Door, asked: SlackRequest, client: WebClient, respond: Respond) -> None:
    reflection_id = asked.clicked.number if asked.clicked else None
    if reflection_id is None:
        return
    person = door.person(client, asked)
    try:
        brave_step = mark_done(door.core, person, reflection_id)
    except StorageUnavailable:
        # From the reminder DM an ephemeral note beside it; from the Home (no response_url) a DM.
        notify = notify_by_response(respond) if asked.response_url else notify_by_dm(client, asked.user_id)
        return notify(notice_blocks(person.lang, NOTICE_KEY))
    if brave_step is None:
        return
    if asked.response_url:
        # The reminder DM turns into the celebration, so the button cannot be pressed twice.
        done = brave_step_done_blocks(person.lang, brave_step)
        respond(blocks=done, text=fallback_text(done), replace_original=True)
    publish_home(door, client, person)


def register(app: App, door: Door) -> None:
    app.action(BRAVE_STEP_DONE_ACTION)(ack=acknowledge, lazy=[partial(mark_brave_step_done, door)])
