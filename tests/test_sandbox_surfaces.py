"""The sandbox shows what Slack would show for the calls an app makes, and for its answers to a submission."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient

from sandbox.clock import SandboxClock
from sandbox.slack_platform import Click, SlackPlatform
from sandbox.surfaces import ResponseTarget, Surfaces
from sandbox.transport import AppAnswer
from sandbox.workspace import TEAM_CHANNEL
from slack_standin.view_state import view_state
from slack_standin.web_api import Channel, SlackWebAPI

ANNA, BRAM = "U0ANNA", "U0BRAM"


def modal(title: str, *blocks: dict) -> dict:
    return {
        "type": "modal",
        "callback_id": title.lower(),
        "title": {"type": "plain_text", "text": title},
        "close": {"type": "plain_text", "text": "Close"},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": list(blocks) or [{"type": "section", "text": {"type": "mrkdwn", "text": title}}],
    }


@pytest.fixture
def web_api() -> Iterator[SlackWebAPI]:
    with SlackWebAPI() as api:
        api.add_channel(TEAM_CHANNEL)
        api.add_channel(Channel("C0GONE", "gone", bot_is_member=False))
        yield api


@pytest.fixture
def clock() -> SandboxClock:
    return SandboxClock()


@pytest.fixture
def surfaces(web_api, clock) -> Surfaces:
    return Surfaces(web_api, clock)


@pytest.fixture
def client(web_api) -> WebClient:
    return WebClient(token=web_api.bot_token, base_url=web_api.api_url)


def synced(surfaces: Surfaces) -> Surfaces:
    surfaces.sync()
    return surfaces


def test_views_open_push_and_update_stack_in_front_of_the_person_whose_trigger_it_was(surfaces, client):
    client.views_open(trigger_id=surfaces.new_trigger(ANNA), view=modal("First"))
    client.views_push(trigger_id=surfaces.new_trigger(ANNA), view=modal("Second"))
    second = synced(surfaces).top_view(ANNA)
    assert second.view["title"]["text"] == "Second"
    assert surfaces.top_view(BRAM) is None

    client.views_update(view_id=second.view_id, view=modal("Second, updated"))
    assert synced(surfaces).top_view(ANNA).view["title"]["text"] == "Second, updated"
    assert surfaces.top_view(ANNA).view_id == second.view_id

    surfaces.close_view(ANNA, second.view_id)
    assert surfaces.top_view(ANNA).view["title"]["text"] == "First"


def test_a_refused_call_shows_nothing(surfaces, client, web_api):
    web_api.fail("views.open", error="expired_trigger_id")
    with pytest.raises(Exception, match="expired_trigger_id"):
        client.views_open(trigger_id=surfaces.new_trigger(ANNA), view=modal("Late"))
    with pytest.raises(Exception, match="not_in_channel"):
        client.chat_postMessage(channel="C0GONE", text="hello")
    assert synced(surfaces).top_view(ANNA) is None
    assert surfaces.messages("C0GONE", ANNA) == []


def test_messages_ephemeral_ones_only_for_their_person(surfaces, client):
    client.chat_postMessage(channel=TEAM_CHANNEL.channel_id, text="*Everyone* sees this")
    client.chat_postEphemeral(channel=TEAM_CHANNEL.channel_id, user=ANNA, text="Only Anna")
    synced(surfaces)
    assert [m.text for m in surfaces.messages(TEAM_CHANNEL.channel_id, ANNA)] == ["*Everyone* sees this", "Only Anna"]
    assert [m.text for m in surfaces.messages(TEAM_CHANNEL.channel_id, BRAM)] == ["*Everyone* sees this"]


def test_a_response_url_answers_where_the_person_was_or_replaces_the_message_clicked(surfaces, client, web_api):
    client.chat_postMessage(channel="DU0ANNA", text="Reminder", blocks=[])
    [reminder] = synced(surfaces).messages("DU0ANNA", ANNA)
    from_command = surfaces.new_response_url(ResponseTarget(ANNA, TEAM_CHANNEL.channel_id, None))
    from_button = surfaces.new_response_url(ResponseTarget(ANNA, "DU0ANNA", reminder.message_id))
    answer = WebClient()
    answer.api_call(from_command, json={"text": "Just for you", "response_type": "ephemeral"})
    answer.api_call(from_button, json={"text": "Done!", "replace_original": True})
    synced(surfaces)
    [private] = surfaces.messages(TEAM_CHANNEL.channel_id, ANNA)
    assert private.text == "Just for you" and private.visible_to == ANNA
    assert surfaces.messages(TEAM_CHANNEL.channel_id, BRAM) == []
    assert [m.text for m in surfaces.messages("DU0ANNA", ANNA)] == ["Done!"]


def test_files_show_in_a_thread_under_their_message_or_as_a_message(surfaces, client):
    answer = client.chat_postMessage(channel=TEAM_CHANNEL.channel_id, text="Digest")
    client.files_upload_v2(
        channel=TEAM_CHANNEL.channel_id,
        thread_ts=answer["ts"],
        file=b"\x89PNG\r\n\x1a\nchart",
        filename="chart.png",
        title="The last 8 weeks",
        alt_txt="3 no's this week",
    )
    client.files_upload_v2(channel="DU0ANNA", content='{"rejections": []}', filename="export.json", title="Your data")
    [digest] = synced(surfaces).messages(TEAM_CHANNEL.channel_id, ANNA)
    [chart] = digest.files
    assert (chart.title, chart.alt_text, chart.in_thread, chart.is_image) == (
        "The last 8 weeks",
        "3 no's this week",
        True,
        True,
    )
    assert surfaces.file(chart.file_id) == (chart, b"\x89PNG\r\n\x1a\nchart")
    # A file shared on its own is a message of its own.
    [export_message] = surfaces.messages("DU0ANNA", ANNA)
    [export] = export_message.files
    assert (export.filename, export.in_thread, export.is_image) == ("export.json", False, False)


def test_a_scheduled_message_arrives_when_the_sandbox_clock_passes_its_time(surfaces, client, clock):
    post_at = datetime.now(UTC) + timedelta(days=2)
    answer = client.chat_scheduleMessage(channel="DU0ANNA", post_at=int(post_at.timestamp()), text="Your step")
    client.chat_scheduleMessage(channel="DU0ANNA", post_at=int(post_at.timestamp()), text="Cancelled")
    client.chat_deleteScheduledMessage(channel="DU0ANNA", scheduled_message_id=answer["scheduled_message_id"])
    assert synced(surfaces).messages("DU0ANNA", ANNA) == []
    clock.next_week()
    assert [m.text for m in synced(surfaces).messages("DU0ANNA", ANNA)] == ["Cancelled"]


def test_reset_forgets_what_was_shown_and_never_replays_it(surfaces, client):
    client.chat_postMessage(channel=TEAM_CHANNEL.channel_id, text="Before")
    synced(surfaces).reset()
    client.chat_postMessage(channel=TEAM_CHANNEL.channel_id, text="After")
    assert [m.text for m in synced(surfaces).messages(TEAM_CHANNEL.channel_id, ANNA)] == ["After"]


# -- Nope's answer to a submission (`response_action`) ---------------------------------------


class AnsweringApp:
    """Nope's side of one request, answered with a fixed body; what was sent is kept."""

    def __init__(self, *bodies: dict | None) -> None:
        self.bodies = list(bodies)
        self.sent: list[dict] = []

    def send(self, body: str, content_type: str) -> AppAnswer:
        self.sent.append(json.loads(parse_qs(body)["payload"][0]))
        answer = self.bodies.pop(0)
        return AppAnswer(200, json.dumps(answer) if answer else "")


