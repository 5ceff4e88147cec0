"""The managers' settings modal, what it says after saving, and the Manager section of the App Home."""

from __future__ import annotations

from collections.abc import Sequence

from blocks.kit import (
    Block,
    actions,
    button,
    context,
    divider,
    fields_section,
    header,
    input_block,
    modal,
    option,
    section,
    static_select,
)
from blocks.metadata import ModalMetadata
from coach.i18n import LANGUAGES, translate
from digest.anonymity import MIN_GROUP, AnonymousWeek, effective_min_group
from digest.settings import WorkspaceSettings
from use_cases.settings import MIN_GROUP_MAX, RETENTION_MAX, RETENTION_MIN, TEAM_GOAL_MAX, SettingsForm

CALLBACK_ID = "workspace_settings"
SETTINGS_ACTION = "open_settings"
ENABLED_BLOCK, ENABLED_ACTION = "settings_enabled", "settings_enabled_choice"
CHANNELS_BLOCK, CHANNELS_ACTION = "settings_channels", "settings_channels_choice"
DAY_BLOCK, DAY_ACTION = "settings_day", "settings_day_choice"
TIME_BLOCK, TIME_ACTION = "settings_time", "settings_time_choice"
TIMEZONE_BLOCK, TIMEZONE_ACTION = "settings_timezone", "settings_timezone_choice"
LANGUAGE_BLOCK, LANGUAGE_ACTION = "settings_language", "settings_language_choice"
MIN_GROUP_BLOCK, MIN_GROUP_ACTION = "settings_min_group", "settings_min_group_input"
TEAM_GOAL_BLOCK, TEAM_GOAL_ACTION = "settings_team_goal", "settings_team_goal_input"
RETENTION_BLOCK, RETENTION_ACTION = "settings_retention", "settings_retention_input"
MANAGERS_BLOCK, MANAGERS_ACTION = "settings_managers", "settings_managers_choice"
# Slack offers a static select at most 100 options: the zones most teams are in.
TIMEZONES = (
    "UTC",
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Zurich",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Istanbul",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Jakarta",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Perth",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/St_Johns",
    "America/Halifax",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Mexico_City",
    "America/Bogota",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Paramaribo",
    "America/Curacao",
)


def _number(action_id: str, initial: int | None, low: int, high: int) -> Block:
    element: Block = {
        "type": "number_input",
        "action_id": action_id,
        "is_decimal_allowed": False,
        "min_value": str(low),
        "max_value": str(high),
    }
    if initial is not None:
        element["initial_value"] = str(initial)
    return element


def _radio(action_id: str, options: list[Block], initial: Block) -> Block:
    return {"type": "radio_buttons", "action_id": action_id, "options": options, "initial_option": initial}


def _channels(lang: str, channels: Sequence[str]) -> Block:
    element: Block = {
        "type": "multi_conversations_select",
        "action_id": CHANNELS_ACTION,
        "placeholder": {"type": "plain_text", "text": translate(lang, "settings.channels_placeholder")},
        "filter": {
            "include": ["public", "private"],
            "exclude_bot_users": True,
            "exclude_external_shared_channels": True,
        },
        "max_selected_items": 10,
    }
    if channels:
        element["initial_conversations"] = list(channels)
    return element


def _managers(lang: str, managers: Sequence[str]) -> Block:
    element: Block = {
        "type": "multi_users_select",
        "action_id": MANAGERS_ACTION,
        "placeholder": {"type": "plain_text", "text": translate(lang, "settings.managers_placeholder")},
    }
    if managers:
        element["initial_users"] = list(managers)
    return element


def day_name(lang: str, weekday: int) -> str:
    return translate(lang, f"settings.day.{weekday}")


