"""Logging a no: checking what the person entered, and saving it (unless Nope was switched off)."""

from __future__ import annotations

from dataclasses import dataclass

from coach.catalog import FEELINGS, FORMS, INTENSITIES, KINDS, STORY_MAX_CHARS
from coach.i18n import translate
from coach.progress import goal_progress, rejections_this_week
from coach.records import GoalProgress, NewRejection
from storage.goals import goal_of
from storage.rejections import add_rejection, logged_times
from storage.workspaces import is_enabled
from use_cases.core import Core, Invalid
from use_cases.person import Person

# The fields of the log-a-no form, as doors name them in field errors.
KIND, FORM, FEELING, INTENSITY, STORY = "kind", "form", "feeling", "intensity", "story"


@dataclass(frozen=True)
class RejectionAnswers:
    """The form as the person left it: choices as the platform sent them, text as typed (stripped)."""

    kind: str | None
    form: str | None
    feeling: str | None
    intensity: str | None
    story: str | None
    counts_in_tally: bool


@dataclass(frozen=True)
class Logged:
    rejection_id: int
    this_week: int
    counts_in_tally: bool
    goal: GoalProgress | None


@dataclass(frozen=True)
class SwitchedOff:
    """A manager switched Nope off while the form was open: nothing was logged."""


def check(answers: RejectionAnswers, lang: str) -> NewRejection | Invalid:
    """A new no, or a message in `lang` for every field that needs another look."""
    errors: dict[str, str] = {}
    if answers.kind not in KINDS:
        errors[KIND] = translate(lang, "field.kind_missing")
    if answers.form not in FORMS:
        errors[FORM] = translate(lang, "field.form_missing")
    if answers.feeling not in FEELINGS:
        errors[FEELING] = translate(lang, "field.feeling_missing")
    intensity = int(answers.intensity) if answers.intensity and answers.intensity.isdigit() else None
    if intensity not in INTENSITIES:
        errors[INTENSITY] = translate(lang, "field.intensity_missing")
    if answers.story and len(answers.story) > STORY_MAX_CHARS:
        errors[STORY] = translate(lang, "field.story_too_long", length=len(answers.story), limit=STORY_MAX_CHARS)
    if errors:
        return Invalid(errors)
    return NewRejection(
        kind=str(answers.kind),
        form=str(answers.form),
        feeling=str(answers.feeling),
        intensity=int(intensity or 0),
        story=answers.story,
        counts_in_tally=answers.counts_in_tally,
    )


def log_rejection(core: Core, person: Person, new_rejection: NewRejection) -> Logged | SwitchedOff:
    """Save the no; with this week's count and the person's goal, for the acknowledgement."""
    now = core.clock()
    with core.writing("saving a no") as session:
        if not is_enabled(session, person.workspace_id):
            return SwitchedOff()
        rejection = add_rejection(
            session,
            workspace_id=person.workspace_id,
            organisation_id=person.organisation_id,
            user_id=person.user_id,
            logged_at=now,
            new_rejection=new_rejection,
        )
        times = logged_times(session, person.workspace_id, person.user_id)
        goal = goal_of(session, person.workspace_id, person.user_id)
    return Logged(
        rejection_id=rejection.id,
        this_week=rejections_this_week(times, now, person.zone),
        counts_in_tally=new_rejection.counts_in_tally,
        goal=goal_progress(goal, times, now, person.zone) if goal else None,
    )


def is_switched_on(core: Core, workspace_id: str) -> bool:
    """Whether logging and reflecting are on in the workspace (remembered briefly; see WorkspaceSwitches)."""
    return core.switches.is_on(workspace_id)
