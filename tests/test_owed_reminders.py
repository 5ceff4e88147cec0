"""A brave step's reminder reaches Slack once, even when Slack is busy or its answer is lost on the way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from blocks import reflection_views as steps
from slack_api.workspaces import slack_workspaces
from slack_standin.web_api import json_param
from tests.conftest import ANNA
from tests.harness import all_text, input_block_id
from tests.test_reflection_flow import eventually, reflect_on_a_new_no, skip_to, stored_reflections
from use_cases.brave_steps import send_owed_reminders


def submit_a_brave_step(slack, web_api) -> None:
    view = skip_to(slack, web_api, reflect_on_a_new_no(slack, web_api), steps.BRAVE_STEP)
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    answers = {
        input_block_id(view, steps.BRAVE_STEP_TEXT_BLOCK): "Pitch one more client",
        steps.BRAVE_STEP_DATE_BLOCK: tomorrow,
        steps.BRAVE_STEP_TIME_BLOCK: "10:00",
    }
    assert slack.submit(ANNA, view, answers).get_json()["response_action"] == "update"


def tried_and_still_owed(web_api, database_url: str) -> bool:
    """Nope's own try at the reminder is over (after Slack got the call), and the reminder is owed still."""
    [call] = web_api.wait_for("chat.scheduleMessage")
    owed_since = stored_reflections(database_url)[0].brave_step_reminder_owed_since
    return owed_since is not None and owed_since.timestamp() > call.at


def the_scheduler_a_minute_later(core, config) -> int:
    return send_owed_reminders(core, slack_workspaces(config, core.sessions), datetime.now(UTC) + timedelta(minutes=1))


def test_when_slack_is_rate_limiting_the_reminder_is_scheduled_by_the_next_scheduler_pass(
    slack, web_api, core, config, database_url
):
    web_api.fail("chat.scheduleMessage", status=429, retry_after=30)
    submit_a_brave_step(slack, web_api)
    eventually(lambda: tried_and_still_owed(web_api, database_url))
    assert web_api.scheduled() == {} and web_api.calls("chat.postMessage") == []  # no alarm for a busy minute

    assert the_scheduler_a_minute_later(core, config) == 1
    assert the_scheduler_a_minute_later(core, config) == 0

    [(scheduled_id, reminder)] = web_api.scheduled().items()
    assert "Pitch one more client" in all_text(json_param(reminder, "blocks"))
    assert stored_reflections(database_url)[0].brave_step_reminder_id == scheduled_id


def test_a_reminder_slack_took_without_answering_is_found_and_never_scheduled_twice(
    slack, web_api, core, config, database_url
):
    # Slack schedules it, and its answer comes after Nope stopped waiting.
    web_api.answer_late("chat.scheduleMessage", seconds=8)
    submit_a_brave_step(slack, web_api)
    eventually(lambda: tried_and_still_owed(web_api, database_url), timeout=15)
    [(scheduled_id, _)] = web_api.scheduled().items()

    assert the_scheduler_a_minute_later(core, config) == 1

    assert list(web_api.scheduled()) == [scheduled_id]
    assert stored_reflections(database_url)[0].brave_step_reminder_id == scheduled_id
    assert web_api.calls("chat.postMessage") == []


def test_a_reminder_slack_failed_on_is_scheduled_once_when_slack_is_back(slack, web_api, core, config, database_url):
    web_api.fail("chat.scheduleMessage", status=500)
    submit_a_brave_step(slack, web_api)
    eventually(lambda: tried_and_still_owed(web_api, database_url))

    the_scheduler_a_minute_later(core, config)

    assert len(web_api.scheduled()) == 1
    assert len(web_api.calls("chat.scheduledMessages.list")) == 1  # looked before scheduling again
