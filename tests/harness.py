"""Drive Nope as Slack does: signed HTTP requests in, Web API calls out to the stand-in."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from flask import Flask
from werkzeug.test import TestResponse

from slack_standin import requests
from slack_standin.requests import FORM, JSON
from slack_standin.signing import signed_headers
from slack_standin.view_state import fill_in
from slack_standin.web_api import Call, Refused, SlackWebAPI, check_view, json_param
from tests import payloads

# The actions block the tests' buttons and selects sit in (Nope reads only their action_id and value).
ACTIONS_BLOCK = "actions"


def _button(action_id: str, value: str | None) -> dict[str, Any]:
    return {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": "Button"}, "value": value}


def _select(action_id: str, value: str) -> dict[str, Any]:
    option = {"text": {"type": "plain_text", "text": value}, "value": value}
    return {"type": "static_select", "action_id": action_id, "options": [option]}


@dataclass
class Person:
    user_id: str
    team_id: str = "T0001"


class SlackSide:
    """Everything Slack would send to Nope, signed with the app's signing secret."""

    def __init__(self, flask_app: Flask, signing_secret: str, web_api: SlackWebAPI) -> None:
        self.client = flask_app.test_client()
        self.signing_secret = signing_secret
        self.web_api = web_api
        self._triggers = 0
        self._events = 0

    def post(
        self, body: str, content_type: str, *, timestamp: int | None = None, secret: str | None = None
    ) -> TestResponse:
        headers = signed_headers(secret or self.signing_secret, body, content_type, timestamp)
        return self.client.post("/slack/events", data=body, headers=headers)

    def trigger_id(self) -> str:
        self._triggers += 1
        return f"{self._triggers}.1234.trigger"

    def command(self, person: Person, text: str = "", command: str = "/nope") -> TestResponse:
        body = payloads.slash_command_body(
            command=command,
            text=text,
            user_id=person.user_id,
            team_id=person.team_id,
            response_url=self.web_api.response_url(f"{person.user_id}-{self._triggers}"),
            trigger_id=self.trigger_id(),
        )
        return self.post(body, FORM)

    def submit(self, person: Person, view: dict[str, Any], answers: dict[str, Any]) -> TestResponse:
        payload = payloads.view_submission(view, fill_in(view, answers), person.user_id, person.team_id)
        return _slack_takes(self.post(requests.form_body(payload), FORM))

    def click(
        self, person: Person, action_id: str, *, in_message: bool = True, value: str | None = None
    ) -> TestResponse:
        """A button in a channel message (it carries a response_url), or on the Home tab."""
        reported = requests.action(_button(action_id, value), ACTIONS_BLOCK)
        if in_message:
            return self._click_in_message(person, reported, self.web_api.response_url(f"click-{person.user_id}"))
        return self._click_in_view(person, reported, payloads.home_tab(person.team_id))

    def click_in_modal(
        self,
        person: Person,
        view: dict[str, Any],
        action_id: str,
        value: str | None = None,
        selected: str | None = None,
    ) -> TestResponse:
        """A button click or a dispatched select inside an open modal (no response_url there)."""
        if selected is None:
            reported = requests.action(_button(action_id, value), ACTIONS_BLOCK)
        else:
            reported = requests.action(_select(action_id, selected), ACTIONS_BLOCK, [selected])
        return self._click_in_view(person, reported, payloads.open_view(view, person.team_id, {}))

    def click_in_message(self, person: Person, action_id: str, value: str) -> TestResponse:
        """A button in Nope's DM with the person."""
        reported = requests.action(_button(action_id, value), ACTIONS_BLOCK)
        return self._click_in_message(person, reported, self.web_api.response_url("dm-message"))

    def _click_in_message(self, person: Person, reported: dict[str, Any], response_url: str) -> TestResponse:
        payload = requests.click_in_message(
            payloads.interactions_from(person.team_id),
            payloads.sender(person.user_id),
            reported,
            trigger_id=self.trigger_id(),
            channel=payloads.CHANNEL,
            message_ts="111.222",
            is_ephemeral=False,
            response_url=response_url,
        )
        return self.post(requests.form_body(payload), FORM)

    def _click_in_view(self, person: Person, reported: dict[str, Any], view: dict[str, Any]) -> TestResponse:
        payload = requests.click_in_view(
            payloads.interactions_from(person.team_id),
            payloads.sender(person.user_id),
            reported,
            trigger_id=self.trigger_id(),
            view=view,
        )
        return self.post(requests.form_body(payload), FORM)

    def event(self, event: dict[str, Any], team_id: str = "T0001", event_id: str | None = None) -> TestResponse:
        """An Events API delivery; each gets its own event_id, as Slack's do, unless one is given."""
        self._events += 1
        where = replace(payloads.EVENTS_FROM, team_id=team_id)
        envelope = requests.event_callback(where, event, event_id=event_id or f"Ev{self._events:06d}")
        return self.post(json.dumps(envelope), JSON)

    def open_home(self, person: Person, tab: str = "home") -> TestResponse:
        return self.event(requests.app_home_opened(person.user_id, "D" + person.user_id, tab), team_id=person.team_id)


def _slack_takes(response: TestResponse) -> TestResponse:
    """A submission's answer, checked as Slack checks it: a view it answers with must be one Slack shows."""
    answer = response.get_json(silent=True) or {}
    if answer.get("response_action") in {"update", "push"}:
        try:
            check_view(answer.get("view"))
        except Refused as refused:
            raise AssertionError(f"Slack would refuse the view this submission answers with: {refused}") from refused
    return response


def structured(call: Call, name: str) -> Any:
    """A view or blocks argument of a recorded call, whether the client sent it as JSON or form-encoded."""
    return json_param(call.params, name)


def opened_view(web_api: SlackWebAPI, index: int = -1) -> dict[str, Any]:
    """The view Nope asked Slack to open (the newest by default)."""
    return structured(web_api.wait_for("views.open", count=1 if index == -1 else index + 1)[index], "view")


def published_home(web_api: SlackWebAPI, count: int = 1) -> dict[str, Any]:
    return structured(web_api.wait_for("views.publish", count=count)[count - 1], "view")


def updated_view(web_api: SlackWebAPI, count: int = 1) -> dict[str, Any]:
    """The `count`-th view Nope sent with views.update."""
    return structured(web_api.wait_for("views.update", count=count)[count - 1], "view")


def button_value(view: dict[str, Any], action_id: str, index: int = 0) -> str:
    """The value of the `index`-th button with `action_id` anywhere in the view."""
    found = []
    for block in view["blocks"]:
        candidates = block.get("elements", []) + ([block["accessory"]] if "accessory" in block else [])
        found += [element["value"] for element in candidates if element.get("action_id") == action_id]
    return found[index]


def all_text(view_or_blocks: Any) -> str:
    """Every text in a view or list of blocks, for asserting what a person reads."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(view_or_blocks)
    return "\n".join(found)


def input_block_id(view: dict[str, Any], prefix: str) -> str:
    """The block_id of the input whose id starts with `prefix` (some carry a revision suffix)."""
    return next(block["block_id"] for block in view["blocks"] if block.get("block_id", "").startswith(prefix))


def sections_with_button(view: dict[str, Any], action_id: str) -> list[dict[str, Any]]:
    return [block for block in view["blocks"] if block.get("accessory", {}).get("action_id") == action_id]
