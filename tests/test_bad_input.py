"""Bad input gets a clear answer and loses nothing; nothing crashes."""

from __future__ import annotations

import json

import pytest

from blocks.log_rejection_modal import FEELING_BLOCK, FORM_BLOCK, INTENSITY_BLOCK, KIND_BLOCK, STORY_BLOCK
from tests import payloads
from tests.conftest import ANNA, BRAM, SIGNING_SECRET, config_for
from tests.harness import FORM, JSON, SlackSide, all_text, opened_view, structured
from tests.test_log_no_flow import ANSWERS, stored_rejections


def test_missing_fields_get_errors_on_the_right_fields(slack, web_api, database_url):
    slack.command(ANNA)

    response = slack.submit(ANNA, opened_view(web_api), {KIND_BLOCK: None, FEELING_BLOCK: None})

    answer = response.get_json()
    assert answer["response_action"] == "errors"
    assert answer["errors"] == {
        KIND_BLOCK: "Pick the kind of no that fits best.",
        FORM_BLOCK: "Pick how the no came.",
        FEELING_BLOCK: "Pick how it landed.",
    }
    assert stored_rejections(database_url) == []


def test_errors_speak_the_persons_language(slack, web_api):
    slack.command(BRAM)
    response = slack.submit(BRAM, opened_view(web_api), {**ANSWERS, INTENSITY_BLOCK: None})
    assert response.get_json()["errors"] == {INTENSITY_BLOCK: "Kies hoe hard het aankwam, van 1 tot 5."}


def test_an_oversized_story_is_refused_on_the_story_field(slack, web_api, database_url):
    slack.command(ANNA)

    response = slack.submit(ANNA, opened_view(web_api), {**ANSWERS, STORY_BLOCK: "x" * 2001})

    assert response.get_json()["errors"] == {
        STORY_BLOCK: "That is 2001 characters and the limit is 2000. Could you trim it a little?"
    }
    assert stored_rejections(database_url) == []


def test_values_that_are_not_among_the_options_are_refused(slack, web_api, database_url):
    slack.command(ANNA)
    view = opened_view(web_api)
    payload = payloads.view_submission(view, {}, ANNA.user_id, ANNA.team_id)
    payload["view"]["state"]["values"] = {
        KIND_BLOCK: {"kind_select": {"type": "static_select", "selected_option": {"value": "'; DROP TABLE"}}},
        INTENSITY_BLOCK: {"intensity_select": {"type": "static_select", "selected_option": {"value": "99"}}},
    }

    response = slack.post(payloads.form_body(payload), FORM)

    assert set(response.get_json()["errors"]) == {KIND_BLOCK, FORM_BLOCK, FEELING_BLOCK, INTENSITY_BLOCK}
    assert stored_rejections(database_url) == []


def test_a_signed_payload_that_is_not_json_gets_400(slack):
    response = slack.post("payload=%7Bnot-json", FORM)
    assert response.status_code == 400
    assert response.get_json() == {"error": "malformed payload"}


def test_an_unsigned_payload_that_is_not_json_gets_401(slack):
    response = slack.client.post("/slack/events", data="payload=%7Bnot-json", headers={"Content-Type": FORM})
    assert response.status_code == 401


def test_a_signed_event_body_that_is_not_json_gets_400(slack):
    assert slack.post("{ this is not json", JSON).status_code == 400


def test_the_app_keeps_serving_after_bad_input(slack, web_api):
    slack.post("payload=%7Bnot-json", FORM)
    slack.post("{ this is not json", JSON)
    assert slack.command(ANNA).status_code == 200
    assert web_api.wait_for("views.open")


def test_an_unknown_button_gets_a_polite_private_answer(slack, web_api):
    response = slack.click(ANNA, "something_from_an_old_version")

    assert response.status_code == 200
    answer = web_api.wait_for("response_url")[0].params
    assert answer["response_type"] == "ephemeral"
    assert "That button is no longer in use." in all_text(answer["blocks"])


def test_an_unknown_modal_submission_is_closed_quietly(slack):
    payload = payloads.payload_json("view_submission.json")  # callback_id "view-id", not ours
    response = slack.post(payloads.form_body(payload), FORM)
    assert response.status_code == 200


def test_unexpected_event_types_are_acknowledged_so_slack_does_not_retry(slack, web_api):
    response = slack.event({"type": "reaction_added", "user": ANNA.user_id, "reaction": "tada"})
    assert response.status_code == 200
    assert not web_api.calls("views.publish")


def test_url_verification_answers_the_challenge(slack):
    challenge = payloads.payload_json("url_verification.json")
    response = slack.post(json.dumps(challenge), JSON)
    assert response.status_code == 200
    assert challenge["challenge"] in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "unreachable_url",
    ["sqlite:////nonexistent-dir/for/nope.db", "postgresql://postgres@127.0.0.1:9/nope"],
    ids=["sqlite", "postgresql"],
)
def test_an_unavailable_database_keeps_the_modal_open_with_the_persons_words(web_api, app_factory, unreachable_url):
    config = config_for(web_api, unreachable_url)
    flask_app = app_factory(config)  # starts anyway; /readyz tells the operator
    slack = SlackSide(flask_app, SIGNING_SECRET, web_api)
    assert slack.client.get("/readyz").status_code == 503

    slack.command(ANNA)
    response = slack.submit(ANNA, opened_view(web_api), {**ANSWERS, STORY_BLOCK: "keep these words"})

    answer = response.get_json()
    assert answer["response_action"] == "errors"
    assert "Your words are still here" in answer["errors"][STORY_BLOCK]


def test_the_home_button_opens_the_modal(slack, web_api):
    slack.click(ANNA, "open_log_no", in_message=False)
    assert opened_view(web_api)["title"]["text"] == "Log a no"


def test_the_home_button_with_an_expired_trigger_explains_in_a_dm(slack, web_api):
    web_api.fail("views.open", error="expired_trigger_id")

    slack.click(ANNA, "open_log_no", in_message=False)

    message = web_api.wait_for("chat.postMessage")[0]
    assert message.params["channel"] == "D" + ANNA.user_id  # her DM with Nope
    assert "took a little too long" in all_text(structured(message, "blocks"))


@pytest.mark.parametrize("subcommand", ["reflect", "goal"])
def test_reflect_and_goal_say_so_when_the_database_is_unavailable(web_api, app_factory, subcommand):
    config = config_for(web_api, "sqlite:////nonexistent-dir/nope.db")
    slack = SlackSide(app_factory(config), SIGNING_SECRET, web_api)

    slack.command(ANNA, text=subcommand)

    notice = web_api.wait_for("response_url")[0].params
    assert "cannot reach its storage right now" in all_text(notice["blocks"])
    assert not web_api.calls("views.open")
