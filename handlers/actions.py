"""The App Home's buttons that open a modal: "Log a no" and the bravery goal."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from blocks.home_view import LOG_REJECTION_ACTION, SET_GOAL_ACTION
from handlers.acks import acknowledge
from handlers.goals import open_goal_modal
from handlers.log_no import open_log_no_modal
from handlers.modals import notify_by_dm
from handlers.services import Services, team_key

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    def open_from_home(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        user_id = body["user"]["id"]
        person = services.people.lookup(client, team_key(context), user_id)
        open_log_no_modal(client, body["trigger_id"], person, notify_by_dm(client, user_id))

    def open_goal_from_home(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        workspace_id, user_id = team_key(context), body["user"]["id"]
        person = services.people.lookup(client, workspace_id, user_id)
        open_goal_modal(
            services, client, body["trigger_id"], workspace_id, user_id, person, notify_by_dm(client, user_id)
        )

    app.action(LOG_REJECTION_ACTION)(ack=acknowledge, lazy=[open_from_home])
    app.action(SET_GOAL_ACTION)(ack=acknowledge, lazy=[open_goal_from_home])
