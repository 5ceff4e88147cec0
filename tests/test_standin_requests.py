"""The stand-in sends what Slack sends: built from the values of one of Slack's real-format examples
(tests/fixtures/slack/payloads), each kind of request is that example, field for field; kinds
without an example of their own have the keys, user, team and view of the nearest one."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs, parse_qsl

import pytest

from slack_standin import requests
from slack_standin.requests import Enterprise, Sender, Workspace
from slack_standin.view_state import fill_in
from slack_standin.web_api import Channel
from tests.payloads import payload_json, payload_text

# The workspace, person and conversation of the interactivity examples (from Bolt's test suite).
GRID = Workspace("T111", "workspace-domain", "A111", "verification_token", Enterprise("E111", "Sandbox Org"))
OWNER = Sender("W111", "primary-owner")
CHANNEL = Channel("C111", "test-channel")
# What Slack adds to a view an app sent, when it reports the view in a payload.
SLACK_VIEW_KEYS = {
    "id",
    "team_id",
    "state",
    "hash",
    "previous_view_id",
    "root_view_id",
    "app_id",
    "app_installed_team_id",
    "bot_id",
}


def sent_by_the_app(view: dict[str, Any]) -> dict[str, Any]:
    """An example's view without what Slack added: the view as the app sent it."""
    return {key: value for key, value in view.items() if key not in SLACK_VIEW_KEYS}


def example_view(*, state: bool = True) -> dict[str, Any]:
    """The view of view_submission.json rebuilt by the stand-in (its typed text filled in again)."""
    view = payload_json("view_submission.json")["view"]
    app_view = sent_by_the_app(view)
    values = fill_in(app_view, {"hspI": "test"}) if state else {}
    built = requests.view_in_payload(app_view, GRID, view_id=view["id"], state=values, view_hash=view["hash"])
    # The stand-in's bot is not the example's.
    return {**built, "bot_id": view["bot_id"]}


def example_button() -> dict[str, Any]:
    """The button of block_actions.json, as the app sent it, and what Slack reported for its click."""
    reported = payload_json("block_actions.json")["actions"][0]
    button = {key: reported[key] for key in ("type", "action_id", "text", "value")}
    return {**requests.action(button, reported["block_id"]), "action_ts": reported["action_ts"]}


def test_a_slash_command_is_slacks_example_to_the_byte():
    example = payload_text("slash_command.txt")
    fields = dict(parse_qsl(example))
    where = Workspace(
        fields["team_id"],
        fields["team_domain"],
        fields["api_app_id"],
        fields["token"],
        Enterprise(fields["enterprise_id"], fields["enterprise_name"]),
    )
    built = requests.slash_command(
        where,
        Sender(fields["user_id"], fields["user_name"]),
        command=fields["command"],
        text=fields["text"],
        channel=Channel(fields["channel_id"], fields["channel_name"]),
        response_url=fields["response_url"],
        trigger_id=fields["trigger_id"],
    )
    assert requests.command_body(built) == example
    outside_any_org = requests.slash_command(
        replace(where, enterprise=None),
        Sender(fields["user_id"], fields["user_name"]),
        command="/nope",
        text="",
        channel=CHANNEL,
        response_url="https://hooks.slack.com/commands/1",
        trigger_id="1.2.3",
    )
    assert set(outside_any_org) == set(fields) - {"enterprise_id", "enterprise_name"}


def test_a_click_in_a_message_is_slacks_example():
    example = payload_json("block_actions.json")
    built = requests.click_in_message(
        GRID,
        OWNER,
        example_button(),
        trigger_id=example["trigger_id"],
        channel=CHANNEL,
        message_ts=example["container"]["message_ts"],
        is_ephemeral=example["container"]["is_ephemeral"],
        response_url=example["response_url"],
    )
    assert built == example
    # Over the wire: one form field, `payload`, holding the JSON, as in the example's wire format.
    on_the_wire = parse_qs(payload_text("block_actions.form.txt"))
    sent = parse_qs(requests.form_body(built))
    assert set(sent) == set(on_the_wire) == {"payload"}
    assert json.loads(sent["payload"][0]) == json.loads(on_the_wire["payload"][0])


def test_a_click_in_a_message_may_carry_the_message():
    message = {"type": "message", "ts": "111.222", "text": "Hello", "blocks": [], "bot_id": "BBOT"}
    built = requests.click_in_message(
        GRID,
        OWNER,
        example_button(),
        trigger_id="1",
        channel=CHANNEL,
        message_ts="111.222",
        is_ephemeral=False,
        response_url="https://hooks.slack.com/actions/1",
        message=message,
    )
    assert set(built) == set(payload_json("block_actions.json")) | {"message"}


