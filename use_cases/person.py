"""Who is asking: the platform and workspace they are in, who they are, and how they read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach.i18n import DEFAULT_LANGUAGE

SLACK = "slack"


def zone_for(timezone_name: str | None) -> tzinfo:
    """The person's time zone; UTC when it is unknown (a wrong zone must never stop a request)."""
    try:
        return ZoneInfo(timezone_name) if timezone_name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


@dataclass(frozen=True)
class Person:
    platform: str
    workspace_id: str
    user_id: str
    lang: str = DEFAULT_LANGUAGE
    timezone_name: str = "UTC"
    organisation_id: str | None = None
    # A workspace admin or owner, as the platform said when last asked (cached: fine for showing, not for allowing).
    is_admin: bool = False

    @property
    def zone(self) -> tzinfo:
        return zone_for(self.timezone_name)
