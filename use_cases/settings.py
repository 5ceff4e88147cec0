"""Managers set Nope up for their workspace: on or off, digest channels and schedule, k, goal, retention, managers.

Who may is asked afresh of the platform each time (never from a cache): a form opened while someone
was an admin must not save after they stopped being one. Admins manage Nope, and whoever they add.
When the platform does not say (PlatformError), nothing opens and nothing is saved: not knowing is
neither a yes nor a no.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from zoneinfo import available_timezones

from coach.i18n import LANGUAGES, translate
from digest.anonymity import MIN_GROUP
from digest.schedule import parse_clock
from digest.settings import WorkspaceSettings
from storage.managers import add_manager, is_listed_manager, listed_managers, replace_managers
from storage.workspaces import remember_organisation, save_settings, workspace_settings
from use_cases.core import Core, Invalid, StorageUnavailable
from use_cases.person import Person
from use_cases.ports import Directory, Workspace

MIN_GROUP_MAX = 50
TEAM_GOAL_MAX = 1000
RETENTION_MIN, RETENTION_MAX = 1, 120
# The fields of the settings form, as doors name them in field errors.
ENABLED, CHANNELS, DAY, TIME, TIMEZONE, LANGUAGE = "enabled", "channels", "day", "time", "timezone", "language"
MIN_GROUP_FIELD, TEAM_GOAL, RETENTION, MANAGERS = "min_group", "team_goal", "retention", "managers"


@dataclass(frozen=True)
class SettingsForm:
    """What the settings form opens with."""

    settings: WorkspaceSettings
    managers: Sequence[str] = ()


@dataclass(frozen=True)
class SettingsAnswers:
    """The form as the manager left it: choices and typed text as the platform sent them."""

    enabled: str | None = None
    channels: tuple[str, ...] = ()
    day: str | None = None
    time: str | None = None
    timezone: str | None = None
    language: str | None = None
    min_group: str | None = None
    team_goal: str | None = None
    retention: str | None = None
    managers: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotAManager:
    """Only managers see or change the settings."""


@dataclass(frozen=True)
class SettingsSaved:
    settings: WorkspaceSettings
    # Public channels Nope joined, and channels the platform would not tell about just now.
    joined: tuple[str, ...] = ()
    unchecked: tuple[str, ...] = ()


def distinct_ids(ids: Sequence[str]) -> tuple[str, ...]:
    """Channel or user ids without blanks or duplicates, in the order given."""
    return tuple(dict.fromkeys(one.strip() for one in ids if one.strip()))


def is_manager(core: Core, person: Person, directory: Directory) -> bool:
    """Listed as a manager, or an admin as the platform says now; PlatformError when it does not say."""
    with core.reading("reading the managers") as session:
        if is_listed_manager(session, person.workspace_id, person.user_id):
            return True
    return directory.is_admin(person.user_id)


def open_settings(core: Core, person: Person, directory: Directory) -> SettingsForm | NotAManager:
    """The form for a manager; PlatformError when the platform does not say whether the person is one."""
    if not is_manager(core, person, directory):
        return NotAManager()
    with core.reading("reading the settings") as session:
        return SettingsForm(
            workspace_settings(session, person.workspace_id), listed_managers(session, person.workspace_id)
        )


def _whole_number(text: str | None, low: int, high: int) -> int | None:
    return int(text) if text is not None and text.isdigit() and low <= int(text) <= high else None


def _clock(text: str | None) -> str | None:
    try:
        return parse_clock(text).strftime("%H:%M") if isinstance(text, str) else None
    except ValueError:
        return None


def check(
    answers: SettingsAnswers, current: WorkspaceSettings, lang: str
) -> tuple[WorkspaceSettings, tuple[str, ...]] | Invalid:
    """The new settings and managers, or a message in `lang` for every field that is wrong."""
    errors: dict[str, str] = {}
    min_group = _whole_number(answers.min_group, MIN_GROUP, MIN_GROUP_MAX)
    retention = _whole_number(answers.retention, RETENTION_MIN, RETENTION_MAX)
    team_goal = _whole_number(answers.team_goal, 1, TEAM_GOAL_MAX)
    digest_time = _clock(answers.time)
    if answers.enabled not in {"on", "off"}:
        errors[ENABLED] = translate(lang, "settings.error.enabled")
    if answers.day is None or not answers.day.isdigit() or int(answers.day) > 6:
        errors[DAY] = translate(lang, "settings.error.day")
    if digest_time is None:
        errors[TIME] = translate(lang, "settings.error.time")
    if answers.timezone not in available_timezones() and answers.timezone != "UTC":
        errors[TIMEZONE] = translate(lang, "settings.error.timezone")
    if answers.language not in LANGUAGES:
        errors[LANGUAGE] = translate(lang, "settings.error.language")
    if min_group is None:
        errors[MIN_GROUP_FIELD] = translate(lang, "settings.error.min_group", low=MIN_GROUP, high=MIN_GROUP_MAX)
    if answers.team_goal is not None and team_goal is None:
        errors[TEAM_GOAL] = translate(lang, "settings.error.team_goal", high=TEAM_GOAL_MAX)
    if retention is None:
        errors[RETENTION] = translate(lang, "settings.error.retention", low=RETENTION_MIN, high=RETENTION_MAX)
    if errors or min_group is None or retention is None or answers.day is None or digest_time is None:
        return Invalid(errors)
    settings = replace(
        current,
        enabled=answers.enabled == "on",
        channels=distinct_ids(answers.channels),
        digest_weekday=int(answers.day),
        digest_time=digest_time,
        timezone=str(answers.timezone),
        language=str(answers.language),
        min_group=min_group,
        team_goal=team_goal,
        retention_months=retention,
    )
    return settings, distinct_ids(answers.managers)


def _channel_error(unreachable: tuple[str | None, ...], lang: str) -> str:
    names = [name or translate(lang, "settings.a_private_channel") for name in unreachable]
    return translate(lang, "settings.error.invite", channels=", ".join(names))


def save(
    core: Core, person: Person, answers: SettingsAnswers, workspace: Workspace
) -> SettingsSaved | Invalid | NotAManager:
    """Check and store the settings; new digest channels must be ones Nope can post in.

    Raises PlatformError when the platform does not say whether the person manages Nope.
    """
    if not is_manager(core, person, workspace):
        return NotAManager()
    with core.reading("reading the settings") as session:
        current = workspace_settings(session, person.workspace_id)
    checked = check(answers, current, person.lang)
    if isinstance(checked, Invalid):
        return checked
    settings, managers = checked
    channels = workspace.make_reachable([channel for channel in settings.channels if channel not in current.channels])
    if channels.unreachable:
        return Invalid({CHANNELS: _channel_error(channels.unreachable, person.lang)})
    if channels.unanswered:
        # Saving now would promise a digest in channels nobody could check: let the manager try again.
        return Invalid({CHANNELS: translate(person.lang, "settings.error.no_answer")})
    now = core.clock()
    with core.writing("saving the settings") as session:
        save_settings(session, settings, now)
        replace_managers(session, person.workspace_id, managers, now)
        remember_organisation(session, person.workspace_id, person.organisation_id, now)
    core.switches.forget(person.workspace_id)
    return SettingsSaved(settings, channels.joined, channels.unchecked)


def add_installer(core: Core, installer: Person) -> None:
    """Whoever installed Nope, an admin, manages it from the start (and keeps managing it if demoted)."""
    now = core.clock()
    try:
        with core.writing("recording the installer as a manager") as session:
            add_manager(session, installer.workspace_id, installer.user_id, now)
            remember_organisation(session, installer.workspace_id, installer.organisation_id, now)
    except StorageUnavailable:
        pass  # admins manage Nope anyway; only a later-demoted installer misses the row


def change(core: Core, workspace_id: str, changes: Mapping[str, object]) -> WorkspaceSettings:
    """An operator's change (`nope workspace set`): the named settings replaced, the others kept."""
    with core.writing("changing a workspace's settings") as session:
        settings = replace(workspace_settings(session, workspace_id), **changes)
        save_settings(session, settings, core.clock())
    core.switches.forget(workspace_id)
    return settings
