"""Reading a submitted reflection step: what to save, or which field to correct."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from blocks import reflection_views as steps
from blocks.metadata import ModalMetadata
from coach.i18n import translate
from handlers.people import zone_for
from handlers.view_state import chosen_value, element_state, typed_text

# Slack schedules messages at most 120 days ahead.
REMINDER_HORIZON = timedelta(days=120)


@dataclass
class StepReading:
    # Reflection column -> new value.
    changes: dict[str, Any] = field(default_factory=dict)
    # block_id -> message, for `response_action: errors`.
    errors: dict[str, str] = field(default_factory=dict)
    # Where a "could not save" message goes.
    first_block: str = ""


def local_moment(day: str | None, clock_time: str | None, timezone_name: str) -> datetime | None:
    """A date and a time picked in Slack, on the person's own clock, as an aware datetime."""
    try:
        return datetime.combine(
            datetime.strptime(day or "", "%Y-%m-%d").date(),
            datetime.strptime(clock_time or "", "%H:%M").time(),
            tzinfo=zone_for(timezone_name),
        )
    except ValueError:
        return None


def _read_text(reading: StepReading, values: dict[str, Any], block_id: str, column: str, lang: str) -> None:
    reading.first_block = reading.first_block or block_id
    text = typed_text(values, block_id)
    if text and len(text) > steps.TEXT_MAX_CHARS:
        reading.errors[block_id] = translate(lang, "field.story_too_long", length=len(text), limit=steps.TEXT_MAX_CHARS)
    else:
        reading.changes[column] = text


def read_step(step: str, values: dict[str, Any], metadata: ModalMetadata, now: datetime) -> StepReading:
    reading = StepReading()
    lang = metadata.lang
    if step == steps.FEEL:
        _read_text(reading, values, steps.FEELING_NOTE_BLOCK, "feeling_note", lang)
    elif step == steps.STORY:
        _read_text(reading, values, steps.HEAD_STORY_BLOCK, "head_story", lang)
    elif step == steps.REFRAME:
        _read_text(reading, values, steps.revisioned(steps.NEW_STORY_BLOCK, metadata), "new_story", lang)
    elif step == steps.FEEDBACK:
        reading.first_block = steps.WHO_BLOCK
        who = chosen_value(values, steps.WHO_BLOCK)
        if who:
            reading.changes["feedback_from"] = who
    elif step == steps.BRAVE_STEP:
        _read_brave_step(reading, values, metadata, now)
    return reading


def _read_brave_step(reading: StepReading, values: dict[str, Any], metadata: ModalMetadata, now: datetime) -> None:
    _read_text(reading, values, steps.revisioned(steps.BRAVE_STEP_TEXT_BLOCK, metadata), "brave_step", metadata.lang)
    if not reading.changes.get("brave_step"):
        return  # no step: the step is skipped, whatever the pickers say
    due_at = local_moment(
        element_state(values, steps.BRAVE_STEP_DATE_BLOCK).get("selected_date"),
        element_state(values, steps.BRAVE_STEP_TIME_BLOCK).get("selected_time"),
        metadata.timezone_name,
    )
    if due_at is None or due_at <= now:
        reading.errors[steps.BRAVE_STEP_DATE_BLOCK] = translate(metadata.lang, "field.step_in_past")
    elif due_at - now > REMINDER_HORIZON:
        reading.errors[steps.BRAVE_STEP_DATE_BLOCK] = translate(metadata.lang, "field.step_too_far")
    else:
        reading.changes["brave_step_due_at"] = due_at
        reading.changes["brave_step_done_at"] = None
