"""Only requests signed by Slack, recently, reach Nope; everything else gets 401 and changes nothing."""

from __future__ import annotations

import time

from slack_standin.signing import slack_signature
from tests import payloads
from tests.conftest import ANNA
from tests.harness import FORM
from tests.test_log_no_flow import stored_rejections


def test_our_signing_matches_slacks_published_test_vector():
    vector = payloads.payload_json("signature_test_vector.json")
    assert (
        slack_signature(vector["signing_secret"], vector["timestamp"], vector["body"])
        == vector["expected_x_slack_signature"]
    )


def command_body() -> str:
    return payloads.slash_command_body(user_id=ANNA.user_id, team_id=ANNA.team_id, text="")


def test_unsigned_request_is_refused(slack, web_api):
    response = slack.client.post("/slack/events", data=command_body(), headers={"Content-Type": FORM})
    assert response.status_code == 401
    assert {call.method for call in web_api.calls()} == {"auth.test"}  # only the start-up check


def test_request_signed_with_another_secret_is_refused(slack, web_api):
    response = slack.post(command_body(), FORM, secret="not-the-secret")
    assert response.status_code == 401
    assert not web_api.calls("views.open")


def test_stale_request_is_refused_even_when_correctly_signed(slack, web_api):
    six_minutes_ago = int(time.time()) - 6 * 60
    response = slack.post(command_body(), FORM, timestamp=six_minutes_ago)
    assert response.status_code == 401
    assert not web_api.calls("views.open")


def test_tampered_body_is_refused_and_nothing_is_stored(slack, web_api, database_url):
    slack.command(ANNA)
    view = web_api.wait_for("views.open")[0].params["view"]
    body = payloads.form_body(payloads.view_submission(view, {}, ANNA.user_id, ANNA.team_id))
    headers = {
        "Content-Type": FORM,
        "X-Slack-Request-Timestamp": str(int(time.time())),
        "X-Slack-Signature": slack_signature("test-signing-secret", str(int(time.time())), body + "x"),
    }
    response = slack.client.post("/slack/events", data=body, headers=headers)
    assert response.status_code == 401
    assert stored_rejections(database_url) == []


def test_a_recent_correctly_signed_request_is_accepted(slack, web_api):
    assert slack.post(command_body(), FORM).status_code == 200
    assert web_api.wait_for("views.open")
