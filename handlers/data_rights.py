"""A person's rights over their own data: `/nope export` sends it all to them, `/nope delete` erases it."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from blocks.data_rights_views import CALLBACK_ID, delete_confirmation_modal, delete_failed_view, deleted_view
from blocks.messages import notice_blocks
from blocks.metadata import ModalMetadata
from coach.i18n import translate
from handlers.direct_messages import cancel_scheduled_dm, send_file_dm
from handlers.home import publish_home
from handlers.modals import Notify, open_modal
from handlers.people import Person
from handlers.services import Services, team_key
from handlers.web_client import SLACK_FAILURES
from storage.erasure import forget_person
from storage.export import person_export
from storage.reflections import scheduled_reminders

logger = logging.getLogger(__name__)

# What the deletion hands to the work after its acknowledgement: Bolt gives lazy listeners a copy of the
# context taken once the ack function has returned (the app processes before it responds).
CANCELLED_REMINDERS = "nope_cancelled_reminders"


def export_data(
    services: Services,
    client: WebClient,
    person: Person,
    notify: Notify,
    *,
    workspace_id: str,
    user_id: str,
    organisation_id: str | None,
) -> None:
    """DM the person a JSON file of everything Nope keeps about them, and say privately where it went."""
    now = services.clock()
    try:
        with services.sessions() as session:
            exported = person_export(session, workspace_id, user_id, organisation_id=organisation_id)
    except SQLAlchemyError:
        logger.exception("reading a person's data for an export failed")
        notify(notice_blocks(person.lang, "data.export_storage_unavailable"))
        return
    try:
        send_file_dm(
            client,
            user_id,
            content=json.dumps({"exported_at": now.isoformat(), **exported}, ensure_ascii=False, indent=2),
            filename=f"nope-export-{now.astimezone(person.zone).date().isoformat()}.json",
            comment=translate(person.lang, "data.export_comment"),
        )
    except SLACK_FAILURES as error:
        logger.warning("could not send an export to %s: %s", user_id, error)
        notify(notice_blocks(person.lang, "data.export_failed"))
        return
    notify(notice_blocks(person.lang, "data.export_sent"))


def open_delete_confirmation(client: WebClient, trigger_id: str, person: Person, notify: Notify) -> None:
    view = delete_confirmation_modal(ModalMetadata(person.lang, person.timezone_name))
    open_modal(client, trigger_id, view, person.lang, notify)


def register(app: App, services: Services) -> None:
    def delete_data(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        lang = ModalMetadata.decode(body["view"].get("private_metadata")).lang
        # Always the submitter's own ids: whoever the modal was opened for, nobody else's data goes.
        workspace_id, user_id = team_key(context), body["user"]["id"]
        try:
            with services.sessions.begin() as session:
                reminders = scheduled_reminders(session, workspace_id, user_id, services.clock())
                forget_person(session, workspace_id, user_id, organisation_id=context.enterprise_id)
        except SQLAlchemyError:
            logger.exception("deleting a person's data failed")
            ack(response_action="update", view=delete_failed_view(lang))
            return
        context[CANCELLED_REMINDERS] = reminders
        ack(response_action="update", view=deleted_view(lang))

    def after_deletion(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """Reminders still scheduled would arrive for steps that no longer exist; the Home shows the empty log."""
        user_id = body["user"]["id"]
        for scheduled_id in context.get(CANCELLED_REMINDERS, []):
            try:
                cancel_scheduled_dm(client, user_id, scheduled_id)
            except SLACK_FAILURES as error:
                # Sent already, or Slack is away: the reminder's button finds nothing to mark any more.
                logger.info("could not cancel reminder %s of %s: %s", scheduled_id, user_id, error)
        publish_home(services, client, team_key(context), user_id)

    app.view(CALLBACK_ID)(ack=delete_data, lazy=[after_deletion])
