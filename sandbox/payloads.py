"""The requests Slack sends an app, built in Slack's own formats (slash commands, interactivity, events)."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from sandbox.workspace import TEAM_ID

APP_ID = "A0NOPE"
# Slack still sends its deprecated verification token; Bolt checks signatures instead.
VERIFICATION_TOKEN = "sandbox-verification-token"
TEAM_DOMAIN = "nope-sandbox"
COMMAND_FORM = "application/x-www-form-urlencoded"
EVENT_JSON = "application/json"


def _team() -> dict[str, Any]:
    return {"id": TEAM_ID, "domain": TEAM_DOMAIN}


def _user(user_id: str, name: str) -> dict[str, Any]:
    return {"id": user_id, "username": name.lower(), "name": name.lower(), "team_id": TEAM_ID}


def _interactive(payload: dict[str, Any]) -> str:
    """Interactivity arrives form-encoded, with the JSON in one `payload` field."""
    return urlencode({"payload": json.dumps(payload)})


def slash_command(
    *,
    command: str,
    text: str,
    user_id: str,
    user_name: str,
    channel_id: str,
    channel_name: str,
    response_url: str,
    trigger_id: str,
) -> str:
    return urlencode(
        {
            "token": VERIFICATION_TOKEN,
            "team_id": TEAM_ID,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": user_name.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


def block_actions(
    *,
    user_id: str,
    user_name: str,
    action: dict[str, Any],
    trigger_id: str,
    container: dict[str, Any],
    response_url: str | None = None,
    view: dict[str, Any] | None = None,
    message: dict[str, Any] | None = None,
    channel: dict[str, Any] | None = None,
) -> str:
    """A click or a pick; messages come with a response_url and the message, views with the view."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user_id, user_name),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": container,
        "trigger_id": trigger_id,
        "team": _team(),
        "is_enterprise_install": False,
        "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
    }
    if response_url is not None:
        payload["response_url"] = response_url
    if view is not None:
        payload["view"] = view
    if message is not None:
        payload["message"] = message
    if channel is not None:
        payload["channel"] = channel
    return _interactive(payload)


def view_submission(*, user_id: str, user_name: str, view: dict[str, Any], trigger_id: str) -> str:
    return _interactive(
        {
            "type": "view_submission",
            "team": _team(),
            "user": _user(user_id, user_name),
            "api_app_id": APP_ID,
            "token": VERIFICATION_TOKEN,
            "trigger_id": trigger_id,
            "view": view,
            "response_urls": [],
            "is_enterprise_install": False,
        }
    )


def view_closed(*, user_id: str, user_name: str, view: dict[str, Any]) -> str:
    return _interactive(
        {
            "type": "view_closed",
            "team": _team(),
            "user": _user(user_id, user_name),
            "api_app_id": APP_ID,
            "token": VERIFICATION_TOKEN,
            "view": view,
            "is_cleared": False,
            "is_enterprise_install": False,
        }
    )


def app_home_opened(*, user_id: str, channel_id: str, event_id: str) -> str:
    """The Events API envelope around `app_home_opened` for the Home tab."""
    now = time.time()
    return json.dumps(
        {
            "token": VERIFICATION_TOKEN,
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": {
                "type": "app_home_opened",
                "user": user_id,
                "channel": channel_id,
                "tab": "home",
                "event_ts": f"{now:.6f}",
            },
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(now),
            "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}],
        }
    )
