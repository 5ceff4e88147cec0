"""Slack's listeners, one module per surface: each parses nothing itself (`slack_requests.requests` did),
calls a use case and renders what it returns with `blocks/`. Acks come first; slow work after them."""

from __future__ import annotations

from slack_bolt import App

from handlers import (
    brave_steps,
    commands,
    data_rights,
    fallbacks,
    goals,
    home,
    log_rejection,
    reflection,
    settings,
    uninstall,
)
from slack_requests.door import Door


def register_listeners(app: App, door: Door) -> None:
    # Bolt runs the first listener that matches: the catch-alls go last.
    for surface in (commands, log_rejection, reflection, goals, brave_steps, home, settings, data_rights, uninstall):
        surface.register(app, door)
    fallbacks.register(app)
