"""Repository functions for reflections, brave steps and comebacks. Callers own the transaction.

Every lookup is scoped to the person (workspace + user): an id that arrives from a platform is never
trusted to belong to whoever sent it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coach.records import BraveStep, Comeback, OpenReflection
from storage.models import Reflection, Rejection

OPEN_REFLECTION_DAYS = 30


def own_rejection(session: Session, rejection_id: int, workspace_id: str, user_id: str) -> Rejection | None:
    return session.scalar(
        select(Rejection).where(
            Rejection.id == rejection_id, Rejection.workspace_id == workspace_id, Rejection.user_id == user_id
        )
    )


def latest_rejection(session: Session, workspace_id: str, user_id: str) -> Rejection | None:
    return session.scalar(
        select(Rejection)
        .where(Rejection.workspace_id == workspace_id, Rejection.user_id == user_id)
        .order_by(Rejection.logged_at.desc(), Rejection.id.desc())
        .limit(1)
    )


def reflection_for(session: Session, rejection: Rejection, now: datetime) -> Reflection:
    """The reflection on this no, started now if there is none yet."""
    reflection = session.scalar(select(Reflection).where(Reflection.rejection_id == rejection.id))
    if reflection is None:
        reflection = Reflection(
            rejection_id=rejection.id,
            workspace_id=rejection.workspace_id,
            user_id=rejection.user_id,
            started_at=now,
            updated_at=now,
        )
        session.add(reflection)
        session.flush()
    return reflection


def own_reflection(session: Session, reflection_id: int, workspace_id: str, user_id: str) -> Reflection | None:
    return session.scalar(
        select(Reflection).where(
            Reflection.id == reflection_id, Reflection.workspace_id == workspace_id, Reflection.user_id == user_id
        )
    )


def open_reflections(
    session: Session, workspace_id: str, user_id: str, now: datetime, limit: int = 3
) -> list[OpenReflection]:
    """Recent no's not yet reflected on to the end, newest first."""
    query = (
        select(Rejection.id, Rejection.logged_at, Rejection.kind)
        .outerjoin(Reflection, Reflection.rejection_id == Rejection.id)
        .where(
            Rejection.workspace_id == workspace_id,
            Rejection.user_id == user_id,
            Rejection.logged_at >= now - timedelta(days=OPEN_REFLECTION_DAYS),
            Reflection.finished_at.is_(None),
        )
        .order_by(Rejection.logged_at.desc(), Rejection.id.desc())
        .limit(limit)
    )
    return [
        OpenReflection(rejection_id=row.id, logged_at=row.logged_at, kind=row.kind) for row in session.execute(query)
    ]


def open_brave_steps(session: Session, workspace_id: str, user_id: str, limit: int = 3) -> list[BraveStep]:
    """Brave steps chosen and not yet done, soonest first."""
    query = (
        select(Reflection)
        .where(
            Reflection.workspace_id == workspace_id,
            Reflection.user_id == user_id,
            Reflection.brave_step.is_not(None),
            Reflection.brave_step_done_at.is_(None),
        )
        .order_by(Reflection.brave_step_due_at.asc(), Reflection.id.asc())
        .limit(limit)
    )
    return [
        BraveStep(reflection_id=row.id, text=row.brave_step or "", due_at=row.brave_step_due_at, done_at=None)
        for row in session.scalars(query)
    ]


def comebacks(
    session: Session, workspace_id: str, user_id: str, *, limit: int = 3, excluding_rejection: int | None = None
) -> list[Comeback]:
    """Past no's with a brave step taken afterwards, the most recently taken first."""
    query = (
        select(Rejection.logged_at, Rejection.kind, Reflection.new_story, Reflection.brave_step)
        .join(Reflection, Reflection.rejection_id == Rejection.id)
        .where(
            Reflection.workspace_id == workspace_id,
            Reflection.user_id == user_id,
            Reflection.brave_step_done_at.is_not(None),
            Reflection.brave_step.is_not(None),
        )
        .order_by(Reflection.brave_step_done_at.desc())
        .limit(limit)
    )
    if excluding_rejection is not None:
        query = query.where(Rejection.id != excluding_rejection)
    return [
        Comeback(logged_at=row.logged_at, kind=row.kind, new_story=row.new_story, brave_step=row.brave_step)
        for row in session.execute(query)
    ]


