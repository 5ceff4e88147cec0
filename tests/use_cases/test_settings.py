"""Settings with the manager rule: admins (as the platform says now) and the people they add."""

from __future__ import annotations

from tests.use_cases.platform import ANNA, BRAM, CARL
from use_cases import settings
from use_cases.core import Invalid
from use_cases.log_rejection import is_switched_on
from use_cases.settings import NotAManager, SettingsAnswers, SettingsForm, SettingsSaved

ANSWERS = SettingsAnswers(
    enabled="on",
    channels=("C0TEAM", "C0TEAM"),
    day="0",
    time="9:30",
    timezone="Europe/Amsterdam",
    language="nl",
    min_group="4",
    team_goal=None,
    retention="12",
    managers=(BRAM.user_id,),
)


def test_only_managers_open_or_save_the_settings(core, platform):
    assert settings.open_settings(core, BRAM, platform) == NotAManager()
    assert settings.save(core, BRAM, ANSWERS, platform) == NotAManager()
    platform.admins_.append(ANNA.user_id)

    assert isinstance(settings.open_settings(core, ANNA, platform), SettingsForm)


def test_saved_settings_make_the_added_people_managers_and_switch_nope_as_asked(core, platform):
    platform.admins_.append(ANNA.user_id)
    platform.reachable.add("C0TEAM")

    saved = settings.save(core, ANNA, ANSWERS, platform)
    switched_off = settings.save(core, ANNA, SettingsAnswers(**{**ANSWERS.__dict__, "enabled": "off"}), platform)

    assert isinstance(saved, SettingsSaved)
    assert (saved.settings.channels, saved.settings.digest_time, saved.settings.min_group) == (("C0TEAM",), "09:30", 4)
    form = settings.open_settings(core, BRAM, platform)  # Bram is a manager now
    assert list(form.managers) == [BRAM.user_id] and form.settings.language == "nl"
    assert isinstance(switched_off, SettingsSaved) and not is_switched_on(core, ANNA.workspace_id)
    assert settings.open_settings(core, CARL, platform) == NotAManager()  # another workspace entirely


def test_a_channel_nope_cannot_post_in_is_refused_and_nothing_is_saved(core, platform):
    platform.admins_.append(ANNA.user_id)

    refused = settings.save(core, ANNA, ANSWERS, platform)

    assert isinstance(refused, Invalid) and set(refused.errors) == {"channels"}
    assert settings.open_settings(core, ANNA, platform).settings.channels == ()


def test_every_wrong_field_is_named():
    wrong = SettingsAnswers(
        enabled="maybe",
        day="9",
        time="25:00",
        timezone="Mars/Base",
        language="fr",
        min_group="2",
        team_goal="many",
        retention="0",
    )

    checked = settings.check(wrong, settings.WorkspaceSettings("T1"), "en")

    assert isinstance(checked, Invalid)
    assert set(checked.errors) == {
        "enabled",
        "day",
        "time",
        "timezone",
        "language",
        "min_group",
        "team_goal",
        "retention",
    }


def test_the_installer_manages_from_the_start(core, platform):
    settings.add_installer(core, BRAM)

    assert isinstance(settings.open_settings(core, BRAM, platform), SettingsForm)