def settings_modal(metadata: ModalMetadata, form: SettingsForm) -> Block:
    lang, settings = metadata.lang, form.settings
    switch = [option(translate(lang, f"settings.enabled.{state}"), state) for state in ("on", "off")]
    days = [option(day_name(lang, day), str(day)) for day in range(7)]
    zones = list(TIMEZONES) if settings.timezone in TIMEZONES else [settings.timezone, *TIMEZONES]
    zone_options = [option(zone.replace("_", " "), zone) for zone in zones]
    languages = [option(translate(lang, f"settings.language.{code}"), code) for code in LANGUAGES]
    blocks = [
        context(translate(lang, "settings.intro")),
        input_block(
            ENABLED_BLOCK,
            translate(lang, "settings.enabled_label"),
            _radio(ENABLED_ACTION, switch, switch[0 if settings.enabled else 1]),
        ),
        header(translate(lang, "settings.digest_header")),
        input_block(
            CHANNELS_BLOCK,
            translate(lang, "settings.channels_label"),
            _channels(lang, settings.channels),
            optional=True,
            hint=translate(lang, "settings.channels_hint"),
        ),
        input_block(
            DAY_BLOCK,
            translate(lang, "settings.day_label"),
            static_select(DAY_ACTION, translate(lang, "settings.day_label"), days, days[settings.digest_weekday]),
        ),
        input_block(
            TIME_BLOCK,
            translate(lang, "settings.time_label"),
            {"type": "timepicker", "action_id": TIME_ACTION, "initial_time": settings.digest_time},
        ),
        input_block(
            TIMEZONE_BLOCK,
            translate(lang, "settings.timezone_label"),
            static_select(
                TIMEZONE_ACTION,
                translate(lang, "settings.timezone_label"),
                zone_options,
                zone_options[zones.index(settings.timezone)],
            ),
        ),
        input_block(
            LANGUAGE_BLOCK,
            translate(lang, "settings.language_label"),
            _radio(LANGUAGE_ACTION, languages, languages[LANGUAGES.index(settings.language)]),
        ),
        input_block(
            MIN_GROUP_BLOCK,
            translate(lang, "settings.min_group_label"),
            _number(MIN_GROUP_ACTION, settings.min_group, MIN_GROUP, MIN_GROUP_MAX),
            hint=translate(lang, "settings.min_group_hint", floor=MIN_GROUP),
        ),
        input_block(
            TEAM_GOAL_BLOCK,
            translate(lang, "settings.team_goal_label"),
            _number(TEAM_GOAL_ACTION, settings.team_goal, 1, TEAM_GOAL_MAX),
            optional=True,
            hint=translate(lang, "settings.team_goal_hint"),
        ),
        header(translate(lang, "settings.people_header")),
        input_block(
            MANAGERS_BLOCK,
            translate(lang, "settings.managers_label"),
            _managers(lang, form.managers),
            optional=True,
            hint=translate(lang, "settings.managers_hint"),
        ),
        input_block(
            RETENTION_BLOCK,
            translate(lang, "settings.retention_label"),
            _number(RETENTION_ACTION, settings.retention_months, RETENTION_MIN, RETENTION_MAX),
            hint=translate(lang, "settings.retention_hint"),
        ),
    ]
    return modal(
        title=translate(lang, "settings.title"),
        submit=translate(lang, "settings.submit"),
        close=translate(lang, "reflect.close"),
        callback_id=CALLBACK_ID,
        blocks=blocks,
        private_metadata=metadata.encode(),
    )


def settings_summary(lang: str, settings: WorkspaceSettings) -> Block:
    channels = ", ".join(f"<#{channel}>" for channel in settings.channels) or translate(lang, "settings.no_channel")
    return fields_section(
        [
            translate(lang, "settings.summary.state", state=translate(lang, f"settings.enabled.{_state(settings)}")),
            translate(lang, "settings.summary.channels", channels=channels),
            translate(
                lang,
                "settings.summary.when",
                day=day_name(lang, settings.digest_weekday),
                time=settings.digest_time,
                timezone=settings.timezone,
            ),
            translate(lang, "settings.summary.privacy", k=settings.min_group, months=settings.retention_months),
        ]
    )


def _state(settings: WorkspaceSettings) -> str:
    return "on" if settings.enabled else "off"


def settings_saved_view(lang: str, settings: WorkspaceSettings, notes: Sequence[str]) -> Block:
    blocks = [section(translate(lang, "settings.saved")), settings_summary(lang, settings)]
    blocks += [context(note) for note in notes]
    return modal(
        title=translate(lang, "settings.title"),
        close=translate(lang, "settings.done"),
        callback_id="settings_saved",
        blocks=blocks,
    )


def not_a_manager_view(lang: str) -> Block:
    return modal(
        title=translate(lang, "settings.title"),
        close=translate(lang, "settings.done"),
        callback_id="settings_refused",
        blocks=[section(translate(lang, "settings.not_manager"))],
    )


def week_summary(lang: str, week: AnonymousWeek, min_group: int) -> str:
    if week.shown:
        return translate(lang, "manager.week", rejections=week.rejections, people=week.people)
    return translate(lang, "manager.week_hidden", k=min_group)


def manager_section(lang: str, settings: WorkspaceSettings, week: AnonymousWeek) -> list[Block]:
    """Only anonymous aggregates, under the digest's own rule: never anyone's entries or numbers."""
    return [
        divider(),
        header(translate(lang, "manager.header")),
        settings_summary(lang, settings),
        section(week_summary(lang, week, effective_min_group(settings.min_group))),
        actions(button(translate(lang, "manager.settings_button"), SETTINGS_ACTION)),
        context(translate(lang, "manager.privacy")),
    ]
