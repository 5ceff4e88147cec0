"""The App Home tab: the person's own log, published when they open it or change something in it."""

from __future__ import annotations

import logging
import threading
from functools import partial

from slack_bolt import App
from slack_sdk import WebClient

from blocks.home_view import home_view
from blocks.settings_view import manager_section
from slack_api.client import SLACK_FAILURES
from slack_requests.acks import acknowledge
from slack_requests.door import Door
from slack_requests.requests import SlackRequest
from use_cases.core import StorageUnavailable
from use_cases.home import home_content
from use_cases.person import Person

logger = logging.getLogger(__name__)

# One person's Home is read and published by one thread at a time: two changes in quick succession
# would otherwise race, and the Home read first but published last would show the older state.
# Striped, so the locks stay few whatever the number of people (a shared stripe only means a short wait).
_PUBLISHING = tuple(threading.Lock() for _ in range(64))


def publish_home(door: Door, client: WebClient, person: Person) -> None:
    with _PUBLISHING[hash((person.workspace_id, person.user_id)) % len(_PUBLISHING)]:
        _read_and_publish(door, client, person)


def _read_and_publish(door: Door, client: WebClient, person: Person) -> None:
    try:
        content = home_content(door.core, person)
    except StorageUnavailable:
        return  # the tab keeps showing what it showed last; the next opening tries again
    manager = manager_section(person.lang, content.manager.settings, content.manager.week) if content.manager else []
    try:
        client.views_publish(user_id=person.user_id, view=home_view(person.lang, content, manager))
    except SLACK_FAILURES as error:
        logger.warning("views.publish failed for %s: %s", person.user_id, error)


def refresh_home(door: Door, asked: SlackRequest, client: WebClient) -> None:
    """Republish the Home of whoever sent the request (after their change is saved)."""
    publish_home(door, client, door.person(client, asked))


def on_home_opened(door: Door, asked: SlackRequest, client: WebClient) -> None:
    if asked.event.get("tab") == "home":
        refresh_home(door, asked, client)


def register(app: App, door: Door) -> None:
    app.event("app_home_opened")(ack=acknowledge, lazy=[partial(on_home_opened, door)])
