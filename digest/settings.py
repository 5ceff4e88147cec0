"""A workspace's digest settings, with the defaults a new workspace starts from."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_WEEKDAY = 4  # Friday
DEFAULT_TIME = "16:00"


@dataclass(frozen=True)
class WorkspaceSettings:
    workspace_id: str
    enabled: bool = True
    language: str = "en"
    timezone: str = "UTC"
    digest_weekday: int = DEFAULT_WEEKDAY
    digest_time: str = DEFAULT_TIME
    min_group: int = 3
    team_goal: int | None = None
    retention_months: int = 24
    channels: tuple[str, ...] = field(default_factory=tuple)