TEXT_INPUT = {
    "type": "input",
    "block_id": "story",
    "label": {"type": "plain_text", "text": "Story"},
    "element": {"type": "plain_text_input", "action_id": "story_input"},
}


def platform_with(surfaces: Surfaces, *answers: dict | None) -> tuple[SlackPlatform, AnsweringApp]:
    app = AnsweringApp(*answers)
    return SlackPlatform(surfaces, app), app


def opened(surfaces: Surfaces, view: dict) -> str:
    surfaces.open_view(ANNA, view)
    return surfaces.top_view(ANNA).view_id


def test_errors_come_back_for_their_fields_and_the_modal_stays(surfaces):
    platform, _ = platform_with(surfaces, {"response_action": "errors", "errors": {"story": "Too long"}})
    view_id = opened(surfaces, modal("Log", TEXT_INPUT))
    outcome = platform.submit(ANNA, view_id, {"story": {"story_input": ["x" * 10]}})
    assert outcome.errors == {"story": "Too long"}
    # What the person typed is kept with the view, for when it is drawn again.
    assert surfaces.top_view(ANNA).state == {"story": {"story_input": {"type": "plain_text_input", "value": "x" * 10}}}


def test_push_update_clear_and_a_plain_ack(surfaces):
    platform, app = platform_with(
        surfaces,
        {"response_action": "push", "view": modal("Pushed")},
        {"response_action": "update", "view": modal("Updated")},
        None,
        {"response_action": "clear"},
    )
    first = opened(surfaces, modal("First", TEXT_INPUT))
    platform.submit(ANNA, first, {"story": {"story_input": ["hello <you>"]}})
    sent = app.sent[0]
    assert sent["type"] == "view_submission" and sent["view"]["id"] == first
    assert sent["view"]["state"]["values"]["story"]["story_input"]["value"] == "hello <you>"
    pushed = surfaces.top_view(ANNA)
    assert pushed.view["title"]["text"] == "Pushed"

    platform.submit(ANNA, pushed.view_id, {})
    assert surfaces.top_view(ANNA).view["title"]["text"] == "Updated"
    assert surfaces.top_view(ANNA).view_id == pushed.view_id

    platform.submit(ANNA, pushed.view_id, {})  # an empty ack closes the view on top
    assert surfaces.top_view(ANNA).view_id == first
    platform.submit(ANNA, first, {})
    assert surfaces.top_view(ANNA) is None


