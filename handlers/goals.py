"""Bravery goals: `/nope goal` and the App Home button open the modal; its submission saves the goal."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from blocks.goal_views import (
    CALLBACK_ID,
    PERIOD_BLOCK,
    TARGET_BLOCK,
    TARGET_MAX,
    TARGET_MIN,
    goal_modal,
    goal_set_view,
)
from blocks.messages import notice_blocks
from blocks.metadata import ModalMetadata
from coach.i18n import translate
from coach.progress import GOAL_PERIODS, goal_progress
from coach.records import Goal
from handlers.home import senders_home_refresher
from handlers.modals import Notify, keep_open_unsaved, open_modal
from handlers.people import Person, zone_for
from handlers.services import Services, team_key
from handlers.view_state import chosen_value, typed_text
from storage.goals import goal_of, set_goal
from storage.rejections import logged_times

logger = logging.getLogger(__name__)


def open_goal_modal(
    services: Services,
    client: WebClient,
    trigger_id: str,
    workspace_id: str,
    user_id: str,
    person: Person,
    notify: Notify,
) -> None:
    try:
        with services.sessions() as session:
            current = goal_of(session, workspace_id, user_id)
    except SQLAlchemyError:
        logger.exception("could not read a goal")
        notify(notice_blocks(person.lang, "error.storage_unavailable"))
        return
    view = goal_modal(ModalMetadata(person.lang, person.timezone_name), current)
    open_modal(client, trigger_id, view, person.lang, notify)


def read_goal(values: dict[str, Any], lang: str) -> tuple[Goal | None, dict[str, str]]:
    raw_target = typed_text(values, TARGET_BLOCK) or ""
    period = chosen_value(values, PERIOD_BLOCK)
    errors: dict[str, str] = {}
    target = int(raw_target) if raw_target.isdigit() else 0
    if not TARGET_MIN <= target <= TARGET_MAX:
        errors[TARGET_BLOCK] = translate(lang, "field.goal_target")
    if period not in GOAL_PERIODS:
        errors[PERIOD_BLOCK] = translate(lang, "field.goal_period")
    return (None, errors) if errors else (Goal(target=target, period=str(period)), {})


def register(app: App, services: Services) -> None:
    def save_goal(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        view = body["view"]
        metadata = ModalMetadata.decode(view.get("private_metadata"))
        goal, errors = read_goal(view.get("state", {}).get("values", {}), metadata.lang)
        if goal is None:
            ack(response_action="errors", errors=errors)
            return
        workspace_id, user_id, now = team_key(context), body["user"]["id"], services.clock()
        try:
            with services.sessions.begin() as session:
                set_goal(session, workspace_id, user_id, goal, now)
                progress = goal_progress(
                    goal, logged_times(session, workspace_id, user_id), now, zone_for(metadata.timezone_name)
                )
        except SQLAlchemyError:
            logger.exception("saving a goal failed")
            keep_open_unsaved(ack, TARGET_BLOCK, metadata.lang)
            return
        ack(response_action="update", view=goal_set_view(metadata.lang, goal, progress))

    app.view(CALLBACK_ID)(ack=save_goal, lazy=[senders_home_refresher(services)])
