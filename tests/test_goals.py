"""Bravery goals: effort, not outcome. Set one, see it move after each logged no and on the Home."""

from __future__ import annotations

from blocks.goal_views import PERIOD_BLOCK, TARGET_BLOCK
from blocks.home_view import SET_GOAL_ACTION
from tests.conftest import ANNA, BRAM
from tests.harness import all_text, opened_view, published_home, structured
from tests.test_reflection_flow import log_a_no


def set_goal(slack, web_api, person, target: str, period: str) -> dict:
    slack.command(person, text="goal")
    modal = opened_view(web_api, len(web_api.calls("views.open")) - 1)
    payload = {TARGET_BLOCK: target, PERIOD_BLOCK: period}
    return slack.submit(person, modal, payload).get_json()


def test_a_goal_is_set_and_counts_each_logged_no(slack, web_api):
    answer = set_goal(slack, web_api, ANNA, "3", "week")
    assert answer["response_action"] == "update"
    assert "Goal set: 3 no's per week." in all_text(answer["view"])

    logged = log_a_no(slack, web_api)
    assert "Bravery goal: 1 of 3 no's this week" in all_text(logged)
    log_a_no(slack, web_api)
    third = log_a_no(slack, web_api)
    assert "Bravery goal: 3 of 3 no's this week\nGoal reached." in all_text(third)

    home = published_home(web_api, count=4)  # after the goal and after each of the three no's
    assert "Bravery goal: 3 of 3 no's this week" in all_text(home)


def test_the_goal_modal_starts_from_the_current_goal(slack, web_api):
    set_goal(slack, web_api, ANNA, "12", "month")
    slack.command(ANNA, text="goal")
    modal = opened_view(web_api, 1)
    target = next(block for block in modal["blocks"] if block.get("block_id") == TARGET_BLOCK)
    period = next(block for block in modal["blocks"] if block.get("block_id") == PERIOD_BLOCK)
    assert target["element"]["initial_value"] == "12"
    assert period["element"]["initial_option"]["value"] == "month"


def test_an_impossible_target_is_refused_on_its_field(slack, web_api):
    for target in ("0", "101", "-3", "ten"):
        slack.command(ANNA, text="goal")
        modal = opened_view(web_api, len(web_api.calls("views.open")) - 1)
        answer = slack.submit(ANNA, modal, {TARGET_BLOCK: target}).get_json()
        assert answer == {
            "response_action": "errors",
            "errors": {TARGET_BLOCK: "Choose a number from 1 to 100."},
        }


def test_goals_are_personal_and_in_the_persons_language(slack, web_api):
    answer = set_goal(slack, web_api, BRAM, "5", "month")
    assert "Doel ingesteld: 5 nee's per maand." in all_text(answer["view"])
    slack.open_home(ANNA)
    publishes = web_api.wait_for("views.publish", count=2)  # Bram's after his goal, and Anna's
    [annas_home] = [structured(call, "view") for call in publishes if call.params["user_id"] == ANNA.user_id]
    assert "No goal yet." in all_text(annas_home)


def test_the_home_button_opens_the_goal_modal(slack, web_api):
    slack.click(ANNA, SET_GOAL_ACTION, in_message=False)
    assert opened_view(web_api)["title"]["text"] == "Bravery goal"
