"""The private reflection on a no: five reflection steps in order, each optional and saved as the person goes.

FEEL -> STORY -> REFRAME -> FEEDBACK -> BRAVE_STEP -> REMEMBER. STORY and REFRAME are the two halves of
"the story": what the person tells themself, then the thinking traps in it and new ways to tell it.
Every id that comes back from a platform is looked up scoped to the person who sent it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from coach.catalog import default_who
from coach.i18n import translate
from coach.language import detect_language
from coach.library import WHO_SAID_NO, Phrase, asking_tip, brave_steps, feedback_questions, reframes
from coach.records import Comeback
from coach.traps import counter_question, detect_traps
from storage.goals import last_shown, remember_shown
from storage.models import Reflection, Rejection
from storage.reflections import (
    comebacks,
    finish_reflection,
    latest_rejection,
    owe_reminder,
    own_reflection,
    own_rejection,
    record_feedback_from,
    record_question,
    record_traps,
    reflection_for,
    save_answers,
)
from use_cases.core import Core, Invalid
from use_cases.messages import FeedbackQuestion
from use_cases.person import Person
from use_cases.ports import Messenger, PlatformError

FEEL, STORY, REFRAME, FEEDBACK, BRAVE_STEP, REMEMBER = "feel", "story", "reframe", "feedback", "step", "remember"
NEXT_STEP = {FEEL: STORY, STORY: REFRAME, REFRAME: FEEDBACK, FEEDBACK: BRAVE_STEP, BRAVE_STEP: REMEMBER}
# The reflection column each step's text is saved in.
TEXT_COLUMNS = {FEEL: "feeling_note", STORY: "head_story", REFRAME: "new_story", BRAVE_STEP: "brave_step"}
TEXT_MAX_CHARS = 2000
# Slack schedules messages at most 120 days ahead.
REMINDER_HORIZON = timedelta(days=120)
DEFAULT_BRAVE_STEP_TIME = time(9, 0)
# Field names for errors: the step's text, and when the brave step is due.
TEXT, WHEN = "text", "when"


@dataclass(frozen=True)
class AboutTheRejection:
    """The no a reflection is about, as its author sees it."""

    kind: str
    feeling: str
    logged_at: datetime


@dataclass(frozen=True)
class SpottedTrap:
    trap_id: str
    evidence: str
    question: str


@dataclass(frozen=True)
class ReflectionScreen:
    """One reflection step as the person sees it: what they saved, and what the coach offers now."""

    reflection_id: int
    step: str
    about: AboutTheRejection
    # The step's text as saved (or as just picked from the offered phrases).
    text: str | None = None
    # The phrases (reframes, questions, brave steps) on the screen; None for a step that offers none.
    offered: tuple[str, ...] | None = None
    traps: tuple[SpottedTrap, ...] = ()
    had_story: bool = False
    who: str | None = None
    who_options: tuple[str, ...] = WHO_SAID_NO
    asked: str | None = None
    # A question the person picked that could not be sent just now (and so is not saved as asked).
    not_sent: str | None = None
    default_day: date | None = None
    default_time: str = DEFAULT_BRAVE_STEP_TIME.strftime("%H:%M")
    comeback: Comeback | None = None


@dataclass(frozen=True)
class StepAnswers:
    """What the person entered in a step: its text, who said no, and when the brave step is due."""

    text: str | None = None
    who: str | None = None
    day: str | None = None
    clock_time: str | None = None


def spotted_traps(head_story: str | None, lang: str) -> tuple[SpottedTrap, ...]:
    """Traps in the person's own sentence (in whichever language they wrote it), asked about in `lang`."""
    if not head_story:
        return ()
    return tuple(
        SpottedTrap(hit.id, hit.evidence, counter_question(hit.id, lang))
        for hit in detect_traps(head_story, detect_language(head_story))
    )


def _offer(session: Session, reflection: Reflection, library: str, phrases: Sequence[Phrase]) -> tuple[str, ...]:
    """Remember what this person is shown now, so next time the coach offers other phrases."""
    remember_shown(session, reflection.workspace_id, reflection.user_id, library, [phrase.id for phrase in phrases])
    return tuple(phrase.text for phrase in phrases)


def _shown_before(session: Session, reflection: Reflection, library: str) -> list[str]:
    return last_shown(session, reflection.workspace_id, reflection.user_id, library)


def _about(rejection: Rejection) -> AboutTheRejection:
    return AboutTheRejection(kind=rejection.kind, feeling=rejection.feeling, logged_at=rejection.logged_at)


