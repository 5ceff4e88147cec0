"""Events we receive but have nothing to do with: acknowledged, so Slack does not retry them."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.event(re.compile(r".*"))(ignore_event)


def ignore_event(event: dict[str, Any]) -> None:
    logger.info("ignoring a %s event", event.get("type"))