def scheduled_reminders(session: Session, workspace_id: str, user_id: str, now: datetime) -> list[str]:
    """Slack's ids of this person's reminder DMs that are still to come."""
    query = select(Reflection.brave_step_reminder_id).where(
        Reflection.workspace_id == workspace_id,
        Reflection.user_id == user_id,
        Reflection.brave_step_reminder_id.is_not(None),
        Reflection.brave_step_due_at > now,
    )
    return [reminder_id for reminder_id in session.scalars(query) if reminder_id]


# What a person writes or picks in the reflection's steps, by column.
ANSWER_COLUMNS = frozenset(
    {
        "feeling_note",
        "head_story",
        "new_story",
        "feedback_from",
        "brave_step",
        "brave_step_due_at",
        "brave_step_done_at",
    }
)


def save_answers(reflection: Reflection, answers: Mapping[str, object], now: datetime) -> None:
    """Store a step's answers (columns of ANSWER_COLUMNS) on the reflection."""
    unknown = set(answers) - ANSWER_COLUMNS
    if unknown:
        raise ValueError(f"not a reflection answer: {', '.join(sorted(unknown))}")
    for column, value in answers.items():
        setattr(reflection, column, value)
    reflection.updated_at = now


def record_traps(reflection: Reflection, trap_ids: Sequence[str]) -> None:
    """The thinking traps found in the person's story (they drive the reframes offered next)."""
    reflection.trap_ids = ",".join(trap_ids) or None


def finish_reflection(reflection: Reflection, now: datetime) -> None:
    """The person reached the last step; the first time counts."""
    reflection.finished_at = reflection.finished_at or now


def record_feedback_from(reflection: Reflection, who: str) -> None:
    reflection.feedback_from = who


def record_question(reflection: Reflection, question: str, who: str, now: datetime) -> None:
    """The feedback question the person chose to ask, and of whom."""
    reflection.feedback_question, reflection.feedback_from = question, who
    reflection.updated_at = reflection.feedback_asked_at = now


def record_reminder(reflection: Reflection, scheduled_id: str | None) -> None:
    """The platform's id for the brave step's scheduled reminder (None: none is scheduled); nothing is owed."""
    reflection.brave_step_reminder_id = scheduled_id
    reflection.brave_step_reminder_owed_since = reflection.brave_step_reminder_lang = None


def owe_reminder(reflection: Reflection, since: datetime, lang: str) -> None:
    """The reminder is to be handed to the platform (or an earlier one cancelled), in `lang`, from `since`.

    The id of an earlier reminder stays, so that whoever settles what is owed cancels it first."""
    reflection.brave_step_reminder_owed_since, reflection.brave_step_reminder_lang = since, lang


@dataclass(frozen=True)
class OwedReminder:
    reflection_id: int
    workspace_id: str
    user_id: str
    owed_since: datetime


def owed_reminders(session: Session, tried_before: datetime, limit: int) -> list[OwedReminder]:
    """Reminders owed and last tried before `tried_before`, longest owed first, for steps not yet done."""
    query = (
        select(Reflection.id, Reflection.workspace_id, Reflection.user_id, Reflection.brave_step_reminder_owed_since)
        .where(Reflection.brave_step_reminder_owed_since < tried_before, Reflection.brave_step_done_at.is_(None))
        .order_by(Reflection.brave_step_reminder_owed_since)
        .limit(limit)
    )
    return [OwedReminder(*row) for row in session.execute(query)]


def claim_owed_reminder(session: Session, owed: OwedReminder, now: datetime) -> Reflection | None:
    """Take an owed reminder to try it now: its reflection, or None when someone else took it first."""
    claimed = session.execute(
        update(Reflection)
        .where(Reflection.id == owed.reflection_id, Reflection.brave_step_reminder_owed_since == owed.owed_since)
        .values(brave_step_reminder_owed_since=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        return None
    return own_reflection(session, owed.reflection_id, owed.workspace_id, owed.user_id)


def mark_brave_step_done(reflection: Reflection, now: datetime) -> None:
    reflection.brave_step_done_at = reflection.brave_step_done_at or now