def _tomorrow(person: Person, now: datetime) -> date:
    return (now.astimezone(person.zone) + timedelta(days=1)).date()


def _saved_screen(
    reflection: Reflection, rejection: Rejection, step: str, person: Person, now: datetime
) -> ReflectionScreen:
    """The screen for `step` with what the person saved, before the coach offers any phrases."""
    about = _about(rejection)
    if step == REFRAME:
        traps, had_story = spotted_traps(reflection.head_story, person.lang), bool(reflection.head_story)
        return ReflectionScreen(
            reflection.id, REFRAME, about, text=reflection.new_story, traps=traps, had_story=had_story
        )
    if step == FEEDBACK:
        who = reflection.feedback_from or default_who(rejection.kind)
        return ReflectionScreen(reflection.id, FEEDBACK, about, who=who, asked=reflection.feedback_question)
    if step == BRAVE_STEP:
        day = _tomorrow(person, now)
        return ReflectionScreen(reflection.id, BRAVE_STEP, about, text=reflection.brave_step, default_day=day)
    return ReflectionScreen(reflection.id, step, about, text=getattr(reflection, TEXT_COLUMNS[step]))


def _phrases(
    screen: ReflectionScreen, reflection: Reflection, rejection: Rejection, person: Person, avoid: list[str]
) -> list[Phrase]:
    """What the coach offers on this screen, fitted to the kind of no (and the traps saved, or who said no)."""
    if screen.step == REFRAME:
        trap_ids = [trap for trap in (reflection.trap_ids or "").split(",") if trap]
        return reframes(rejection.kind, trap_ids, person.lang, avoid=avoid)
    if screen.step == FEEDBACK:
        return feedback_questions(rejection.kind, screen.who or "", person.lang, avoid=avoid)
    return brave_steps(rejection.kind, person.lang, avoid=avoid)


# The phrase library each step offers from, as remembered per person.
LIBRARIES = {REFRAME: "reframe", FEEDBACK: "question", BRAVE_STEP: "step"}


def _screen(
    session: Session, reflection: Reflection, rejection: Rejection, step: str, person: Person, now: datetime
) -> ReflectionScreen:
    """The screen for `step`, prefilled with what the person saved before, with phrases they saw least lately."""
    if step == REMEMBER:
        earlier = comebacks(
            session, reflection.workspace_id, reflection.user_id, limit=1, excluding_rejection=rejection.id
        )
        return ReflectionScreen(reflection.id, REMEMBER, _about(rejection), comeback=earlier[0] if earlier else None)
    screen = _saved_screen(reflection, rejection, step, person, now)
    if step not in LIBRARIES:
        return screen
    library = LIBRARIES[step]
    offered = _phrases(screen, reflection, rejection, person, _shown_before(session, reflection, library))
    return replace(screen, offered=_offer(session, reflection, library, offered))


def _owned(session: Session, person: Person, reflection_id: int) -> tuple[Reflection, Rejection] | None:
    """The reflection, only if it belongs to whoever is asking."""
    reflection = own_reflection(session, reflection_id, person.workspace_id, person.user_id)
    rejection = session.get(Rejection, reflection.rejection_id) if reflection else None
    return (reflection, rejection) if reflection and rejection else None


def start(core: Core, person: Person, rejection_id: int | None) -> ReflectionScreen | None:
    """The first step of reflecting on a no of theirs (the latest when no id is given); None if there is none."""
    now = core.clock()
    with core.writing("starting a reflection") as session:
        if rejection_id is None:
            rejection = latest_rejection(session, person.workspace_id, person.user_id)
        else:
            rejection = own_rejection(session, rejection_id, person.workspace_id, person.user_id)
        if rejection is None:
            return None
        reflection = reflection_for(session, rejection, now)
        return _screen(session, reflection, rejection, FEEL, person, now)


def _too_long(text: str | None, lang: str) -> str | None:
    if text and len(text) > TEXT_MAX_CHARS:
        return translate(lang, "field.story_too_long", length=len(text), limit=TEXT_MAX_CHARS)
    return None


def local_moment(day: str | None, clock_time: str | None, person: Person) -> datetime | None:
    """A date and a time picked by the person, on their own clock, as an aware datetime."""
    try:
        return datetime.combine(
            datetime.strptime(day or "", "%Y-%m-%d").date(),
            datetime.strptime(clock_time or "", "%H:%M").time(),
            tzinfo=person.zone,
        )
    except ValueError:
        return None


