"""Which weeks a digest reads: its own week and the weeks of its history, as UTC windows per workspace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from digest.content import HISTORY_WEEKS
from digest.schedule import zone
from digest.settings import WorkspaceSettings
from digest.weeks import previous_weeks, week_window


@dataclass(frozen=True)
class Window:
    """One workspace's week: [starts, ends) in UTC."""

    workspace_id: str
    week_start: date
    starts: datetime
    ends: datetime


@lru_cache(maxsize=4_096)
def _week_bounds(zone_name: str, week: date) -> tuple[datetime, datetime]:
    # Thousands of workspaces share a few dozen zones: each (zone, week) is worked out once.
    return week_window(week, zone(zone_name))


def digest_windows(due: Sequence[tuple[WorkspaceSettings, date]]) -> tuple[list[Window], list[Window]]:
    """The weeks each due workspace's digest reads (oldest first, all workspaces), and its own week alone."""
    windows: list[Window] = []
    current: list[Window] = []
    for settings, week_start in due:
        weeks = [
            Window(settings.workspace_id, week, *_week_bounds(settings.timezone, week))
            for week in previous_weeks(week_start, HISTORY_WEEKS)
        ]
        windows += weeks
        current.append(weeks[-1])
    return windows, current
