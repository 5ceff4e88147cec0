"""Goals, and what a person's Home shows: their own numbers only; the manager summary only for managers."""

from __future__ import annotations

from datetime import timedelta

from coach.records import Goal
from tests.use_cases.platform import ANNA, BRAM
from use_cases import goals
from use_cases.core import Invalid
from use_cases.goals import GoalAnswers
from use_cases.home import home_content
from use_cases.log_rejection import RejectionAnswers, check, log_rejection
from use_cases.person import Person


def log(core, person: Person) -> None:
    log_rejection(core, person, check(RejectionAnswers("outreach", "silence", "numb", "1", None, True), "en"))


def test_a_goal_is_checked_saved_and_counted(core):
    assert goals.current_goal(core, ANNA) is None
    assert set(goals.check(GoalAnswers("0", "year"), "en").errors) == {"target", "period"}
    goal = goals.check(GoalAnswers("5", "month"), "en")
    log(core, ANNA)

    progress = goals.save_goal(core, ANNA, goal)

    assert goal == Goal(5, "month") and not isinstance(goal, Invalid)
    assert (progress.collected, progress.target, progress.reached) == (1, 5, False)
    assert goals.current_goal(core, ANNA) == goal


def test_the_home_holds_the_persons_own_log_and_streak(core, clock):
    log(core, ANNA)
    clock.advance(timedelta(weeks=1))
    log(core, ANNA)
    log(core, BRAM)

    home = home_content(core, ANNA)

    assert (home.progress.total, home.progress.this_week, home.progress.streak_weeks) == (2, 1, 2)
    assert len(home.progress.recent) == 2 and len(home.open_reflections) == 2
    assert home.manager is None


def test_a_manager_sees_only_the_weeks_anonymous_totals(core):
    for person in (ANNA, BRAM):
        log(core, person)
    admin = Person("slack", ANNA.workspace_id, "U0BOSS", is_admin=True)

    summary = home_content(core, admin).manager

    assert summary.settings.workspace_id == ANNA.workspace_id
    # Two people this week: under k = 3 nothing is shown, not even the count.
    assert (summary.week.shown, summary.week.rejections, summary.week.people) == (False, None, None)
