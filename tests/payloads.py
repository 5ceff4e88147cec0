"""Real-format Slack requests from ../shared/slack/payloads, adapted to each test."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAYLOADS = SHARED / "slack" / "payloads"
MANIFEST_SCHEMA = SHARED / "slack" / "manifest" / "manifest.schema.1.0.0.json"


@cache
def _text(name: str) -> str:
    return (PAYLOADS / name).read_text(encoding="utf-8").strip()


def payload_json(name: str) -> dict[str, Any]:
    return json.loads(_text(name))


def slash_command_body(**overrides: str) -> str:
    """The documented `/nope` command body with some fields replaced, URL-encoded as Slack sends it."""
    fields = dict(parse_qsl(_text("slash_command.txt"), keep_blank_values=True))
    fields.update(overrides)
    return urlencode(fields)


def view_submission(view: dict[str, Any], values: dict[str, Any], user_id: str, team_id: str) -> dict[str, Any]:
    """Slack's view_submission envelope around a view Nope opened, with the person's answers."""
    payload = payload_json("view_submission.json")
    payload["user"].update(id=user_id, team_id=team_id)
    payload["team"]["id"] = team_id
    submitted = copy.deepcopy(view)
    submitted.update(
        id=payload["view"]["id"],
        team_id=team_id,
        state={"values": values},
        hash=payload["view"]["hash"],
        root_view_id=payload["view"]["root_view_id"],
        app_id=payload["view"]["app_id"],
        bot_id=payload["view"]["bot_id"],
    )
    payload["view"] = submitted
    return payload


def block_action(action_id: str, user_id: str, team_id: str, *, response_url: str | None) -> dict[str, Any]:
    payload = payload_json("block_actions.json")
    payload["user"].update(id=user_id, team_id=team_id)
    payload["team"]["id"] = team_id
    payload["actions"][0]["action_id"] = action_id
    if response_url is None:
        # A click in the App Home carries no response_url.
        payload.pop("response_url")
        payload["container"] = {"type": "view", "view_id": "VHOME"}
    else:
        payload["response_url"] = response_url
    return payload


def form_body(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})
