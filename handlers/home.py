"""The App Home tab: publish the person's own log when they open it or change something in it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from blocks.home_view import HomeContent, home_view
from blocks.kit import Block
from blocks.settings_view import manager_section
from coach.progress import goal_progress, personal_progress
from handlers.acks import acknowledge
from handlers.digest_delivery import this_weeks_digest
from handlers.people import Person
from handlers.services import Services, team_key
from handlers.web_client import SLACK_FAILURES
from storage.goals import goal_of
from storage.managers import is_listed_manager
from storage.reflections import comebacks, open_brave_steps, open_reflections
from storage.rejections import logged_times, recent_rejections

logger = logging.getLogger(__name__)


def publish_home(services: Services, client: WebClient, workspace_id: str, user_id: str) -> None:
    person = services.people.lookup(client, workspace_id, user_id)
    now = services.clock()
    try:
        with services.sessions() as session:
            times = logged_times(session, workspace_id, user_id)
            goal = goal_of(session, workspace_id, user_id)
            content = HomeContent(
                progress=personal_progress(times, recent_rejections(session, workspace_id, user_id), now, person.zone),
                goal=goal_progress(goal, times, now, person.zone) if goal else None,
                open_reflections=open_reflections(session, workspace_id, user_id, now),
                open_brave_steps=open_brave_steps(session, workspace_id, user_id),
                comebacks=comebacks(session, workspace_id, user_id),
            )
            manager = _manager_section(services, session, person, workspace_id, user_id)
    except SQLAlchemyError as error:
        # The tab keeps showing what it showed last; the next opening tries again.
        logger.warning("could not read the log of %s: %s", user_id, error.__class__.__name__)
        return
    try:
        client.views_publish(user_id=user_id, view=home_view(person.lang, content, manager))
    except SLACK_FAILURES as error:
        logger.warning("views.publish failed for %s: %s", user_id, error)


def _manager_section(
    services: Services, session: Session, person: Person, workspace_id: str, user_id: str
) -> list[Block]:
    if not (person.is_admin or is_listed_manager(session, workspace_id, user_id)):
        return []
    settings, digest = this_weeks_digest(session, workspace_id, services.clock(), person.lang)
    return manager_section(person.lang, settings, digest.week)


def senders_home_refresher(services: Services) -> Callable[..., None]:
    """A lazy listener that republishes the App Home of whoever sent the request."""

    def refresh_home(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        publish_home(services, client, team_key(context), body["user"]["id"])

    return refresh_home


def register(app: App, services: Services) -> None:
    def on_home_opened(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        if event.get("tab") == "home":
            publish_home(services, client, team_key(context), event["user"])

    app.event("app_home_opened")(ack=acknowledge, lazy=[on_home_opened])
