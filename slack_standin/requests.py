"""The requests Slack sends an app, in Slack's own formats: slash commands, interactivity (block_actions,
view_submission, view_closed) and Events API envelopes.

Each builder returns the payload as Slack makes it; `command_body`, `form_body` and `json.dumps` give
what goes over HTTP, `socket_mode_envelope` what goes over a Socket Mode connection.
tests/test_standin_requests.py holds every kind against Slack's real-format examples in
tests/fixtures/slack/payloads.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from slack_standin.block_kit import State
from slack_standin.view_state import element_state
from slack_standin.web_api import BOT_ID, BOT_USER_ID, Channel

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@dataclass(frozen=True)
class Enterprise:
    """An Enterprise Grid organisation."""

    enterprise_id: str
    name: str


@dataclass(frozen=True)
class Workspace:
    """Where requests come from: a workspace (in an organisation or not) and the app they are for."""

    team_id: str
    domain: str
    app_id: str
    # Slack still sends its deprecated verification token; apps check the signature instead.
    verification_token: str
    enterprise: Enterprise | None = None


@dataclass(frozen=True)
class Sender:
    """The person whose action Slack reports."""

    user_id: str
    name: str


def _team(where: Workspace) -> dict[str, Any]:
    team: dict[str, Any] = {"id": where.team_id, "domain": where.domain}
    if where.enterprise is not None:
        team.update(enterprise_id=where.enterprise.enterprise_id, enterprise_name=where.enterprise.name)
    return team


def _user(where: Workspace, sender: Sender) -> dict[str, Any]:
    return {"id": sender.user_id, "username": sender.name, "name": sender.name, "team_id": where.team_id}


def _now() -> str:
    return f"{time.time():.6f}"


# -- slash commands -------------------------------------------------------------------------------


def slash_command(
    where: Workspace,
    sender: Sender,
    *,
    command: str,
    text: str,
    channel: Channel,
    response_url: str,
    trigger_id: str,
) -> dict[str, str]:
    """The fields of a slash command, in the order Slack sends them."""
    fields = {"token": where.verification_token, "team_id": where.team_id, "team_domain": where.domain}
    if where.enterprise is not None:
        fields.update(enterprise_id=where.enterprise.enterprise_id, enterprise_name=where.enterprise.name)
    fields.update(
        channel_id=channel.channel_id,
        channel_name=channel.name,
        user_id=sender.user_id,
        user_name=sender.name,
        command=command,
        text=text,
        response_url=response_url,
        trigger_id=trigger_id,
        api_app_id=where.app_id,
        is_enterprise_install="false",
    )
    return fields


def command_body(fields: Mapping[str, str]) -> str:
    """A slash command on the wire: its fields, form-encoded."""
    return urlencode(fields)


# -- interactivity --------------------------------------------------------------------------------


def form_body(payload: Mapping[str, Any]) -> str:
    """Interactivity on the wire: form-encoded, the JSON in one `payload` field."""
    return urlencode({"payload": json.dumps(payload)})


def action(element: Mapping[str, Any], block_id: str, picked: list[str] | None = None) -> dict[str, Any]:
    """What Slack reports in `actions` for a click on a button, or a pick (`picked`) in a select."""
    reported: dict[str, Any] = {"action_id": element.get("action_id"), "block_id": block_id}
    if element.get("type") == "button":
        reported["text"] = element.get("text")
        if element.get("value") is not None:
            reported["value"] = element["value"]
    else:
        state = element_state(element, picked or [])
        reported.update({key: value for key, value in state.items() if key != "type"})
    return {**reported, "type": element.get("type"), "action_ts": _now()}


def view_in_payload(
    view: Mapping[str, Any],
    where: Workspace,
    *,
    view_id: str,
    state: State,
    view_hash: str,
    root_view_id: str | None = None,
    previous_view_id: str | None = None,
) -> dict[str, Any]:
    """A view as Slack reports it inside a payload: the view the app sent, with Slack's defaults for
    what it left out, Slack's ids, and what the person entered."""
    return {
        "private_metadata": "",
        "callback_id": "",
        "external_id": "",
        "clear_on_close": False,
        "notify_on_close": False,
        **view,
        "id": view_id,
        "team_id": where.team_id,
        "state": {"values": state},
        "hash": view_hash,
        "previous_view_id": previous_view_id,
        "root_view_id": root_view_id or view_id,
        "app_id": where.app_id,
        "app_installed_team_id": where.team_id,
        "bot_id": BOT_ID,
    }


