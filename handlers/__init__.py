"""Bolt listeners, one module per surface. Each acknowledges first, then does the work."""

from __future__ import annotations

from slack_bolt import App

from handlers import (
    actions,
    brave_steps,
    commands,
    data_rights,
    event_retries,
    fallbacks,
    goals,
    home,
    reflection,
    settings,
    uninstall,
    views,
)
from handlers.services import Services


def register_listeners(app: App, services: Services) -> None:
    event_retries.register(app, services)
    # Bolt runs the first listener that matches: the catch-alls go last.
    commands.register(app, services)
    views.register(app, services)
    reflection.register(app, services)
    goals.register(app, services)
    brave_steps.register(app, services)
    actions.register(app, services)
    home.register(app, services)
    settings.register(app, services)
    data_rights.register(app, services)
    uninstall.register(app, services)
    fallbacks.register(app)