def test_a_click_in_a_modal_has_the_examples_user_team_action_and_view():
    example = payload_json("block_actions.json")
    view = example_view(state=False)
    built = requests.click_in_view(GRID, OWNER, example_button(), trigger_id=example["trigger_id"], view=view)
    # In a view there is no conversation and no response_url; the view comes instead.
    assert set(built) == set(example) - {"channel", "response_url"} | {"view"}
    assert (built["user"], built["team"], built["actions"]) == (example["user"], example["team"], example["actions"])
    assert built["container"] == {"type": "view", "view_id": view["id"]}
    assert set(built["view"]) == set(payload_json("view_submission.json")["view"])


def test_a_click_on_the_home_tab_has_the_home_view_as_slack_reports_it():
    home = payload_json("app_home_opened.docs_inner_event.json")["view"]
    view = requests.view_in_payload(sent_by_the_app(home), GRID, view_id=home["id"], state={}, view_hash=home["hash"])
    built = requests.click_in_view(GRID, OWNER, example_button(), trigger_id="1", view=view)
    assert built["container"] == {"type": "view", "view_id": home["id"]}
    # Inside an interaction payload a view also says what was entered and which view came before.
    assert set(built["view"]) == set(home) | {"state", "previous_view_id"}


def test_a_view_submission_is_slacks_example():
    example = payload_json("view_submission.json")
    built = requests.view_submission(GRID, OWNER, example_view(), trigger_id=example["trigger_id"])
    assert built == example
    on_the_wire = parse_qs(payload_text("view_submission.form.txt"))
    assert json.loads(parse_qs(requests.form_body(built))["payload"][0]) == json.loads(on_the_wire["payload"][0])


def test_a_closed_view_has_the_submissions_user_team_and_view():
    example = payload_json("view_submission.json")
    built = requests.view_closed(GRID, OWNER, example_view())
    # Slack's documentation of view_closed: no trigger_id nor response_urls, and whether all views were cleared.
    assert set(built) == set(example) - {"trigger_id", "response_urls"} | {"is_cleared"}
    assert (built["user"], built["team"], built["view"]) == (example["user"], example["team"], example["view"])


def test_an_event_envelope_has_the_keys_of_slacks_example():
    example = payload_json("app_home_opened.bolt_test.json")
    where = replace(GRID, app_id=example["api_app_id"], verification_token=example["token"])
    built = requests.event_callback(where, example["event"], event_id=example["event_id"])
    assert set(built) == set(example)
    assert [set(authorization) for authorization in built["authorizations"]] == [
        set(authorization) for authorization in example["authorizations"]
    ]
    assert {key: built[key] for key in ("token", "team_id", "enterprise_id", "api_app_id", "event", "type")} == {
        key: example[key] for key in ("token", "team_id", "enterprise_id", "api_app_id", "event", "type")
    }
    outside_any_org = requests.event_callback(replace(where, enterprise=None), example["event"], event_id="Ev1")
    assert set(outside_any_org) == set(example) - {"enterprise_id"}
    # Slack's documented envelope (an older example) has a subset of those keys.
    assert set(payload_json("app_uninstalled.docs.json")) <= set(outside_any_org)


def test_app_home_opened_is_slacks_example():
    example = payload_json("app_home_opened.docs_inner_event.json")
    built = requests.app_home_opened(example["user"], example["channel"], example["tab"], view=example["view"])
    assert {**built, "event_ts": example["event_ts"]} == example
    assert set(requests.app_home_opened("U1", "D1")) == set(example) - {"view"}  # before any Home was published


@pytest.mark.parametrize(
    ("example", "kind", "answerable"),
    [
        (dict(parse_qsl(payload_text("slash_command.txt"))), "slash_commands", True),
        (payload_json("view_submission.json"), "interactive", True),
        (payload_json("block_actions.json"), "interactive", False),
        (payload_json("app_home_opened.bolt_test.json"), "events_api", False),
    ],
    ids=["command", "view_submission", "block_actions", "event"],
)
def test_over_socket_mode_each_kind_comes_in_slacks_envelope_with_its_http_payload(example, kind, answerable):
    envelope = requests.socket_mode_envelope(example, "0f1e2d3c-envelope")

    assert (envelope["envelope_id"], envelope["type"], envelope["payload"]) == ("0f1e2d3c-envelope", kind, example)
    # Slack takes an answer in the ack where HTTP would take one in the response body.
    assert envelope["accepts_response_payload"] is answerable
    if kind == "events_api":
        assert (envelope["retry_attempt"], envelope["retry_reason"]) == (0, "")
