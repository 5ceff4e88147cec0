"""A brave step's reminder, delivered once at the moment the person chose, and marking the step done.

The platform keeps the reminder until its moment (a scheduled message). When it does not take it (busy,
unreachable, or no answer), the reminder is owed: the scheduler tries again every minute, first looking
for one an unanswered attempt may have left, so the person gets it late rather than never or twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from coach.i18n import DEFAULT_LANGUAGE
from storage.reflections import (
    OwedReminder,
    claim_owed_reminder,
    mark_brave_step_done,
    owe_reminder,
    owed_reminders,
    own_reflection,
    record_reminder,
    scheduled_reminders,
)
from use_cases.core import Core
from use_cases.messages import BraveStepReminder, ReminderNotScheduled
from use_cases.person import Person
from use_cases.ports import Messenger, OutcomeUnknown, PlatformError, TryLater, WorkspaceFor

logger = logging.getLogger(__name__)

# How long an owed reminder waits between tries, and how many one pass of the scheduler tries.
OWED_RETRY_AFTER = timedelta(seconds=50)
OWED_PER_PASS = 200


@dataclass(frozen=True)
class Reminding:
    """One reminder to hand to the platform: whose, which step, when, in which language."""

    user_id: str
    lang: str
    reflection_id: int
    brave_step: str
    due_at: datetime


@dataclass(frozen=True)
class Delivered:
    """The platform has the reminder (`scheduled_id` to cancel it), or the person has had it already (None)."""

    scheduled_id: str | None


@dataclass(frozen=True)
class Owed:
    """The platform took nothing: the reminder is owed, and tried again later."""


def _send_at_once(
    messenger: Messenger, reminding: Reminding, message: BraveStepReminder | ReminderNotScheduled
) -> Delivered | Owed:
    """Send now; owed when the platform may take it later, given up when it refuses for good."""
    try:
        messenger.send(reminding.user_id, message)
    except TryLater:
        return Owed()
    except OutcomeUnknown:
        pass  # it may have arrived: once at most
    except PlatformError:
        logger.warning("the brave step could not reach %s at all", reminding.user_id)
    return Delivered(None)


def _deliver(
    messenger: Messenger, reminding: Reminding, now: datetime, known_ids: frozenset[str] | None = None
) -> Delivered | Owed:
    """Hand the reminder to the platform; `known_ids` (the person's reminders on record) when an earlier try
    may have left one at the platform, to look for it first."""
    reminder = BraveStepReminder(reminding.lang, reminding.reflection_id, reminding.brave_step)
    if reminding.due_at <= now:
        return _send_at_once(messenger, reminding, reminder)  # owed past its moment: late, not never
    try:
        if known_ids is not None:
            left = messenger.find_scheduled(reminding.user_id, reminding.due_at, reminder)
            adoptable = [found for found in left if found not in known_ids]
            if adoptable:
                return Delivered(adoptable[0])
        return Delivered(messenger.schedule(reminding.user_id, reminding.due_at, reminder))
    except (TryLater, OutcomeUnknown):
        return Owed()
    except PlatformError:
        # Refused for good (a moment Slack will not take, say): the person gets the step now instead.
        return _send_at_once(messenger, reminding, ReminderNotScheduled(reminding.lang, reminding.brave_step))


def _settle(core: Core, owed: OwedReminder, claimed_at: datetime, lang: str, outcome: Delivered | Owed) -> bool:
    """Save what came of a try; False when the step was replanned meanwhile (that plan owes its own)."""
    with core.writing("saving a reminder") as session:
        reflection = own_reflection(session, owed.reflection_id, owed.workspace_id, owed.user_id)
        if reflection is None or reflection.brave_step_reminder_owed_since != claimed_at:
            return False
        if isinstance(outcome, Owed):
            owe_reminder(reflection, core.clock(), lang)  # the next try waits from the end of this one
            return False
        record_reminder(reflection, outcome.scheduled_id)
        return True


def _try(core: Core, owed: OwedReminder, messenger: Messenger, now: datetime, *, look_first: bool) -> bool:
    """One try at an owed reminder: claimed, the earlier one cancelled, the new one handed to the platform,
    the outcome saved. True when it is settled (handed over, sent, or nothing left to remind of)."""
    with core.writing("claiming a reminder") as session:
        reflection = claim_owed_reminder(session, owed, now)
        if reflection is None:
            return False
        lang = reflection.brave_step_reminder_lang or DEFAULT_LANGUAGE
        step, due_at, earlier = reflection.brave_step, reflection.brave_step_due_at, reflection.brave_step_reminder_id
        known_ids = None
        if look_first:
            known_ids = frozenset(scheduled_reminders(session, owed.workspace_id, owed.user_id, now))
    if earlier:
        try:
            messenger.cancel(owed.user_id, earlier)
        except PlatformError:
            logger.warning("an earlier reminder for %s could not be cancelled", owed.user_id)
    outcome: Delivered | Owed = Delivered(None)
    if step and due_at is not None:
        outcome = _deliver(messenger, Reminding(owed.user_id, lang, owed.reflection_id, step, due_at), now, known_ids)
    return _settle(core, owed, now, lang, outcome)


def plan_reminder(core: Core, person: Person, reflection_id: int, messenger: Messenger) -> None:
    """Right after the brave step is saved (which makes its reminder owed): schedule it, replacing (or, with no
    step left, cancelling) an earlier one. Whatever this cannot do, the scheduler's next pass does."""
    with core.reading("reading a brave step") as session:
        reflection = own_reflection(session, reflection_id, person.workspace_id, person.user_id)
        owed_since = reflection.brave_step_reminder_owed_since if reflection is not None else None
    if owed_since is not None:
        owed = OwedReminder(reflection_id, person.workspace_id, person.user_id, owed_since)
        _try(core, owed, messenger, core.clock(), look_first=False)


def send_owed_reminders(core: Core, workspaces: WorkspaceFor, now: datetime) -> int:
    """Try every reminder owed (and last tried a while ago) again; how many are now settled."""
    with core.reading("reading owed reminders") as session:
        owed_now = owed_reminders(session, now - OWED_RETRY_AFTER, OWED_PER_PASS)
    settled = 0
    for owed in owed_now:
        workspace = workspaces(owed.workspace_id)
        if workspace is not None and _try(core, owed, workspace, now, look_first=True):
            settled += 1
    return settled


def mark_done(core: Core, person: Person, reflection_id: int) -> str | None:
    """Count the brave step as taken (a comeback); its text, or None when there is no step of theirs."""
    with core.writing("marking a brave step done") as session:
        reflection = own_reflection(session, reflection_id, person.workspace_id, person.user_id)
        if reflection is None or not reflection.brave_step:
            return None
        mark_brave_step_done(reflection, core.clock())
        return reflection.brave_step
