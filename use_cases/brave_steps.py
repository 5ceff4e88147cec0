"""A brave step's reminder, sent to the person at the moment they chose, and marking the step done."""

from __future__ import annotations

import logging

from storage.reflections import mark_brave_step_done, own_reflection, record_reminder
from use_cases.core import Core
from use_cases.messages import BraveStepReminder, ReminderNotScheduled
from use_cases.person import Person
from use_cases.ports import Messenger, PlatformError

logger = logging.getLogger(__name__)


def plan_reminder(core: Core, person: Person, reflection_id: int, messenger: Messenger) -> None:
    """Schedule the step's reminder, replacing (or, with no step left, cancelling) an earlier one.

    If the platform will not schedule it, the step is sent now, so the person still has it.
    """
    with core.reading("reading a brave step") as session:
        reflection = own_reflection(session, reflection_id, person.workspace_id, person.user_id)
        if reflection is None:
            return
        step, due_at, earlier = reflection.brave_step, reflection.brave_step_due_at, reflection.brave_step_reminder_id
    scheduled_id = None
    try:
        if earlier:
            messenger.cancel(person.user_id, earlier)
        if step and due_at is not None:
            scheduled_id = messenger.schedule(
                person.user_id, due_at, BraveStepReminder(person.lang, reflection_id, step)
            )
    except PlatformError:
        if step:
            _send_now(messenger, person, step)
    with core.writing("saving a reminder") as session:
        reflection = own_reflection(session, reflection_id, person.workspace_id, person.user_id)
        if reflection is not None:
            record_reminder(reflection, scheduled_id)


def _send_now(messenger: Messenger, person: Person, step: str) -> None:
    try:
        messenger.send(person.user_id, ReminderNotScheduled(person.lang, step))
    except PlatformError:
        logger.warning("the brave step could not reach %s at all", person.user_id)


def mark_done(core: Core, person: Person, reflection_id: int) -> str | None:
    """Count the brave step as taken (a comeback); its text, or None when there is no step of theirs."""
    with core.writing("marking a brave step done") as session:
        reflection = own_reflection(session, reflection_id, person.workspace_id, person.user_id)
        if reflection is None or not reflection.brave_step:
            return None
        mark_brave_step_done(reflection, core.clock())
        return reflection.brave_step
