"""The database stops answering: every surface tells the person so, nothing typed is lost, nothing
answers 500, and the log hears about the outage once, not once a request.

Each test runs Nope twice on the same Slack stand-in: once on a working database (to get to the
modal or message a person would be looking at), and once on a database that does not answer.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from blocks import reflection_views as steps
from blocks.home_view import BRAVE_STEP_DONE_ACTION
from blocks.log_rejection_modal import STORY_BLOCK
from blocks.logged_view import REFLECT_NOW_ACTION
from blocks.settings_view import ENABLED_BLOCK, SETTINGS_ACTION
from tests.conftest import ANNA, BRAM, SIGNING_SECRET, config_for
from tests.harness import Person, SlackSide, all_text, button_value, opened_view, structured
from tests.test_log_no_flow import ANSWERS
from tests.test_reflection_flow import log_a_no, reflect_on_a_new_no
from tests.test_settings import BOSS, CHOICES, boss, settings_modal  # noqa: F401 (boss is a fixture)

NOT_SAVED = "Your words are still here: please press {} again in a minute."
NOTHING_LOST = "Nothing is lost: please try again in a few minutes."
OAUTH = {"client_id": "111.222", "client_secret": "client-secret"}
INSTALLED = Person("U0ADMIN", team_id="T0INSTALL")


def unreachable_url(database_url: str) -> str:
    """A database of the same kind that does not answer: a directory that is not there, a closed port."""
    if database_url.startswith("sqlite"):
        return "sqlite:////nonexistent-dir/for/nope.db"
    return "postgresql://postgres@127.0.0.1:9/nope"


@pytest.fixture
def outage(web_api, app_factory, database_url) -> SlackSide:
    """Nope (single-workspace mode) on a database that does not answer."""
    return SlackSide(app_factory(config_for(web_api, unreachable_url(database_url))), SIGNING_SECRET, web_api)


def test_a_settings_submission_keeps_the_modal_open_and_names_its_save_button(slack, outage, web_api, boss):  # noqa: F811
    view = settings_modal(slack, web_api)

    response = outage.submit(BOSS, view, CHOICES)

    assert response.status_code == 200
    answer = response.get_json()
    assert answer["response_action"] == "errors"
    assert NOT_SAVED.format("Save") in answer["errors"][ENABLED_BLOCK]


def test_nope_settings_says_the_storage_is_unavailable(outage, web_api, boss):  # noqa: F811
    assert outage.command(BOSS, "settings").status_code == 200

    notice = web_api.wait_for("response_url")[0].params
    assert notice["response_type"] == "ephemeral"
    assert "cannot reach its storage right now" in all_text(notice["blocks"])


def test_the_homes_settings_button_says_so_in_a_dm(outage, web_api, boss):  # noqa: F811
    assert outage.click(BOSS, SETTINGS_ACTION, in_message=False).status_code == 200

    message = web_api.wait_for("chat.postMessage")[0]
    assert message.params["channel"] == "D" + BOSS.user_id
    assert "cannot reach its storage right now" in all_text(structured(message, "blocks"))


def test_a_reflection_step_keeps_what_was_typed_and_names_its_next_button(slack, outage, web_api):
    feel = reflect_on_a_new_no(slack, web_api)

    answer = outage.submit(ANNA, feel, {steps.FEELING_NOTE_BLOCK: "Gutted"}).get_json()

    assert answer["response_action"] == "errors"
    assert NOT_SAVED.format("Next") in answer["errors"][steps.FEELING_NOTE_BLOCK]


@pytest.mark.parametrize("action_id", [steps.SKIP_ACTION, REFLECT_NOW_ACTION])
def test_a_button_in_a_reflection_says_so_on_top_of_the_modal(slack, outage, web_api, action_id):
    view = log_a_no(slack, web_api) if action_id == REFLECT_NOW_ACTION else reflect_on_a_new_no(slack, web_api)

    assert outage.click_in_modal(ANNA, view, action_id, button_value(view, action_id)).status_code == 200

    [pushed] = web_api.wait_for("views.push")
    assert NOTHING_LOST in all_text(structured(pushed, "view"))


def test_done_it_in_the_reminder_says_so_beside_it_in_dutch(outage, web_api):
    assert outage.click_in_message(BRAM, BRAVE_STEP_DONE_ACTION, "1").status_code == 200

    notice = web_api.wait_for("response_url")[0].params
    assert notice["response_type"] == "ephemeral"
    assert "Er is niets verloren" in all_text(notice["blocks"])


def test_many_failing_requests_log_the_outage_once(outage, web_api, caplog):
    caplog.set_level(logging.DEBUG)

    for _ in range(30):
        assert outage.command(ANNA, "reflect").status_code == 200
    web_api.wait_for("response_url", count=30)

    lines = [record for record in caplog.records if record.levelno >= logging.WARNING]
    outage_lines = [record.getMessage() for record in lines if "database" in record.getMessage()]
    assert len(outage_lines) == 1, outage_lines
    assert outage_lines[0].startswith("the database is unavailable")
    assert not [record for record in caplog.records if record.exc_info]  # no tracebacks


@pytest.fixture
def oauth_outage(web_api, app_factory, database_url) -> SlackSide:
    """Nope in OAuth mode, every request authorised from a database that does not answer."""
    config = replace(config_for(web_api, unreachable_url(database_url)), bot_token="", **OAUTH)
    return SlackSide(app_factory(config), SIGNING_SECRET, web_api)


def test_oauth_mode_answers_nope_with_nothing_lost_in_both_languages(oauth_outage, web_api):
    response = oauth_outage.command(INSTALLED)

    assert response.status_code == 200
    answer = response.get_json()
    assert answer["response_type"] == "ephemeral"
    assert NOTHING_LOST in answer["text"] and "Er is niets verloren" in answer["text"]


def test_oauth_mode_keeps_a_log_a_no_modal_open_with_the_persons_words(slack, oauth_outage, web_api):
    slack.command(ANNA)
    view = opened_view(web_api)

    response = oauth_outage.submit(INSTALLED, view, {**ANSWERS, STORY_BLOCK: "keep these words"})

    assert response.status_code == 200
    answer = response.get_json()
    assert answer["response_action"] == "errors"
    assert NOT_SAVED.format("Log it") in answer["errors"][STORY_BLOCK]


def test_oauth_mode_acknowledges_clicks_and_events_quietly(oauth_outage, web_api):
    assert oauth_outage.click(INSTALLED, SETTINGS_ACTION, in_message=False).status_code == 200
    assert oauth_outage.open_home(INSTALLED).status_code == 200
    assert oauth_outage.click(INSTALLED, BRAVE_STEP_DONE_ACTION, value="1").status_code == 200


def test_oauth_mode_logs_many_failed_requests_as_one_outage_without_tracebacks(oauth_outage, web_api, caplog):
    caplog.set_level(logging.DEBUG)

    for _ in range(30):
        assert oauth_outage.command(INSTALLED).status_code == 200
        assert oauth_outage.open_home(INSTALLED).status_code == 200

    outage_lines = [record.getMessage() for record in caplog.records if record.name.startswith("use_cases.outage")]
    assert outage_lines == [
        "the database is unavailable: reading the workspace's installation failed (OperationalError)"
    ]
    assert not [record for record in caplog.records if record.exc_info]
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
