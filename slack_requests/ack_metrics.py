"""How many requests of each kind Slack sent and how long their acknowledgements took, for /metrics.

A middleware first in Bolt's own list: it times the listeners' acknowledgement (with
process_before_response, Bolt answers once `next()` returns), over HTTP and Socket Mode alike; the
signature check and authorisation before it are not included.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from slack_bolt import App

from metrics import ACK_SECONDS, ACKS

# The kinds of request Nope takes; anything else is counted as "other".
SURFACES = frozenset(
    {"command", "block_actions", "view_submission", "view_closed", "event", "shortcut", "block_suggestion"}
)


def surface_of(body: dict[str, Any]) -> str:
    if "command" in body:
        return "command"
    kind = body.get("type")
    kind = "event" if kind == "event_callback" else kind
    return kind if kind in SURFACES else "other"


def measure_ack(body: dict[str, Any], next: Callable[[], None]) -> None:  # noqa: A002
    surface = surface_of(body)
    started = time.perf_counter()
    try:
        next()
    finally:
        ACKS.labels(surface=surface).inc()
        ACK_SECONDS.labels(surface=surface).observe(time.perf_counter() - started)


def register(app: App) -> None:
    app.use(measure_ack)
