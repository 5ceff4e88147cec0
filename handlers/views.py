"""Modal submissions: saving a logged no, and closing any modal we no longer know."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from blocks import log_no_modal as form
from blocks.logged_view import logged_view
from coach.i18n import translate
from coach.progress import nos_this_week
from handlers.home import publish_home
from handlers.log_no_form import read_log_no
from handlers.people import zone_for
from handlers.services import Services, team_key
from storage.rejections import add_rejection, logged_times

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    def save_log_no(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        view = body["view"]
        metadata = form.ModalMetadata.decode(view.get("private_metadata"))
        reading = read_log_no(view.get("state", {}).get("values", {}), metadata.lang)
        if reading.new_no is None:
            ack(response_action="errors", errors=reading.errors)
            return
        now = services.clock()
        zone = zone_for(metadata.timezone_name)
        try:
            with services.sessions.begin() as session:
                add_rejection(
                    session,
                    team_id=team_key(context),
                    enterprise_id=context.enterprise_id,
                    user_id=body["user"]["id"],
                    logged_at=now,
                    new_no=reading.new_no,
                )
                count = nos_this_week(logged_times(session, team_key(context), body["user"]["id"]), now, zone)
        except SQLAlchemyError:
            logger.exception("saving a no failed")
            # Keep the modal open with everything the person typed.
            ack(
                response_action="errors",
                errors={form.STORY_BLOCK: translate(metadata.lang, "field.not_saved")},
            )
            return
        ack(
            response_action="update",
            view=logged_view(metadata.lang, this_week=count, counts_in_tally=reading.new_no.counts_in_tally),
        )
        # After the ack (Slack has its answer) and after the commit (a lazy listener would start
        # alongside the save and could read the log before the new no is in it).
        publish_home(services, client, team_key(context), body["user"]["id"])

    app.view(form.CALLBACK_ID)(save_log_no)
    app.view(re.compile(r".*"))(close_unknown_view)


def close_unknown_view(ack: Ack) -> None:
    ack()
