"""A workspace's weekly digest: its tallies read from the database, turned into the digest by the domain."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from coach.progress import week_start
from digest.anonymity import effective_min_group
from digest.content import Digest, WeekActivity, build_digest
from digest.schedule import DigestSchedule, parse_clock, zone
from digest.settings import WorkspaceSettings
from digest.windows import digest_windows
from storage.tallies import activity, contributions
from storage.workspaces import workspace_settings
from use_cases.core import Core


def weekly_digests(
    session: Session, due: Sequence[tuple[WorkspaceSettings, date]], lang: str | None = None
) -> dict[str, Digest]:
    """Each due workspace's digest for its week, computed for all of them in one pass per table."""
    windows, current = digest_windows(due)
    by_week = contributions(session, windows)
    done = activity(session, current)
    return {
        settings.workspace_id: build_digest(
            lang or settings.language,
            week,
            by_week.get(settings.workspace_id, {}),
            done.get(settings.workspace_id, WeekActivity(reflections=0, questions=0)),
            settings.team_goal,
            effective_min_group(settings.min_group),
        )
        for settings, week in due
    }


def schedule_of(settings: WorkspaceSettings) -> DigestSchedule:
    return DigestSchedule(
        weekday=settings.digest_weekday, at=parse_clock(settings.digest_time), zone_name=settings.timezone
    )


def current_week(settings: WorkspaceSettings, now: datetime) -> date:
    return week_start(now, zone(settings.timezone))


def this_weeks_digest(
    session: Session, workspace_id: str, now: datetime, lang: str | None = None
) -> tuple[WorkspaceSettings, Digest]:
    """This week's digest for a workspace as it stands at `now`, with the settings it was made under."""
    settings = workspace_settings(session, workspace_id)
    return settings, weekly_digests(session, [(settings, current_week(settings, now))], lang)[workspace_id]


def digest_now(
    core: Core, workspace_id: str, now: datetime, lang: str | None = None
) -> tuple[WorkspaceSettings, Digest]:
    """This week's digest as it stands (for a preview or a post by hand)."""
    with core.reading("reading this week's digest") as session:
        return this_weeks_digest(session, workspace_id, now, lang)
