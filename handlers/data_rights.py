"""A person's rights over their own data: `/nope export` sends it all to them, `/nope delete` erases it."""

from __future__ import annotations

from functools import partial

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from blocks.data_rights_views import CALLBACK_ID, delete_confirmation_modal, delete_failed_view, deleted_view
from blocks.metadata import ModalMetadata
from handlers.home import refresh_home
from slack_api.modals import Reply
from slack_api.workspace import SlackWorkspace
from slack_requests.acks import replace_view
from slack_requests.door import Door
from slack_requests.requests import SlackRequest
from use_cases import data_rights
from use_cases.core import StorageUnavailable
from use_cases.person import Person

# What the deletion hands to the work after its acknowledgement: Bolt gives lazy listeners a copy of the
# context taken once the ack function has returned (the app processes before it responds).
CANCELLED_REMINDERS = "nope_cancelled_reminders"


def export_data(door: Door, reply: Reply, person: Person) -> None:
    """Send the person a JSON file of everything Nope keeps about them, and say privately where it went."""
    try:
        sent = data_rights.export(door.core, person, SlackWorkspace(reply.client))
    except StorageUnavailable:
        return reply.say(person.lang, "data.export_storage_unavailable")
    reply.say(person.lang, "data.export_sent" if sent else "data.export_failed")


def open_delete_confirmation(reply: Reply, person: Person) -> None:
    reply.open(delete_confirmation_modal(ModalMetadata(person.lang, person.timezone_name)), person.lang)


def delete_data(door: Door, ack: Ack, asked: SlackRequest, context: BoltContext) -> None:
    # Always the submitter's own ids: whoever the modal was opened for, nobody else's data goes.
    person = asked.from_modal()
    try:
        context[CANCELLED_REMINDERS] = data_rights.delete(door.core, person)
    except StorageUnavailable:
        return replace_view(ack, delete_failed_view(person.lang))
    replace_view(ack, deleted_view(person.lang))


def after_deletion(door: Door, asked: SlackRequest, client: WebClient, context: BoltContext) -> None:
    """Reminders still scheduled would arrive for steps that no longer exist; the Home shows the empty log."""
    data_rights.cancel_reminders(asked.from_modal(), context.get(CANCELLED_REMINDERS, []), SlackWorkspace(client))
    refresh_home(door, asked, client)


def register(app: App, door: Door) -> None:
    app.view(CALLBACK_ID)(ack=partial(delete_data, door), lazy=[partial(after_deletion, door)])
