"""Bolt listeners, one module per surface. Each acknowledges first, then does the work."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, home, views
from handlers.services import Services


def register_listeners(app: App, services: Services) -> None:
    # Bolt runs the first listener that matches, so the catch-alls in each module come last there,
    # and the generic event listener is registered after every specific one.
    commands.register(app, services)
    views.register(app, services)
    actions.register(app, services)
    home.register(app, services)
    events.register(app)
