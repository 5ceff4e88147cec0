"""Slack delivers an event again when our answer was slow or lost: answer a retry without handling it twice."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import App, BoltResponse

from use_cases.core import Core
from use_cases.deliveries import is_repeated


def skip_repeated_events(core: Core, body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:  # noqa: A002
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if isinstance(event_id, str) and event_id and is_repeated(core, event_id):
        return BoltResponse(status=200, body="")
    next()
    return None


def register(app: App, core: Core) -> None:
    app.use(partial(skip_repeated_events, core))
