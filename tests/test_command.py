"""`/nope` and its sub-commands, and what a person sees when Slack misbehaves."""

from __future__ import annotations

import time

from blocks.log_rejection_modal import STORY_BLOCK
from tests.conftest import ANNA, BRAM
from tests.harness import all_text, opened_view


def ephemeral_answer(web_api) -> dict:
    return web_api.wait_for("response_url")[0].params


def test_help_answers_privately_with_the_commands(slack, web_api):
    response = slack.command(ANNA, text="help")

    assert response.status_code == 200
    answer = ephemeral_answer(web_api)
    assert answer["response_type"] == "ephemeral"
    text = all_text(answer["blocks"])
    assert "Nope turns a no into courage." in text
    assert "`/nope help`" in text
    assert not web_api.calls("views.open")


def test_help_is_a_single_known_word_in_any_case_and_in_dutch(slack, web_api):
    slack.command(BRAM, text="  HELP ")
    assert "Nope maakt van een nee moed." in all_text(ephemeral_answer(web_api)["blocks"])


def test_help_followed_by_more_words_is_a_story(slack, web_api):
    slack.command(ANNA, text="help nobody answered my email")
    story = next(block for block in opened_view(web_api)["blocks"] if block.get("block_id") == STORY_BLOCK)
    assert story["element"]["initial_value"] == "help nobody answered my email"


def test_another_slash_command_gets_a_friendly_pointer(slack, web_api):
    response = slack.command(ANNA, command="/yes")
    assert response.status_code == 200
    assert "Nope only answers to `/nope`" in response.get_data(as_text=True)


def test_an_expired_trigger_tells_the_person_and_hands_back_their_words(slack, web_api):
    web_api.fail("views.open", error="expired_trigger_id")

    slack.command(ANNA, text="<!channel> they said no & <@U0BOSS> laughed")

    answer = ephemeral_answer(web_api)
    text = all_text(answer["blocks"])
    assert "took a little too long" in text
    # Their words come back, escaped: nobody is pinged through Nope.
    assert "&lt;!channel&gt; they said no &amp; &lt;@U0BOSS&gt; laughed" in text
    assert "<!channel>" not in text and "<@U0BOSS>" not in text
    assert answer["text"]  # a notification fallback for clients without blocks


def test_slack_server_errors_are_retried_once(slack, web_api):
    web_api.fail("views.open", status=500)

    slack.command(ANNA)

    assert len(web_api.wait_for("views.open", count=2)) == 2
    time.sleep(0.2)
    assert not web_api.calls("response_url")  # the retry worked: no error shown


def test_rate_limits_wait_for_retry_after_then_succeed(slack, web_api):
    web_api.fail("views.open", status=429, retry_after=1)

    slack.command(ANNA)

    first, second = web_api.wait_for("views.open", count=2)
    assert second.at - first.at >= 1.0
    time.sleep(0.2)
    assert not web_api.calls("response_url")


def test_slack_failing_for_good_gives_a_clear_message(slack, web_api):
    web_api.fail("views.open", status=500, times=2)

    slack.command(ANNA, text="my pitch")

    text = all_text(ephemeral_answer(web_api)["blocks"])
    assert "Slack would not open the form just now" in text
    assert "my pitch" in text


def test_users_info_failing_falls_back_to_english_and_still_opens(slack, web_api):
    web_api.fail("users.info", error="user_not_found")
    slack.command(BRAM)
    assert opened_view(web_api)["title"]["text"] == "Log a no"


def test_a_story_longer_than_the_form_is_kept_whole(slack, web_api):
    long_story = "They never wrote back. " * 120  # about 2,760 characters

    slack.command(ANNA, text=long_story)

    story = next(block for block in opened_view(web_api)["blocks"] if block.get("block_id") == STORY_BLOCK)
    assert story["element"]["initial_value"] == long_story.strip()[:2000]
    notice = all_text(ephemeral_answer(web_api)["blocks"])
    assert long_story.strip() in notice.replace("> ", "")


def test_a_failed_locale_lookup_is_not_remembered(slack, web_api):
    web_api.fail("users.info", status=500, times=2)
    slack.command(BRAM)
    assert opened_view(web_api)["title"]["text"] == "Log a no"

    slack.command(BRAM)

    assert opened_view(web_api, 1)["title"]["text"] == "Leg een nee vast"


def test_the_locale_is_looked_up_once_then_cached(slack, web_api):
    slack.command(ANNA)
    web_api.wait_for("views.open")
    slack.command(ANNA, text="help")
    web_api.wait_for("response_url")
    assert len(web_api.calls("users.info")) == 1
