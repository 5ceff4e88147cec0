"""Slack slow or refusing, through the real app: nobody's click waits behind a long Retry-After, a
modal is never opened with a dead trigger, and the settings' acknowledgement stays within Slack's 3 s,
saying only what is true (nothing saved when Slack did not answer)."""

from __future__ import annotations

import time

import pytest

from blocks.settings_view import CHANNELS_BLOCK, ENABLED_BLOCK
from slack_api.client import ACK_SLACK_SECONDS
from slack_app.factory import LISTENER_THREADS
from storage.workspaces import workspace_settings
from tests.conftest import ANNA, BRAM
from tests.harness import all_text, published_home
from tests.test_settings import BOSS, CHOICES, TEAM, boss, settings_modal  # noqa: F401  (boss: the fixture)

# How long Slack takes to answer the calls told to hang: far longer than anyone may wait.
HANGING_SECONDS = 30
# Slack shows an error when an acknowledgement takes longer than this.
SLACK_ACK_SECONDS = 3.0


def test_a_long_retry_after_on_a_modal_is_told_at_once_not_retried_with_a_dead_trigger(slack, web_api):
    web_api.fail("views.open", status=429, retry_after=30)
    started = time.monotonic()

    slack.command(ANNA, text="my pitch")

    notice = web_api.wait_for("response_url", timeout=3)[0].params
    assert time.monotonic() - started < 3
    assert "Slack would not open the form just now" in all_text(notice["blocks"])
    assert "my pitch" in all_text(notice["blocks"])  # their words come back
    time.sleep(0.3)
    assert len(web_api.calls("views.open")) == 1  # never tried again with a trigger 30 s old


def test_rate_limited_modals_do_not_hold_the_listener_threads_from_someone_elses_home(slack, web_api):
    web_api.fail("views.open", status=429, retry_after=30, times=LISTENER_THREADS)
    for _ in range(LISTENER_THREADS):
        slack.command(ANNA)
    web_api.wait_for("views.open", count=LISTENER_THREADS)
    started = time.monotonic()

    slack.open_home(BRAM)

    assert published_home(web_api) and time.monotonic() - started < 2


@pytest.mark.usefixtures("boss")
def test_an_admin_check_slack_does_not_answer_keeps_the_settings_open_and_saves_nothing(slack, web_api, sessions):
    view = settings_modal(slack, web_api)
    web_api.answer_late("users.info", HANGING_SECONDS)
    started = time.monotonic()

    answer = slack.submit(BOSS, view, CHOICES).get_json()

    assert time.monotonic() - started < SLACK_ACK_SECONDS
    assert answer["response_action"] == "errors"  # not "you are not a manager"
    assert "Slack did not answer in time, so nothing was saved" in answer["errors"][ENABLED_BLOCK]
    with sessions() as session:
        assert workspace_settings(session, TEAM).channels == ()


@pytest.mark.usefixtures("boss")
def test_a_channel_check_slack_does_not_answer_keeps_the_settings_open_and_saves_nothing(slack, web_api, sessions):
    view = settings_modal(slack, web_api)
    web_api.answer_late("conversations.info", HANGING_SECONDS)
    started = time.monotonic()

    answer = slack.submit(BOSS, view, CHOICES).get_json()

    elapsed = time.monotonic() - started
    assert ACK_SLACK_SECONDS <= elapsed < SLACK_ACK_SECONDS
    assert answer["response_action"] == "errors"
    assert "Slack did not answer in time" in answer["errors"][CHANNELS_BLOCK]
    with sessions() as session:
        assert workspace_settings(session, TEAM).channels == ()
