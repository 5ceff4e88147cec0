"""Slack delivers an event again when our answer was slow or lost: handle each event once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse
from sqlalchemy.exc import SQLAlchemyError

from handlers.services import Services
from storage.events import first_delivery

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    def skip_repeated_events(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:  # noqa: A002
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if isinstance(event_id, str) and event_id:
            try:
                repeated = not first_delivery(services.sessions, event_id, services.clock())
            except SQLAlchemyError:
                repeated = False  # better to handle an event twice than to drop it
            if repeated:
                logger.info("event %s was handled before; acknowledging the retry", event_id)
                return BoltResponse(status=200, body="")
        next()
        return None

    app.use(skip_repeated_events)
