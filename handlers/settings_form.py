"""Reading the settings modal's answers into settings, with a message for every field that is wrong."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import available_timezones

from blocks.settings_view import (
    CHANNELS_BLOCK,
    DAY_BLOCK,
    ENABLED_BLOCK,
    LANGUAGE_BLOCK,
    MANAGERS_BLOCK,
    MIN_GROUP_BLOCK,
    MIN_GROUP_MAX,
    RETENTION_BLOCK,
    RETENTION_MAX,
    RETENTION_MIN,
    TEAM_GOAL_BLOCK,
    TEAM_GOAL_MAX,
    TIME_BLOCK,
    TIMEZONE_BLOCK,
)
from coach.i18n import LANGUAGES, translate
from digest.anonymity import MIN_GROUP
from digest.schedule import parse_clock
from digest.settings import WorkspaceSettings
from handlers.view_state import chosen_value, element_state, typed_text
from storage.workspaces import known_channels


@dataclass(frozen=True)
class SettingsAnswers:
    settings: WorkspaceSettings
    managers: tuple[str, ...]


def _whole_number(values: dict[str, Any], block_id: str, low: int, high: int) -> int | None:
    text = typed_text(values, block_id)
    return int(text) if text is not None and text.isdigit() and low <= int(text) <= high else None


def _ids(values: dict[str, Any], block_id: str, key: str) -> tuple[str, ...]:
    chosen = element_state(values, block_id).get(key)
    return tuple(item for item in chosen if isinstance(item, str)) if isinstance(chosen, list) else ()


def read_settings(
    values: dict[str, Any], current: WorkspaceSettings, lang: str
) -> tuple[SettingsAnswers | None, dict[str, str]]:
    errors: dict[str, str] = {}
    enabled = chosen_value(values, ENABLED_BLOCK)
    day = chosen_value(values, DAY_BLOCK)
    clock = element_state(values, TIME_BLOCK).get("selected_time")
    zone = chosen_value(values, TIMEZONE_BLOCK)
    language = chosen_value(values, LANGUAGE_BLOCK)
    min_group = _whole_number(values, MIN_GROUP_BLOCK, MIN_GROUP, MIN_GROUP_MAX)
    retention = _whole_number(values, RETENTION_BLOCK, RETENTION_MIN, RETENTION_MAX)
    goal_text = typed_text(values, TEAM_GOAL_BLOCK)
    team_goal = _whole_number(values, TEAM_GOAL_BLOCK, 1, TEAM_GOAL_MAX)

    if enabled not in {"on", "off"}:
        errors[ENABLED_BLOCK] = translate(lang, "settings.error.enabled")
    if day is None or not day.isdigit() or int(day) > 6:
        errors[DAY_BLOCK] = translate(lang, "settings.error.day")
    try:
        digest_time = parse_clock(clock).strftime("%H:%M") if isinstance(clock, str) else None
    except ValueError:
        digest_time = None
    if digest_time is None:
        errors[TIME_BLOCK] = translate(lang, "settings.error.time")
    if zone not in available_timezones() and zone != "UTC":
        errors[TIMEZONE_BLOCK] = translate(lang, "settings.error.timezone")
    if language not in LANGUAGES:
        errors[LANGUAGE_BLOCK] = translate(lang, "settings.error.language")
    if min_group is None:
        errors[MIN_GROUP_BLOCK] = translate(lang, "settings.error.min_group", low=MIN_GROUP, high=MIN_GROUP_MAX)
    if goal_text is not None and team_goal is None:
        errors[TEAM_GOAL_BLOCK] = translate(lang, "settings.error.team_goal", high=TEAM_GOAL_MAX)
    if retention is None:
        errors[RETENTION_BLOCK] = translate(lang, "settings.error.retention", low=RETENTION_MIN, high=RETENTION_MAX)
    if errors or min_group is None or retention is None or day is None or zone is None or language is None:
        return None, errors
    settings = replace(
        current,
        enabled=enabled == "on",
        channels=known_channels(_ids(values, CHANNELS_BLOCK, "selected_conversations")),
        digest_weekday=int(day),
        digest_time=digest_time,
        timezone=zone,
        language=language,
        min_group=min_group,
        team_goal=team_goal,
        retention_months=retention,
    )
    return SettingsAnswers(settings, known_channels(_ids(values, MANAGERS_BLOCK, "selected_users"))), {}
