"""The tests' Slack requests: Slack's real-format examples (tests/fixtures/slack), and requests the
stand-in builds as Slack sends them from the tests' workspace."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from slack_standin import requests
from slack_standin.block_kit import State
from slack_standin.requests import Enterprise, Sender, Workspace
from slack_standin.requests import form_body as form_body  # tests post interactivity with payloads.form_body
from slack_standin.web_api import Channel

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "slack"
PAYLOADS = FIXTURES / "payloads"
MANIFEST_SCHEMA = FIXTURES / "manifest" / "manifest.schema.1.0.0.json"

# The tests' workspace as each kind of request names it: events from a workspace in no organisation,
# commands from an Enterprise Grid workspace of E0001, clicks and submissions from one of E111 (as in
# the examples the tests first took them from). The install and settings tests rely on these ids.
EVENTS_FROM = Workspace("T0001", "example", app_id="A111", verification_token="verification_token")
COMMANDS_FROM = replace(EVENTS_FROM, enterprise=Enterprise("E0001", "Globular Construct Inc"))
INTERACTIONS_FROM = replace(EVENTS_FROM, domain="workspace-domain", enterprise=Enterprise("E111", "Sandbox Org"))
CHANNEL = Channel("C111", "test-channel")
# The modal a test submits or clicks in: Slack's ids for it (the tests open one modal at a time).
OPEN_VIEW_ID = "VOPEN"
OPEN_VIEW_HASH = "1596530361.3wRYuk3R"
TRIGGER_ID = "111.222.valid"
# The Home tab a test clicks in: a click needs the tab's ids, not the Home Nope published.
HOME = {"type": "home", "blocks": []}
HOME_VIEW_ID = "VHOME"


@cache
def payload_text(name: str) -> str:
    """One of Slack's examples as stored: a body as it goes over the wire, or JSON."""
    return (PAYLOADS / name).read_text(encoding="utf-8").strip()


def payload_json(name: str) -> dict[str, Any]:
    return json.loads(payload_text(name))


def sender(user_id: str) -> Sender:
    return Sender(user_id, user_id.lower())


def slash_command(**overrides: str) -> dict[str, str]:
    """A `/nope` command's fields from the tests' workspace, with some replaced."""
    fields = requests.slash_command(
        COMMANDS_FROM,
        sender("U2147483697"),
        command="/nope",
        text="",
        channel=CHANNEL,
        response_url="https://hooks.slack.com/commands/1234/5678",
        trigger_id="13345224609.738474920.8088930838d88f008e0",
    )
    return {**fields, **overrides}


def slash_command_body(**overrides: str) -> str:
    """A `/nope` command from the tests' workspace, with some fields replaced, form-encoded as Slack sends it."""
    return requests.command_body(slash_command(**overrides))


def interactions_from(team_id: str) -> Workspace:
    return replace(INTERACTIONS_FROM, team_id=team_id)


def open_view(view: dict[str, Any], team_id: str, values: State) -> dict[str, Any]:
    """A view Nope opened, as Slack reports it in a payload from the open modal."""
    where = interactions_from(team_id)
    return requests.view_in_payload(view, where, view_id=OPEN_VIEW_ID, state=values, view_hash=OPEN_VIEW_HASH)


def home_tab(team_id: str) -> dict[str, Any]:
    """The Home tab, as Slack reports it in a payload from a click there."""
    where = interactions_from(team_id)
    return requests.view_in_payload(HOME, where, view_id=HOME_VIEW_ID, state={}, view_hash=f"{HOME_VIEW_ID}.0")


def view_submission(view: dict[str, Any], values: State, user_id: str, team_id: str) -> dict[str, Any]:
    """Slack's view_submission of a view Nope opened, with the person's answers in `values`."""
    submitted = open_view(view, team_id, values)
    return requests.view_submission(interactions_from(team_id), sender(user_id), submitted, trigger_id=TRIGGER_ID)
