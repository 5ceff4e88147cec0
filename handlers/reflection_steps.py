"""Building each reflection step's view from what the person saved and what the coach offers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from blocks import reflection_views as steps
from blocks.kit import Block
from blocks.metadata import ModalMetadata
from coach.catalog import default_who
from coach.language import detect_language
from coach.library import WHO_SAID_NO, Phrase, brave_steps, feedback_questions, reframes
from coach.traps import counter_question, detect_traps
from handlers.people import zone_for
from storage.goals import last_shown, remember_shown
from storage.models import Reflection, Rejection
from storage.reflections import comebacks

NEXT_STEP = {
    steps.FEEL: steps.STORY,
    steps.STORY: steps.REFRAME,
    steps.REFRAME: steps.FEEDBACK,
    steps.FEEDBACK: steps.BRAVE_STEP,
    steps.BRAVE_STEP: steps.REMEMBER,
}
DEFAULT_STEP_TIME = time(9, 0)


def spotted_traps(head_story: str | None, lang: str) -> list[steps.SpottedTrap]:
    """Traps in the person's own sentence (in whichever language they wrote it), asked about in `lang`."""
    if not head_story:
        return []
    return [
        steps.SpottedTrap(hit.id, hit.evidence, counter_question(hit.id, lang))
        for hit in detect_traps(head_story, detect_language(head_story))
    ]


def _offer(session: Session, reflection: Reflection, library: str, phrases: Sequence[Phrase]) -> tuple[str, ...]:
    """Remember what this person is shown now, so next time the coach offers other phrases."""
    remember_shown(session, reflection.workspace_id, reflection.user_id, library, [phrase.id for phrase in phrases])
    return tuple(phrase.text for phrase in phrases)


def _shown_before(session: Session, reflection: Reflection, library: str) -> list[str]:
    return last_shown(session, reflection.workspace_id, reflection.user_id, library)


def reframe_step(metadata: ModalMetadata, reflection: Reflection, new_story: str | None) -> Block:
    traps = spotted_traps(reflection.head_story, metadata.lang)
    return steps.reframe_view(metadata, traps, bool(reflection.head_story), new_story)


def brave_step_screen(metadata: ModalMetadata, step_text: str | None, now: datetime) -> Block:
    tomorrow = (now.astimezone(zone_for(metadata.timezone_name)) + timedelta(days=1)).date()
    return steps.brave_step_view(metadata, step_text, tomorrow, DEFAULT_STEP_TIME.strftime("%H:%M"))


def feedback_step(
    session: Session, reflection: Reflection, rejection: Rejection, metadata: ModalMetadata, who: str
) -> Block:
    offered = feedback_questions(
        rejection.kind, who, metadata.lang, avoid=_shown_before(session, reflection, "question")
    )
    shown = _offer(session, reflection, "question", offered)
    return steps.feedback_view(metadata.next_revision(shown), WHO_SAID_NO, who, reflection.feedback_question)


def reflection_step_view(
    session: Session,
    reflection: Reflection,
    rejection: Rejection,
    step: str,
    metadata: ModalMetadata,
    now: datetime,
) -> Block:
    """The view for `step`, prefilled with what the person saved before."""
    about = steps.AboutTheRejection(kind=rejection.kind, feeling=rejection.feeling, logged_at=rejection.logged_at)
    if step == steps.FEEL:
        return steps.feel_view(metadata, about, reflection.feeling_note)
    if step == steps.STORY:
        return steps.story_view(metadata, about, reflection.head_story)
    if step == steps.REFRAME:
        trap_ids = [trap for trap in (reflection.trap_ids or "").split(",") if trap]
        offered = reframes(rejection.kind, trap_ids, metadata.lang, avoid=_shown_before(session, reflection, "reframe"))
        shown = _offer(session, reflection, "reframe", offered)
        return reframe_step(metadata.next_revision(shown), reflection, reflection.new_story)
    if step == steps.FEEDBACK:
        who = reflection.feedback_from or default_who(rejection.kind)
        return feedback_step(session, reflection, rejection, metadata, who)
    if step == steps.BRAVE_STEP:
        offered = brave_steps(rejection.kind, metadata.lang, avoid=_shown_before(session, reflection, "step"))
        shown = _offer(session, reflection, "step", offered)
        return brave_step_screen(metadata.next_revision(shown), reflection.brave_step, now)
    earlier = comebacks(session, reflection.workspace_id, reflection.user_id, limit=1, excluding_rejection=rejection.id)
    return steps.remember_view(metadata, earlier[0] if earlier else None)