def check_step(step: str, answers: StepAnswers, person: Person, now: datetime) -> dict[str, object] | Invalid:
    """The reflection's columns to save for `step`, or what to correct."""
    if step == FEEDBACK:
        return {"feedback_from": answers.who} if answers.who else {}
    too_long = _too_long(answers.text, person.lang)
    if too_long:
        return Invalid({TEXT: too_long})
    changes: dict[str, object] = {TEXT_COLUMNS[step]: answers.text}
    if step != BRAVE_STEP or not answers.text:
        return changes  # without a brave step the step is skipped, whatever the pickers say
    due_at = local_moment(answers.day, answers.clock_time, person)
    if due_at is None or due_at <= now:
        return Invalid({WHEN: translate(person.lang, "field.step_in_past")})
    if due_at - now > REMINDER_HORIZON:
        return Invalid({WHEN: translate(person.lang, "field.step_too_far")})
    return {**changes, "brave_step_due_at": due_at, "brave_step_done_at": None}


def submit_step(
    core: Core, person: Person, reflection_id: int, step: str, answers: StepAnswers
) -> ReflectionScreen | Invalid | None:
    """Save a step and show the next; what to correct; or None when the reflection is not theirs (or gone)."""
    now = core.clock()
    changes = check_step(step, answers, person, now)
    if isinstance(changes, Invalid):
        return changes
    next_step = NEXT_STEP[step]
    with core.writing("saving a reflection step") as session:
        found = _owned(session, person, reflection_id)
        if found is None:
            return None
        reflection, rejection = found
        save_answers(reflection, changes, now)
        if step == BRAVE_STEP:
            # Owed from now, in the same transaction: if the reminder's own try fails, the scheduler's does not.
            owe_reminder(reflection, now, person.lang)
        if step == STORY:
            record_traps(reflection, [trap.trap_id for trap in spotted_traps(reflection.head_story, person.lang)])
        if next_step == REMEMBER:
            finish_reflection(reflection, now)
        return _screen(session, reflection, rejection, next_step, person, now)


def skip_step(core: Core, person: Person, reflection_id: int, step: str) -> ReflectionScreen | None:
    """The step after `step`, nothing saved for it; None for an unknown step or a reflection not theirs."""
    if step not in NEXT_STEP:
        return None
    now = core.clock()
    with core.writing("skipping a reflection step") as session:
        found = _owned(session, person, reflection_id)
        if found is None:
            return None
        reflection, rejection = found
        if NEXT_STEP[step] == REMEMBER:
            finish_reflection(reflection, now)
        return _screen(session, reflection, rejection, NEXT_STEP[step], person, now)


def use_phrase(
    core: Core, person: Person, reflection_id: int, step: str, picked: str, offered: tuple[str, ...]
) -> ReflectionScreen | None:
    """The reframe or brave step the person picked, put in the edit box where they can make it theirs."""
    with core.reading("reading a reflection") as session:
        found = _owned(session, person, reflection_id)
        if found is None:
            return None
        reflection, rejection = found
        return replace(_saved_screen(reflection, rejection, step, person, core.clock()), text=picked, offered=offered)


def pick_who(core: Core, person: Person, reflection_id: int, who: str) -> ReflectionScreen | None:
    """Who said no changed: save it and offer the questions that fit them."""
    if who not in WHO_SAID_NO:
        return None
    with core.writing("saving who said no") as session:
        found = _owned(session, person, reflection_id)
        if found is None:
            return None
        reflection, rejection = found
        record_feedback_from(reflection, who)
        return _screen(session, reflection, rejection, FEEDBACK, person, core.clock())


def ask_question(
    core: Core, person: Person, reflection_id: int, question: str, offered: tuple[str, ...], messenger: Messenger
) -> ReflectionScreen | None:
    """Send the picked question to the person, ready to copy, and save it as asked once it went out.

    When it could not go out, the screen says so (`not_sent`) and nothing is saved; None when the
    reflection is not theirs (or gone).
    """
    now = core.clock()
    with core.reading("reading a reflection") as session:
        found = _owned(session, person, reflection_id)
        if found is None:
            return None
        reflection, rejection = found
        who = reflection.feedback_from or default_who(rejection.kind)
        unchanged = replace(_saved_screen(reflection, rejection, FEEDBACK, person, now), offered=offered)
    try:
        messenger.send(person.user_id, FeedbackQuestion(person.lang, question, asking_tip(who, person.lang)))
    except PlatformError:
        return replace(unchanged, not_sent=question)
    with core.writing("saving a feedback question") as session:
        found = _owned(session, person, reflection_id)
        if found is None:
            return None
        reflection, rejection = found
        record_question(reflection, question, who, now)
        return replace(_saved_screen(reflection, rejection, FEEDBACK, person, now), offered=offered)
