"""Managers set Nope up with `/nope settings`; everyone else is politely refused, on opening and on saving."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from blocks.log_rejection_modal import FEELING_BLOCK, FORM_BLOCK, KIND_BLOCK, STORY_BLOCK
from blocks.settings_view import (
    CHANNELS_BLOCK,
    DAY_BLOCK,
    ENABLED_BLOCK,
    LANGUAGE_BLOCK,
    MANAGERS_BLOCK,
    MIN_GROUP_BLOCK,
    RETENTION_BLOCK,
    SETTINGS_ACTION,
    TEAM_GOAL_BLOCK,
    TIME_BLOCK,
    TIMEZONE_BLOCK,
)
from slack_standin.web_api import Channel, Member
from storage.managers import listed_managers
from storage.models import Rejection, Workspace
from storage.workspaces import workspace_settings
from tests.conftest import ANNA, BRAM
from tests.harness import Person, all_text, opened_view, published_home

BOSS = Person("U0BOSS")
TEAM = BOSS.team_id
ORG = "E111"  # the enterprise in tests/fixtures/slack/payloads/view_submission.json
A_NO = {KIND_BLOCK: "sales_pitch", FORM_BLOCK: "explicit", FEELING_BLOCK: "hurt"}


@pytest.fixture
def boss(web_api):
    web_api.add_member(Member(BOSS.user_id, "boss", is_admin=True))
    web_api.add_channel(Channel("C0PUBLIC", "brave-team", bot_is_member=False))
    web_api.add_channel(Channel("C0SECRET", "inner-circle", is_private=True, bot_is_member=False))
    web_api.add_channel(Channel("C0JOINED", "wins"))


def settings_modal(slack, web_api, person=BOSS):
    already_open = len(web_api.calls("views.open"))
    assert slack.command(person, "settings").status_code == 200
    return opened_view(web_api, already_open)


CHOICES = {
    ENABLED_BLOCK: "on",
    CHANNELS_BLOCK: ["C0PUBLIC", "C0JOINED"],
    DAY_BLOCK: "1",
    TIME_BLOCK: "09:30",
    TIMEZONE_BLOCK: "America/New_York",
    LANGUAGE_BLOCK: "nl",
    MIN_GROUP_BLOCK: "5",
    TEAM_GOAL_BLOCK: "12",
    RETENTION_BLOCK: "12",
    MANAGERS_BLOCK: [ANNA.user_id],
}


def test_an_admin_opens_the_settings_with_the_defaults(slack, web_api, boss):
    view = settings_modal(slack, web_api)
    text = all_text(view)
    assert view["title"]["text"] == "Nope settings"
    assert "Digest channels" in text and "Never below 3" in text
    blocks = {block.get("block_id"): block for block in view["blocks"]}
    assert blocks[DAY_BLOCK]["element"]["initial_option"]["value"] == "4"  # Friday
    assert blocks[MIN_GROUP_BLOCK]["element"]["initial_value"] == "3"
    assert blocks[RETENTION_BLOCK]["element"]["initial_value"] == "24"


def test_saving_stores_every_setting_joins_the_public_channel_and_adds_the_manager(slack, web_api, boss, sessions):
    view = settings_modal(slack, web_api)

    answer = slack.submit(BOSS, view, CHOICES)

    assert answer.status_code == 200
    saved = answer.get_json()
    assert saved["response_action"] == "update" and "Settings saved" in all_text(saved["view"])
    assert [call.params["channel"] for call in web_api.calls("conversations.join")] == ["C0PUBLIC"]
    with sessions() as session:
        settings = workspace_settings(session, TEAM)
        managers = listed_managers(session, TEAM)
        organisation = session.get(Workspace, TEAM).organisation_id
    assert settings.channels == ("C0JOINED", "C0PUBLIC")
    assert (settings.digest_weekday, settings.digest_time, settings.timezone) == (1, "09:30", "America/New_York")
    assert (settings.language, settings.min_group, settings.team_goal, settings.retention_months) == ("nl", 5, 12, 12)
    assert managers == [ANNA.user_id]
    assert organisation == ORG


def test_a_private_channel_without_nope_is_explained_and_nothing_is_saved(slack, web_api, boss, sessions):
    view = settings_modal(slack, web_api)

    answer = slack.submit(BOSS, view, {**CHOICES, CHANNELS_BLOCK: ["C0SECRET"]}).get_json()

    assert answer["response_action"] == "errors"
    assert "/invite @Nope" in answer["errors"][CHANNELS_BLOCK]
    with sessions() as session:
        assert workspace_settings(session, TEAM).channels == ()


@pytest.mark.parametrize(
    ("block_id", "value", "message"),
    [(MIN_GROUP_BLOCK, "2", "from 3 to 50"), (RETENTION_BLOCK, "0", "from 1 to 120"), (TEAM_GOAL_BLOCK, "-4", "1 to")],
)
def test_out_of_range_numbers_are_refused_on_their_field(slack, web_api, boss, block_id, value, message):
    view = settings_modal(slack, web_api)
    answer = slack.submit(BOSS, view, {**CHOICES, block_id: value}).get_json()
    assert answer["response_action"] == "errors"
    assert message in answer["errors"][block_id]


def test_someone_who_is_not_a_manager_is_refused_privately(slack, web_api, boss):
    slack.command(ANNA, "settings")
    refusal = web_api.wait_for("response_url")[0].params
    assert "ask a workspace admin" in all_text(refusal["blocks"]).lower()
    assert refusal["response_type"] == "ephemeral"
    assert web_api.calls("views.open") == []


def test_a_refused_person_cannot_save_a_settings_modal_either(slack, web_api, boss, sessions):
    view = settings_modal(slack, web_api)

    answer = slack.submit(ANNA, view, {**CHOICES, ENABLED_BLOCK: "off"}).get_json()

    assert answer["response_action"] == "update"
    assert "nothing was changed" in all_text(answer["view"])
    with sessions() as session:
        assert workspace_settings(session, TEAM).enabled


def test_an_added_manager_may_open_the_settings_and_a_removed_one_no_longer(slack, web_api, boss):
    slack.submit(BOSS, settings_modal(slack, web_api), CHOICES)
    assert slack.command(ANNA, "settings").status_code == 200
    assert web_api.wait_for("views.open", count=2)

    slack.submit(BOSS, opened_view(web_api), {**CHOICES, MANAGERS_BLOCK: []})
    slack.command(ANNA, "settings")
    assert "ask a workspace admin" in all_text(web_api.wait_for("response_url")[0].params["blocks"]).lower()
    assert len(web_api.calls("views.open")) == 2


def test_switched_off_nope_logs_nothing_and_says_so(slack, web_api, boss, sessions):
    slack.command(ANNA)
    log_form = opened_view(web_api)
    slack.submit(BOSS, settings_modal(slack, web_api), {**CHOICES, ENABLED_BLOCK: "off"})

    slack.command(ANNA, "my pitch was turned down")
    notice = web_api.wait_for("response_url")[0].params
    refused = slack.submit(ANNA, log_form, A_NO).get_json()

    assert "switched off" in all_text(notice["blocks"]) and "my pitch was turned down" in all_text(notice["blocks"])
    assert refused["response_action"] == "errors" and "not logged" in " ".join(refused["errors"].values())
    with sessions() as session:
        assert session.scalars(select(Rejection)).all() == []


def test_the_manager_section_of_the_home_shows_settings_and_only_anonymous_totals(slack, web_api, boss):
    slack.submit(BOSS, settings_modal(slack, web_api), CHOICES)
    slack.command(ANNA)
    slack.submit(ANNA, opened_view(web_api, 1), {**A_NO, STORY_BLOCK: "a story only Anna may read"})

    slack.open_home(BOSS)
    home = published_home(web_api, count=len(web_api.calls("views.publish")) + 1)
    text = all_text(home)

    assert "Manager" in text and "<#C0PUBLIC>" in text
    assert "fewer than 5 people" in text
    assert "a story only Anna may read" not in text
    assert any(
        element.get("action_id") == SETTINGS_ACTION for block in home["blocks"] for element in block.get("elements", [])
    )


def test_people_who_do_not_manage_see_no_manager_section(slack, web_api, boss):
    slack.open_home(BRAM)
    assert "Beheer" not in all_text(published_home(web_api))
