"""`/nope settings` and the App Home's Settings button: managers set Nope up for their workspace."""

from __future__ import annotations

from functools import partial

from slack_bolt import Ack, App
from slack_sdk import WebClient

from blocks.metadata import ModalMetadata
from blocks.settings_view import (
    CALLBACK_ID,
    ENABLED_BLOCK,
    SETTINGS_ACTION,
    not_a_manager_view,
    settings_modal,
    settings_saved_view,
)
from coach.i18n import translate
from handlers.home import refresh_home
from slack_api.client import within
from slack_api.modals import Reply, notify_by_dm
from slack_api.workspace import SlackWorkspace
from slack_requests.acks import acknowledge, keep_open_unsaved, replace_view, show_errors
from slack_requests.door import Door
from slack_requests.forms import SETTINGS_BLOCKS, on_blocks, settings_answers
from slack_requests.requests import SlackRequest
from use_cases.core import Invalid, StorageUnavailable
from use_cases.person import Person
from use_cases.ports import PlatformError
from use_cases.settings import NotAManager, SettingsSaved, save
from use_cases.settings import open_settings as settings_form


def open_settings(door: Door, reply: Reply, person: Person) -> None:
    try:
        form = settings_form(door.core, person, SlackWorkspace(reply.client))
    except StorageUnavailable:
        return reply.say(person.lang, "error.storage_unavailable")
    except PlatformError:
        return reply.say(person.lang, "error.slack_unavailable")
    if isinstance(form, NotAManager):
        return reply.say(person.lang, "settings.not_manager")
    reply.open(settings_modal(ModalMetadata(person.lang, person.timezone_name), form), person.lang)


def open_from_home(door: Door, asked: SlackRequest, client: WebClient) -> None:
    reply = Reply(client, asked.trigger_id, notify_by_dm(client, asked.user_id))
    open_settings(door, reply, door.person(client, asked))


def notes(lang: str, saved: SettingsSaved) -> list[str]:
    """What the manager should know about the channels: the ones Nope joined, and the ones Slack did not show."""
    joined = [translate(lang, "settings.note.joined", channel=f"<#{channel}>") for channel in saved.joined]
    return joined + [translate(lang, "settings.note.unchecked", channel=f"<#{channel}>") for channel in saved.unchecked]


def save_settings(door: Door, ack: Ack, asked: SlackRequest, client: WebClient) -> None:
    """Check with Slack (is this an admin, can Nope post in the channels) and save, inside the acknowledgement.

    Slack's answers decide what the ack says, so they are awaited here, all within a bound well under
    Slack's 3 s: when Slack does not answer in time, the modal stays open saying so and nothing is saved.
    """
    person = asked.from_modal()
    try:
        outcome = save(door.core, person, settings_answers(asked.values), SlackWorkspace(within(client)))
    except StorageUnavailable:
        return keep_open_unsaved(ack, ENABLED_BLOCK, person.lang, "settings.submit")
    except PlatformError:
        return show_errors(ack, {ENABLED_BLOCK: translate(person.lang, "settings.error.no_answer")})
    if isinstance(outcome, NotAManager):
        return replace_view(ack, not_a_manager_view(person.lang))
    if isinstance(outcome, Invalid):
        return show_errors(ack, on_blocks(outcome, SETTINGS_BLOCKS))
    replace_view(ack, settings_saved_view(person.lang, outcome.settings, notes(person.lang, outcome)))


def register(app: App, door: Door) -> None:
    app.view(CALLBACK_ID)(ack=partial(save_settings, door), lazy=[partial(refresh_home, door)])
    app.action(SETTINGS_ACTION)(ack=acknowledge, lazy=[partial(open_from_home, door)])
