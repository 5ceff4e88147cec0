"""What the listeners share: the database sessions, the clock, the people directory and the on/off switches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from slack_bolt import BoltContext
from sqlalchemy.orm import Session, sessionmaker

from handlers.people import PeopleDirectory
from handlers.workspace_switches import WorkspaceSwitches


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Services:
    sessions: sessionmaker[Session]
    people: PeopleDirectory
    switches: WorkspaceSwitches
    clock: Callable[[], datetime] = utc_now


def team_key(context: BoltContext) -> str:
    """The workspace a request belongs to (an org-wide install may only name the enterprise)."""
    return context.team_id or context.enterprise_id or ""