def test_a_view_slack_would_refuse_leaves_the_modal_as_it_was(surfaces):
    too_long_title = {**modal("Fine"), "title": {"type": "plain_text", "text": "x" * 40}}
    platform, _ = platform_with(surfaces, {"response_action": "update", "view": too_long_title})
    view_id = opened(surfaces, modal("Fine"))
    outcome = platform.submit(ANNA, view_id, {})
    assert outcome.problem and "title" in outcome.problem
    assert surfaces.top_view(ANNA).view["title"]["text"] == "Fine"


def test_a_pick_in_a_dispatching_select_sends_the_option_slack_would(surfaces):
    who = {
        "type": "input",
        "block_id": "who",
        "dispatch_action": True,
        "label": {"type": "plain_text", "text": "Who"},
        "element": {
            "type": "static_select",
            "action_id": "pick_who",
            "options": [{"text": {"type": "plain_text", "text": "A peer"}, "value": "peer"}],
        },
    }
    platform, app = platform_with(surfaces, None)
    view_id = opened(surfaces, modal("Feedback", who))
    platform.click(ANNA, Click("modal", view_id, "who", "pick_who", ["peer"]), {"who": {"pick_who": ["peer"]}})
    [sent] = app.sent
    assert sent["type"] == "block_actions" and sent["container"] == {"type": "view", "view_id": view_id}
    assert sent["actions"][0]["selected_option"]["value"] == "peer"
    assert sent["view"]["state"]["values"]["who"]["pick_who"]["selected_option"]["value"] == "peer"


def test_view_state_has_slacks_shape_for_every_input():
    def entry(block_id: str, element: dict) -> dict:
        return {"type": "input", "block_id": block_id, "element": {"action_id": "a", **element}}

    option = {"text": {"type": "plain_text", "text": "One"}, "value": "1"}
    view = {
        "blocks": [
            entry("text", {"type": "plain_text_input"}),
            entry("empty", {"type": "plain_text_input"}),
            entry("number", {"type": "number_input", "is_decimal_allowed": False}),
            entry("select", {"type": "static_select", "options": [option]}),
            entry("radio", {"type": "radio_buttons", "options": [option]}),
            entry("boxes", {"type": "checkboxes", "options": [option]}),
            entry("date", {"type": "datepicker"}),
            entry("time", {"type": "timepicker"}),
            entry("user", {"type": "users_select"}),
            entry("users", {"type": "multi_users_select"}),
            entry("channel", {"type": "conversations_select"}),
            entry("channels", {"type": "multi_conversations_select"}),
        ]
    }
    entered = {
        "text": ["hi"],
        "empty": [""],
        "number": ["7"],
        "select": ["1"],
        "radio": ["1"],
        "boxes": ["1"],
        "date": ["2026-11-27"],
        "time": ["09:00"],
        "user": ["U0BRAM"],
        "users": ["U0ANNA", "U0BRAM"],
        "channel": ["C0TEAM"],
        "channels": [],
    }
    state = view_state(view, {block: {"a": values} for block, values in entered.items()})
    values = {block: state[block]["a"] for block in state}
    assert values["text"] == {"type": "plain_text_input", "value": "hi"}
    assert values["empty"] == {"type": "plain_text_input", "value": None}
    assert values["number"] == {"type": "number_input", "value": "7"}
    assert values["select"] == {"type": "static_select", "selected_option": option}
    assert values["radio"] == {"type": "radio_buttons", "selected_option": option}
    assert values["boxes"] == {"type": "checkboxes", "selected_options": [option]}
    assert values["date"] == {"type": "datepicker", "selected_date": "2026-11-27"}
    assert values["time"] == {"type": "timepicker", "selected_time": "09:00"}
    assert values["user"] == {"type": "users_select", "selected_user": "U0BRAM"}
    assert values["users"] == {"type": "multi_users_select", "selected_users": ["U0ANNA", "U0BRAM"]}
    assert values["channel"] == {"type": "conversations_select", "selected_conversation": "C0TEAM"}
    assert values["channels"] == {"type": "multi_conversations_select", "selected_conversations": []}
