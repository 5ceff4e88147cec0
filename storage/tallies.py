"""The tallies behind the weekly digest, for one workspace or many at once, in set-based SQL.

Each query joins the no's to a list of (workspace, week) windows, so the cost is one pass over
the index (workspace_id, logged_at) however many workspaces are due, never a query per person. On
PostgreSQL the windows travel as four arrays (`unnest`), so a statement has four parameters
however many windows it carries; elsewhere they are a VALUES list.
Contributor ids leave this module only inside `Contribution`s, which the anonymity rule folds
away before anything is shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date

from sqlalchemy import Date, Select, String, and_, bindparam, case, column, distinct, func, or_, select, values
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from digest.anonymity import Contribution
from digest.content import WeekActivity
from digest.windows import Window
from storage.models import Reflection, Rejection, UTCDateTime

# Bound parameters per statement: SQLite allows 32,766; four per window stays well inside.
WINDOWS_PER_QUERY = 5_000
# PostgreSQL's four arrays are bounded by memory, not by a parameter limit: 100,000 windows
# (12,500 workspaces) are a few MB, and fewer chunks mean fewer passes over the no's.
WINDOWS_PER_ARRAY_QUERY = 100_000


def windows_per_query(dialect: str) -> int:
    """How many windows one statement carries on this database (a SQLAlchemy dialect name)."""
    return WINDOWS_PER_ARRAY_QUERY if dialect == "postgresql" else WINDOWS_PER_QUERY


def _chunks(windows: Sequence[Window], dialect: str) -> Iterator[Sequence[Window]]:
    size = windows_per_query(dialect)
    for first in range(0, len(windows), size):
        yield windows[first : first + size]


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _windows_table(windows: Sequence[Window], dialect: str):  # noqa: ANN202 — a SQLAlchemy FROM clause
    if dialect == "postgresql":
        # A VALUES list has four parameters per window: compiling 20,000 of them and psycopg
        # parsing them cost far more than the query itself. Four arrays compile once and are cached.
        return (
            func.unnest(
                bindparam("workspace_ids", [w.workspace_id for w in windows], type_=ARRAY(String(32))),
                bindparam("week_starts", [w.week_start for w in windows], type_=ARRAY(Date())),
                bindparam("starts", [w.starts for w in windows], type_=ARRAY(UTCDateTime())),
                bindparam("ends", [w.ends for w in windows], type_=ARRAY(UTCDateTime())),
            )
            .table_valued(
                column("workspace_id", String(32)),
                column("week_start", Date()),
                column("starts", UTCDateTime()),
                column("ends", UTCDateTime()),
            )
            .render_derived(name="windows")
        )
    return (
        values(
            column("workspace_id", String(32)),
            column("week_start", Date()),
            column("starts", UTCDateTime()),
            column("ends", UTCDateTime()),
            name="windows",
        )
        .data([(w.workspace_id, w.week_start, w.starts, w.ends) for w in windows])
        .cte("windows")
    )


def contributions_query(windows: Sequence[Window], dialect: str) -> Select:
    """One chunk's statement: (team, week, kind, person, no's) over the no's that may count."""
    table = _windows_table(windows, dialect)
    return (
        select(table.c.workspace_id, table.c.week_start, Rejection.kind, Rejection.user_id, func.count())
        .select_from(table)
        .join(
            Rejection,
            and_(
                Rejection.workspace_id == table.c.workspace_id,
                Rejection.logged_at >= table.c.starts,
                Rejection.logged_at < table.c.ends,
            ),
        )
        .where(Rejection.counts_in_tally.is_(True))
        .group_by(table.c.workspace_id, table.c.week_start, Rejection.kind, Rejection.user_id)
    )


def contributions(session: Session, windows: Sequence[Window]) -> dict[str, dict[date, list[Contribution]]]:
    """Per workspace and week: each person's count of no's per kind, only no's that may count."""
    found: dict[str, dict[date, list[Contribution]]] = defaultdict(lambda: defaultdict(list))
    dialect = _dialect(session)
    for chunk in _chunks(windows, dialect):
        for workspace_id, week_start, kind, user_id, rejections in session.execute(contributions_query(chunk, dialect)):
            found[workspace_id][_as_date(week_start)].append(
                Contribution(kind=kind, contributor=user_id, rejections=rejections)
            )
    return found


def activity_query(windows: Sequence[Window], dialect: str) -> Select:
    """One chunk's statement: per team, reflections finished and questions asked, and by how many people."""
    table = _windows_table(windows, dialect)
    finished = and_(Reflection.finished_at >= table.c.starts, Reflection.finished_at < table.c.ends)
    asked = and_(Reflection.feedback_asked_at >= table.c.starts, Reflection.feedback_asked_at < table.c.ends)
    return (
        select(
            table.c.workspace_id,
            func.count(case((finished, Reflection.id))),
            func.count(case((asked, Reflection.id))),
            func.count(distinct(case((finished, Reflection.user_id)))),
            func.count(distinct(case((asked, Reflection.user_id)))),
        )
        .select_from(table)
        .join(Reflection, Reflection.workspace_id == table.c.workspace_id)
        .join(Rejection, Rejection.id == Reflection.rejection_id)
        .where(Rejection.counts_in_tally.is_(True), or_(finished, asked))
        .group_by(table.c.workspace_id)
    )


def activity(session: Session, windows: Sequence[Window]) -> dict[str, WeekActivity]:
    """Per workspace: reflections finished and feedback questions asked in its window, and by how many
    people (only on no's that count in the tally)."""
    found: dict[str, WeekActivity] = {}
    dialect = _dialect(session)
    for chunk in _chunks(windows, dialect):
        for workspace_id, reflections, questions, reflecting, asking in session.execute(activity_query(chunk, dialect)):
            found[workspace_id] = WeekActivity(
                reflections, questions, reflecting_people=reflecting, asking_people=asking
            )
    return found


def _as_date(value: date | str) -> date:
    # SQLite hands a VALUES date column back as text.
    return value if isinstance(value, date) else date.fromisoformat(value)
