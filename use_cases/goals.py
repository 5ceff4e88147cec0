"""Bravery goals: effort, not outcome ("collect 10 no's this month")."""

from __future__ import annotations

from dataclasses import dataclass

from coach.i18n import translate
from coach.progress import GOAL_PERIODS, goal_progress
from coach.records import Goal, GoalProgress
from storage.goals import goal_of, set_goal
from storage.rejections import logged_times
from use_cases.core import Core, Invalid
from use_cases.person import Person

TARGET, PERIOD = "target", "period"
TARGET_MIN, TARGET_MAX = 1, 100
SUGGESTED_GOAL = Goal(target=10, period="month")


@dataclass(frozen=True)
class GoalAnswers:
    target: str | None
    period: str | None


def current_goal(core: Core, person: Person) -> Goal | None:
    with core.reading("reading a goal") as session:
        return goal_of(session, person.workspace_id, person.user_id)


def check(answers: GoalAnswers, lang: str) -> Goal | Invalid:
    raw_target = answers.target or ""
    target = int(raw_target) if raw_target.isdigit() else 0
    errors: dict[str, str] = {}
    if not TARGET_MIN <= target <= TARGET_MAX:
        errors[TARGET] = translate(lang, "field.goal_target")
    if answers.period not in GOAL_PERIODS:
        errors[PERIOD] = translate(lang, "field.goal_period")
    return Invalid(errors) if errors else Goal(target=target, period=str(answers.period))


def save_goal(core: Core, person: Person, goal: Goal) -> GoalProgress:
    """Set (or replace) the person's goal; its progress so far."""
    now = core.clock()
    with core.writing("saving a goal") as session:
        set_goal(session, person.workspace_id, person.user_id, goal, now)
        times = logged_times(session, person.workspace_id, person.user_id)
    return goal_progress(goal, times, now, person.zone)