def _block_actions(where: Workspace, sender: Sender, trigger_id: str, container: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": _user(where, sender),
        "api_app_id": where.app_id,
        "token": where.verification_token,
        "container": container,
        "trigger_id": trigger_id,
        "team": _team(where),
    }


def click_in_message(
    where: Workspace,
    sender: Sender,
    reported: dict[str, Any],
    *,
    trigger_id: str,
    channel: Channel,
    message_ts: str,
    is_ephemeral: bool,
    response_url: str,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """block_actions from a message: with the conversation, a response_url and (when given) the message."""
    container = {
        "type": "message",
        "message_ts": message_ts,
        "channel_id": channel.channel_id,
        "is_ephemeral": is_ephemeral,
    }
    payload = _block_actions(where, sender, trigger_id, container)
    payload.update(channel={"id": channel.channel_id, "name": channel.name}, response_url=response_url)
    if message is not None:
        payload["message"] = message
    return {**payload, "actions": [reported]}


def click_in_view(
    where: Workspace, sender: Sender, reported: dict[str, Any], *, trigger_id: str, view: dict[str, Any]
) -> dict[str, Any]:
    """block_actions from a modal or the Home tab: with the view (see `view_in_payload`), no response_url."""
    payload = _block_actions(where, sender, trigger_id, {"type": "view", "view_id": view["id"]})
    return {**payload, "actions": [reported], "view": view}


def view_submission(where: Workspace, sender: Sender, view: dict[str, Any], *, trigger_id: str) -> dict[str, Any]:
    """A modal submitted; `view` as `view_in_payload` makes it."""
    return {
        "type": "view_submission",
        "team": _team(where),
        "user": _user(where, sender),
        "api_app_id": where.app_id,
        "token": where.verification_token,
        "trigger_id": trigger_id,
        "view": view,
        "response_urls": [],
    }


def view_closed(where: Workspace, sender: Sender, view: dict[str, Any]) -> dict[str, Any]:
    """A modal closed by the person (sent only for views with `notify_on_close`)."""
    return {
        "type": "view_closed",
        "team": _team(where),
        "user": _user(where, sender),
        "api_app_id": where.app_id,
        "token": where.verification_token,
        "view": view,
        "is_cleared": False,
    }


# -- the Events API -------------------------------------------------------------------------------


def event_callback(where: Workspace, event: dict[str, Any], *, event_id: str) -> dict[str, Any]:
    """The Events API envelope around `event`, authorised for the app's bot in `where`."""
    enterprise_id = where.enterprise.enterprise_id if where.enterprise is not None else None
    envelope: dict[str, Any] = {"token": where.verification_token, "team_id": where.team_id}
    if enterprise_id is not None:
        envelope["enterprise_id"] = enterprise_id
    authorization = {
        "enterprise_id": enterprise_id,
        "team_id": where.team_id,
        "user_id": BOT_USER_ID,
        "is_bot": True,
        "is_enterprise_install": False,
    }
    return {
        **envelope,
        "api_app_id": where.app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [authorization],
        "is_ext_shared_channel": False,
    }


def app_home_opened(
    user_id: str, channel_id: str, tab: str = "home", view: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The event for a person opening the app's Home (or Messages) tab; `view` once a Home was published."""
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": channel_id,
        "event_ts": _now(),
        "tab": tab,
    }
    return event if view is None else {**event, "view": view}


# -- Socket Mode ----------------------------------------------------------------------------------

# The interactions an app may answer in its ack, as over HTTP with a response body: a modal's
# response_action and a select's options. A click gives nothing back.
ANSWERED_INTERACTIONS = frozenset({"view_submission", "block_suggestion"})


def socket_mode_envelope(payload: Mapping[str, Any], envelope_id: str) -> dict[str, Any]:
    """A request over Socket Mode: the payload an HTTP request would carry (a command's fields, an
    interaction, an Events API envelope) in Slack's envelope, which the app acks by its id."""
    if "command" in payload:
        kind, answerable = "slash_commands", True
    elif payload.get("type") == "event_callback":
        kind, answerable = "events_api", False
    else:
        kind, answerable = "interactive", payload.get("type") in ANSWERED_INTERACTIONS
    envelope = {
        "envelope_id": envelope_id,
        "payload": dict(payload),
        "type": kind,
        "accepts_response_payload": answerable,
    }
    if kind == "events_api":
        # The first delivery; Slack counts its retries here, as X-Slack-Retry-Num does over HTTP.
        envelope.update(retry_attempt=0, retry_reason="")
    return envelope
