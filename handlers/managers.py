"""Who may manage Nope in a workspace: its admins and owners (as Slack says now), and the people they added."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient

from handlers.people import is_workspace_admin
from handlers.services import Services
from handlers.web_client import SLACK_FAILURES
from storage.managers import is_listed_manager

logger = logging.getLogger(__name__)


def slack_user(client: WebClient, user_id: str) -> dict[str, Any] | None:
    """Asked fresh each time, never cached: a demoted admin must lose the settings at once."""
    try:
        return client.users_info(user=user_id).get("user") or None
    except SLACK_FAILURES as error:
        logger.warning("users.info failed for %s: %s", user_id, error)
        return None


def is_manager(services: Services, client: WebClient, workspace_id: str, user_id: str) -> bool:
    with services.sessions() as session:
        if is_listed_manager(session, workspace_id, user_id):
            return True
    user = slack_user(client, user_id)
    return user is not None and is_workspace_admin(user)
