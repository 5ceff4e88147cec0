"""What a person's Home shows: their own log, goal, open reflections, brave steps and comebacks; and,
for those who manage Nope, the workspace's settings and this week's anonymous totals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.progress import goal_progress, personal_progress
from coach.records import BraveStep, Comeback, GoalProgress, OpenReflection, PersonalProgress
from digest.anonymity import AnonymousWeek
from digest.settings import WorkspaceSettings
from storage.goals import goal_of
from storage.managers import is_listed_manager
from storage.reflections import comebacks, open_brave_steps, open_reflections
from storage.rejections import logged_times, recent_rejections
from use_cases.core import Core
from use_cases.digests import this_weeks_digest
from use_cases.person import Person


@dataclass(frozen=True)
class ManagerSummary:
    """Only what the digest itself would show: the settings, and the week's totals under the k rule."""

    settings: WorkspaceSettings
    week: AnonymousWeek


@dataclass(frozen=True)
class HomeContent:
    progress: PersonalProgress
    goal: GoalProgress | None = None
    open_reflections: Sequence[OpenReflection] = ()
    open_brave_steps: Sequence[BraveStep] = ()
    comebacks: Sequence[Comeback] = ()
    manager: ManagerSummary | None = None


def home_content(core: Core, person: Person) -> HomeContent:
    """The person's own log, and nobody else's."""
    now = core.clock()
    workspace_id, user_id = person.workspace_id, person.user_id
    with core.reading("reading a person's log") as session:
        times = logged_times(session, workspace_id, user_id)
        goal = goal_of(session, workspace_id, user_id)
        manager = None
        # The platform's cached word on who is an admin is fine for showing; settings ask afresh.
        if person.is_admin or is_listed_manager(session, workspace_id, user_id):
            settings, digest = this_weeks_digest(session, workspace_id, now, person.lang)
            manager = ManagerSummary(settings, digest.week)
        return HomeContent(
            progress=personal_progress(times, recent_rejections(session, workspace_id, user_id), now, person.zone),
            goal=goal_progress(goal, times, now, person.zone) if goal else None,
            open_reflections=open_reflections(session, workspace_id, user_id, now),
            open_brave_steps=open_brave_steps(session, workspace_id, user_id),
            comebacks=comebacks(session, workspace_id, user_id),
            manager=manager,
        )
