"""`/nope settings` and the App Home's Settings button: managers set Nope up for their workspace.

Who may is checked when the modal opens and again when it is submitted, asking Slack afresh each
time: a modal opened while someone was an admin must not save after they stopped being one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from blocks.messages import notice_blocks
from blocks.metadata import ModalMetadata
from blocks.settings_view import (
    CALLBACK_ID,
    CHANNELS_BLOCK,
    ENABLED_BLOCK,
    SETTINGS_ACTION,
    SettingsForm,
    not_a_manager_view,
    settings_modal,
    settings_saved_view,
)
from coach.i18n import translate
from handlers.acks import acknowledge
from handlers.home import senders_home_refresher
from handlers.managers import is_manager
from handlers.modals import Notify, keep_open_unsaved, notify_by_dm, open_modal
from handlers.people import Person
from handlers.services import Services, team_key
from handlers.settings_form import read_settings
from handlers.web_client import SLACK_FAILURES
from storage.managers import listed_managers, replace_managers
from storage.workspaces import remember_organisation, save_settings, workspace_settings

logger = logging.getLogger(__name__)


def open_settings(
    services: Services,
    client: WebClient,
    trigger_id: str,
    workspace_id: str,
    user_id: str,
    person: Person,
    notify: Notify,
) -> None:
    if not is_manager(services, client, workspace_id, user_id):
        notify(notice_blocks(person.lang, "settings.not_manager"))
        return
    try:
        with services.sessions() as session:
            form = SettingsForm(workspace_settings(session, workspace_id), listed_managers(session, workspace_id))
    except SQLAlchemyError:
        logger.exception("could not read the settings")
        notify(notice_blocks(person.lang, "error.storage_unavailable"))
        return
    open_modal(
        client, trigger_id, settings_modal(ModalMetadata(person.lang, person.timezone_name), form), person.lang, notify
    )


def make_channels_reachable(client: WebClient, channels: Sequence[str], lang: str) -> tuple[str | None, list[str]]:
    """Join the public channels Nope is not in yet; an error naming the private ones it cannot join.

    Returns (the error for the channels field or None, notes for the manager).
    """
    unreachable: list[str] = []
    notes: list[str] = []
    for channel_id in channels:
        try:
            channel = client.conversations_info(channel=channel_id)["channel"]
        except SLACK_FAILURES as error:
            if isinstance(error, SlackApiError) and error.response.get("error") == "channel_not_found":
                # Slack hides a private channel from a bot that is not in it.
                unreachable.append(translate(lang, "settings.a_private_channel"))
            else:
                notes.append(translate(lang, "settings.note.unchecked", channel=f"<#{channel_id}>"))
            continue
        name = f"#{channel.get('name') or channel_id}"
        if channel.get("is_member"):
            continue
        if channel.get("is_private"):
            unreachable.append(name)
            continue
        try:
            client.conversations_join(channel=channel_id)
            notes.append(translate(lang, "settings.note.joined", channel=f"<#{channel_id}>"))
        except SLACK_FAILURES as error:
            logger.warning("could not join %s: %s", channel_id, error)
            unreachable.append(name)
    if not unreachable:
        return None, notes
    return translate(lang, "settings.error.invite", channels=", ".join(unreachable)), notes


def register(app: App, services: Services) -> None:
    def save_settings_submission(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        view = body["view"]
        lang = ModalMetadata.decode(view.get("private_metadata")).lang
        workspace_id, user_id = team_key(context), body["user"]["id"]
        if not is_manager(services, client, workspace_id, user_id):
            ack(response_action="update", view=not_a_manager_view(lang))
            return
        try:
            with services.sessions() as session:
                current = workspace_settings(session, workspace_id)
        except SQLAlchemyError:
            logger.exception("could not read the settings")
            keep_open_unsaved(ack, ENABLED_BLOCK, lang)
            return
        answers, errors = read_settings(view.get("state", {}).get("values", {}), current, lang)
        if answers is None:
            ack(response_action="errors", errors=errors)
            return
        new_channels = [channel for channel in answers.settings.channels if channel not in current.channels]
        channel_error, notes = make_channels_reachable(client, new_channels, lang)
        if channel_error:
            ack(response_action="errors", errors={CHANNELS_BLOCK: channel_error})
            return
        now = services.clock()
        try:
            with services.sessions.begin() as session:
                save_settings(session, answers.settings, now)
                replace_managers(session, workspace_id, answers.managers, now)
                remember_organisation(session, workspace_id, context.enterprise_id, now)
        except SQLAlchemyError:
            logger.exception("saving the settings failed")
            keep_open_unsaved(ack, ENABLED_BLOCK, lang)
            return
        services.switches.forget(workspace_id)
        ack(response_action="update", view=settings_saved_view(lang, answers.settings, notes))

    def open_from_home(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        workspace_id, user_id = team_key(context), body["user"]["id"]
        person = services.people.lookup(client, workspace_id, user_id)
        open_settings(
            services, client, body["trigger_id"], workspace_id, user_id, person, notify_by_dm(client, user_id)
        )

    app.view(CALLBACK_ID)(ack=save_settings_submission, lazy=[senders_home_refresher(services)])
    app.action(SETTINGS_ACTION)(ack=acknowledge, lazy=[open_from_home])
