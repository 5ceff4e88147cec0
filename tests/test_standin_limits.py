"""The Web API stand-in refuses what Slack refuses, so a test catches a view or message over Slack's limits:
every block is checked with slack_sdk's models (`to_dict()`, all the way down) and the limits they leave out."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from blocks.kit import actions, button, context, header, modal, option, section, static_select


def client_for(web_api) -> WebClient:
    return WebClient(token=web_api.bot_token, base_url=web_api.api_url)


def home(*blocks: dict, **view: object) -> dict:
    return {"type": "home", "blocks": list(blocks), **view}


def a_modal(**changes: object) -> dict:
    return {**modal(title="Log a no", close="Cancel", callback_id="x", blocks=[section("ok")]), **changes}


OVER_THE_LIMIT_VIEWS = {
    "section text over 3,000": home(section("x" * 3001)),
    "a context's text over 3,000": home(context("x" * 3001)),
    "header over 150": home(header("x" * 151)),
    "button text over 75": home(actions(button("x" * 76, "a"))),
    "option text over 75": home(actions(static_select("s", "Pick", [option("x" * 76, "v")]))),
    "option value over 75": home(actions(static_select("s", "Pick", [option("Pick me", "v" * 76)]))),
    "a section field over 2,000": home({"type": "section", "fields": [{"type": "mrkdwn", "text": "x" * 2001}]}),
    "more than 100 blocks": home(*[section("ok")] * 101),
    "a view over 250 kB": home(*[section("😀" * 2900)] * 25),
    "a block Slack does not know": home({"type": "paragraph", "text": "x"}),
    "modal title over 24": a_modal(title={"type": "plain_text", "text": "x" * 25}),
    "modal close over 24": a_modal(close={"type": "plain_text", "text": "x" * 25}),
    "modal submit over 24": a_modal(submit={"type": "plain_text", "text": "x" * 25}),
    "private_metadata over 3,000": a_modal(private_metadata="x" * 3001),
}


@pytest.mark.parametrize("view", OVER_THE_LIMIT_VIEWS.values(), ids=OVER_THE_LIMIT_VIEWS.keys())
def test_a_view_over_slacks_limits_is_refused(web_api, view):
    method = "views.publish" if view["type"] == "home" else "views.open"
    arguments = {"user_id": "U0ANNA"} if method == "views.publish" else {"trigger_id": "1.1.t"}

    with pytest.raises(SlackApiError) as refused:
        client_for(web_api).api_call(method, json={**arguments, "view": view})

    assert refused.value.response["error"] == "invalid_arguments"


def test_a_view_at_slacks_limits_is_taken(web_api):
    view = home(header("x" * 150), *[section("x" * 3000)] * 40, actions(button("x" * 75, "a")))

    assert client_for(web_api).views_publish(user_id="U0ANNA", view=view)["ok"]


OVER_THE_LIMIT_MESSAGES = {
    "section text over 3,000": ([section("x" * 3001)], "invalid_blocks"),
    "more than 50 blocks": ([section("ok")] * 51, "invalid_blocks"),
    "more than about 12,000 characters in all": ([section("x" * 3000)] * 5, "msg_blocks_too_long"),
}


@pytest.mark.parametrize(("blocks", "error"), OVER_THE_LIMIT_MESSAGES.values(), ids=OVER_THE_LIMIT_MESSAGES.keys())
@pytest.mark.parametrize("method", ["chat.postMessage", "chat.postEphemeral", "chat.scheduleMessage"])
def test_a_message_over_slacks_limits_is_refused_however_it_is_sent(web_api, method, blocks, error):
    arguments = {"channel": "DU0ANNA", "user": "U0ANNA", "post_at": 4_000_000_000, "text": "fallback"}

    with pytest.raises(SlackApiError) as refused:
        client_for(web_api).api_call(method, json={**arguments, "blocks": blocks})

    assert refused.value.response["error"] == error
    assert not web_api.scheduled()


def test_a_message_text_over_40000_characters_is_refused(web_api):
    with pytest.raises(SlackApiError) as refused:
        client_for(web_api).chat_postMessage(channel="DU0ANNA", text="x" * 40_001)

    assert refused.value.response["error"] == "msg_too_long"


def test_a_response_url_refuses_what_chat_post_message_refuses(web_api):
    webhook = WebhookClient(web_api.response_url())

    refused = webhook.send(text="fallback", blocks=[section("x" * 3001)])
    taken = webhook.send(text="fallback", blocks=[section("x" * 3000)])

    assert (refused.status_code, taken.status_code) == (400, 200)
    assert [call.reply["ok"] for call in web_api.calls("response_url")] == [False, True]
