"""What a person entered in a modal (`view.state.values`, whatever shape it arrives in), as the use
cases' answers; and their field errors put back on the modal's blocks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blocks import goal_views, log_rejection_modal, settings_view
from blocks import reflection_views as reflection_blocks
from blocks.metadata import ModalMetadata
from slack_requests.clean_text import storable
from use_cases import goals, log_rejection, reflection, settings
from use_cases.core import Invalid
from use_cases.goals import GoalAnswers
from use_cases.log_rejection import RejectionAnswers
from use_cases.reflection import StepAnswers
from use_cases.settings import SettingsAnswers


def element_state(values: dict[str, Any], block_id: str) -> dict[str, Any]:
    """The state of the one element in input block `block_id` (each of ours holds exactly one)."""
    actions = values.get(block_id)
    element = next(iter(actions.values()), {}) if isinstance(actions, dict) and actions else {}
    return element if isinstance(element, dict) else {}


def chosen_value(values: dict[str, Any], block_id: str) -> str | None:
    """The value of the option picked in a select or radio group, if any."""
    selected = element_state(values, block_id).get("selected_option")
    value = selected.get("value") if isinstance(selected, dict) else None
    return value if isinstance(value, str) else None


def typed_text(values: dict[str, Any], block_id: str) -> str | None:
    """What was typed in a text (or number) input, stripped; None when empty."""
    raw = element_state(values, block_id).get("value")
    return storable(raw).strip() or None if isinstance(raw, str) else None


def _picked(values: dict[str, Any], block_id: str, key: str) -> str | None:
    value = element_state(values, block_id).get(key)
    return value if isinstance(value, str) else None


def _ids(values: dict[str, Any], block_id: str, key: str) -> tuple[str, ...]:
    chosen = element_state(values, block_id).get(key)
    return tuple(item for item in chosen if isinstance(item, str)) if isinstance(chosen, list) else ()


def on_blocks(invalid: Invalid, blocks_by_field: Mapping[str, str]) -> dict[str, str]:
    """Field errors as Slack's `response_action: errors` wants them: by block_id."""
    return {blocks_by_field[name]: message for name, message in invalid.errors.items()}


LOG_REJECTION_BLOCKS = {
    log_rejection.KIND: log_rejection_modal.KIND_BLOCK,
    log_rejection.FORM: log_rejection_modal.FORM_BLOCK,
    log_rejection.FEELING: log_rejection_modal.FEELING_BLOCK,
    log_rejection.INTENSITY: log_rejection_modal.INTENSITY_BLOCK,
    log_rejection.STORY: log_rejection_modal.STORY_BLOCK,
}


def rejection_answers(values: dict[str, Any]) -> RejectionAnswers:
    tally = element_state(values, log_rejection_modal.TALLY_BLOCK).get("selected_options") or []
    return RejectionAnswers(
        kind=chosen_value(values, log_rejection_modal.KIND_BLOCK),
        form=chosen_value(values, log_rejection_modal.FORM_BLOCK),
        feeling=chosen_value(values, log_rejection_modal.FEELING_BLOCK),
        intensity=chosen_value(values, log_rejection_modal.INTENSITY_BLOCK),
        story=typed_text(values, log_rejection_modal.STORY_BLOCK),
        counts_in_tally=any(
            isinstance(choice, dict) and choice.get("value") == log_rejection_modal.TALLY_VALUE for choice in tally
        ),
    )


GOAL_BLOCKS = {goals.TARGET: goal_views.TARGET_BLOCK, goals.PERIOD: goal_views.PERIOD_BLOCK}


def goal_answers(values: dict[str, Any]) -> GoalAnswers:
    return GoalAnswers(
        target=typed_text(values, goal_views.TARGET_BLOCK), period=chosen_value(values, goal_views.PERIOD_BLOCK)
    )


def step_text_block(step: str, metadata: ModalMetadata) -> str:
    """The block holding a reflection step's text; the edit boxes that Nope prefills change with the revision."""
    if step == reflection.FEEDBACK:
        return reflection_blocks.WHO_BLOCK
    block_id = reflection_blocks.TEXT_BLOCKS[step]
    if step in (reflection.REFRAME, reflection.BRAVE_STEP):
        return reflection_blocks.revisioned(block_id, metadata)
    return block_id


def step_blocks(step: str, metadata: ModalMetadata) -> dict[str, str]:
    return {reflection.TEXT: step_text_block(step, metadata), reflection.WHEN: reflection_blocks.BRAVE_STEP_DATE_BLOCK}


def step_answers(step: str, values: dict[str, Any], metadata: ModalMetadata) -> StepAnswers:
    if step == reflection.FEEDBACK:
        return StepAnswers(who=chosen_value(values, reflection_blocks.WHO_BLOCK))
    return StepAnswers(
        text=typed_text(values, step_text_block(step, metadata)),
        day=_picked(values, reflection_blocks.BRAVE_STEP_DATE_BLOCK, "selected_date"),
        clock_time=_picked(values, reflection_blocks.BRAVE_STEP_TIME_BLOCK, "selected_time"),
    )


SETTINGS_BLOCKS = {
    settings.ENABLED: settings_view.ENABLED_BLOCK,
    settings.CHANNELS: settings_view.CHANNELS_BLOCK,
    settings.DAY: settings_view.DAY_BLOCK,
    settings.TIME: settings_view.TIME_BLOCK,
    settings.TIMEZONE: settings_view.TIMEZONE_BLOCK,
    settings.LANGUAGE: settings_view.LANGUAGE_BLOCK,
    settings.MIN_GROUP_FIELD: settings_view.MIN_GROUP_BLOCK,
    settings.TEAM_GOAL: settings_view.TEAM_GOAL_BLOCK,
    settings.RETENTION: settings_view.RETENTION_BLOCK,
    settings.MANAGERS: settings_view.MANAGERS_BLOCK,
}


def settings_answers(values: dict[str, Any]) -> SettingsAnswers:
    return SettingsAnswers(
        enabled=chosen_value(values, settings_view.ENABLED_BLOCK),
        channels=_ids(values, settings_view.CHANNELS_BLOCK, "selected_conversations"),
        day=chosen_value(values, settings_view.DAY_BLOCK),
        time=_picked(values, settings_view.TIME_BLOCK, "selected_time"),
        timezone=chosen_value(values, settings_view.TIMEZONE_BLOCK),
        language=chosen_value(values, settings_view.LANGUAGE_BLOCK),
        min_group=typed_text(values, settings_view.MIN_GROUP_BLOCK),
        team_goal=typed_text(values, settings_view.TEAM_GOAL_BLOCK),
        retention=typed_text(values, settings_view.RETENTION_BLOCK),
        managers=_ids(values, settings_view.MANAGERS_BLOCK, "selected_users"),
    )
