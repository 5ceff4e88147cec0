"""Saving a logged no from its modal, and answering in the modal itself."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from sqlalchemy.exc import SQLAlchemyError

from blocks import log_rejection_modal as form
from blocks.logged_view import logged_view
from blocks.metadata import ModalMetadata
from coach.i18n import translate
from coach.progress import goal_progress, rejections_this_week
from handlers.home import senders_home_refresher
from handlers.log_no_form import read_log_no
from handlers.modals import keep_open_unsaved
from handlers.people import zone_for
from handlers.services import Services, team_key
from storage.goals import goal_of
from storage.rejections import add_rejection, logged_times
from storage.workspaces import is_enabled

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    def save_log_no(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        view = body["view"]
        metadata = ModalMetadata.decode(view.get("private_metadata"))
        reading = read_log_no(view.get("state", {}).get("values", {}), metadata.lang)
        if reading.new_rejection is None:
            ack(response_action="errors", errors=reading.errors)
            return
        now = services.clock()
        zone = zone_for(metadata.timezone_name)
        workspace_id, user_id = team_key(context), body["user"]["id"]
        try:
            with services.sessions.begin() as session:
                if not is_enabled(session, workspace_id):
                    # Switched off while the modal was open: nothing is logged, and nothing typed is lost.
                    ack(
                        response_action="errors",
                        errors={form.STORY_BLOCK: translate(metadata.lang, "field.switched_off")},
                    )
                    return
                rejection = add_rejection(
                    session,
                    workspace_id=workspace_id,
                    organisation_id=context.enterprise_id,
                    user_id=user_id,
                    logged_at=now,
                    new_rejection=reading.new_rejection,
                )
                times = logged_times(session, workspace_id, user_id)
                goal = goal_of(session, workspace_id, user_id)
        except SQLAlchemyError:
            logger.exception("saving a no failed")
            keep_open_unsaved(ack, form.STORY_BLOCK, metadata.lang)
            return
        ack(
            response_action="update",
            view=logged_view(
                metadata.lang,
                rejection_id=rejection.id,
                this_week=rejections_this_week(times, now, zone),
                counts_in_tally=reading.new_rejection.counts_in_tally,
                goal=goal_progress(goal, times, now, zone) if goal else None,
            ),
        )

    app.view(form.CALLBACK_ID)(ack=save_log_no, lazy=[senders_home_refresher(services)])
