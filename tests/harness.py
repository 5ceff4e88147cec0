"""Drive Nope as Slack does: signed HTTP requests in, Web API calls out to the stand-in."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import Flask
from werkzeug.test import TestResponse

from sandbox.web_api import Call, SlackWebAPI, json_param
from tests import payloads
from tests.slack_signing import signed_headers

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
UNSET = object()


def fill_in(view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """The `state.values` Slack would send for `view`: untouched inputs keep their initial values.

    `answers` maps a block_id to an option value, a list of option values (checkboxes), a list of
    ids (user and conversation pickers), a text, or None for "left empty".
    """
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        kind = element["type"]
        answer = answers.get(block["block_id"], UNSET)
        if kind in {"plain_text_input", "number_input"}:
            text = element.get("initial_value") if answer is UNSET else answer
            state: dict[str, Any] = {"type": kind, "value": text}
        elif kind == "datepicker":
            state = {
                "type": kind,
                "selected_date": element.get("initial_date") if answer is UNSET else answer,
            }
        elif kind == "timepicker":
            state = {
                "type": kind,
                "selected_time": element.get("initial_time") if answer is UNSET else answer,
            }
        elif kind in {"multi_users_select", "multi_conversations_select"}:
            key = "users" if kind == "multi_users_select" else "conversations"
            chosen_ids = element.get(f"initial_{key}", []) if answer is UNSET else list(answer or [])
            state = {"type": kind, f"selected_{key}": chosen_ids}
        elif kind == "checkboxes":
            chosen = (
                element.get("initial_options", [])
                if answer is UNSET
                else [option for option in element["options"] if option["value"] in (answer or [])]
            )
            state = {"type": kind, "selected_options": chosen}
        else:
            if answer is UNSET:
                chosen_option = element.get("initial_option")
            else:
                matches = [option for option in element["options"] if option["value"] == answer]
                assert answer is None or matches, f"{answer!r} is not an option of {block['block_id']}"
                chosen_option = matches[0] if matches else None
            state = {"type": kind, "selected_option": chosen_option}
        values[block["block_id"]] = {element["action_id"]: state}
    return values


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
        return self.post(payloads.form_body(payload), FORM)

    def click(
        self, person: Person, action_id: str, *, in_message: bool = True, value: str | None = None
    ) -> TestResponse:
        response_url = self.web_api.response_url(f"click-{person.user_id}") if in_message else None
        payload = payloads.block_action(action_id, person.user_id, person.team_id, response_url=response_url)
        payload["trigger_id"] = self.trigger_id()
        if value is not None:
            payload["actions"][0]["value"] = value
        return self.post(payloads.form_body(payload), FORM)

    def click_in_modal(
        self,
        person: Person,
        view: dict[str, Any],
        action_id: str,
        value: str | None = None,
        selected: str | None = None,
    ) -> TestResponse:
        """A button click or a dispatched select inside an open modal (no response_url there)."""
        payload = payloads.block_action(action_id, person.user_id, person.team_id, response_url=None)
        opened = {**view, "id": "VOPEN", "hash": "1.abc", "state": {"values": {}}}
        payload.update(container={"type": "view", "view_id": "VOPEN"}, view=opened, trigger_id=self.trigger_id())
        action = payload["actions"][0]
        if selected is not None:
            action.pop("value")
            action.update(type="static_select", selected_option={"value": selected})
        else:
            action["value"] = value
        return self.post(payloads.form_body(payload), FORM)

    def click_in_message(self, person: Person, action_id: str, value: str) -> TestResponse:
        payload = payloads.block_action(
            action_id, person.user_id, person.team_id, response_url=self.web_api.response_url("dm-message")
        )
        payload["actions"][0]["value"] = value
        return self.post(payloads.form_body(payload), FORM)

    def event(self, event: dict[str, Any], team_id: str = "T0001", event_id: str | None = None) -> TestResponse:
        """An Events API delivery; each gets its own event_id, as Slack's do, unless one is given."""
        self._events += 1
        envelope = payloads.payload_json("app_uninstalled.docs.json")
        envelope.update(team_id=team_id, event=event, event_id=event_id or f"Ev{self._events:06d}")
        return self.post(json.dumps(envelope), JSON)

    def open_home(self, person: Person, tab: str = "home") -> TestResponse:
        event = payloads.payload_json("app_home_opened.docs_inner_event.json")
        event.update(user=person.user_id, tab=tab)
        return self.event(event, team_id=person.team_id)


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
