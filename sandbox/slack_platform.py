"""Slack's side of the sandbox: what a person does on the page becomes the request Slack would send
Nope, and Nope's direct answers (a command's reply, a submission's `response_action`) take effect
as they would in Slack. Everything else Nope does arrives through the Web API stand-in (`Surfaces`).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.views import View

from sandbox import payloads
from sandbox.surfaces import Message, OpenView, ResponseTarget, Surfaces
from sandbox.texts import text as sandbox_text
from sandbox.transport import AppAnswer, EventsEndpoint
from sandbox.view_state import element_state, interactive_elements, view_state
from sandbox.workspace import TEAM_CHANNEL, TEAM_ID, dm_channel, person

# What the page reports for a modal's inputs: block id -> action id -> the strings entered.
Entered = Mapping[str, Mapping[str, list[str]]]


@dataclass(frozen=True)
class Click:
    """An interactive element used on the page: where it is, which one, and what was picked (for selects)."""

    surface: str  # "message", "home" or "modal"
    surface_id: str  # the message id or the view id ("" for the home)
    block_id: str
    action_id: str
    picked: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What the page should show straight away: field errors in the modal, or a problem to report."""

    errors: dict[str, str] = field(default_factory=dict)
    problem: str | None = None


def _conversation_name(conversation: str) -> str:
    return TEAM_CHANNEL.name if conversation == TEAM_CHANNEL.channel_id else "directmessage"


def _json(answer: AppAnswer) -> dict[str, Any]:
    try:
        body = json.loads(answer.body) if answer.body.strip() else {}
    except ValueError:
        # A plain-text answer to a slash command is shown as the message's text, as Slack does.
        return {"text": answer.body}
    return body if isinstance(body, dict) else {}


def _find_element(blocks: list[dict[str, Any]], block_id: str, action_id: str) -> dict[str, Any] | None:
    return next(
        (
            element
            for found_block_id, element in interactive_elements({"blocks": blocks})
            if found_block_id == block_id and element.get("action_id") == action_id
        ),
        None,
    )


def _view_payload(open_view: OpenView, root_view_id: str) -> dict[str, Any]:
    """The view as Slack reports it inside a payload: the view Nope sent, plus Slack's ids and the state."""
    return {
        **open_view.view,
        "id": open_view.view_id,
        "team_id": TEAM_ID,
        "hash": open_view.hash,
        "state": {"values": open_view.state},
        "root_view_id": root_view_id,
        "previous_view_id": None,
        "app_id": payloads.APP_ID,
        "bot_id": "BBOT",
        "app_installed_team_id": TEAM_ID,
    }


class SlackPlatform:
    def __init__(self, surfaces: Surfaces, endpoint: EventsEndpoint) -> None:
        self.surfaces = surfaces
        self.endpoint = endpoint
        self._events = itertools.count(1)

    # -- typing in a conversation ------------------------------------------------------------

    def type_message(self, user_id: str, conversation: str, typed: str) -> None:
        """A message, or (starting with a slash) a command, which only Nope and the person see."""
        typed = typed.strip()
        if not typed:
            return
        if not typed.startswith("/"):
            self.surfaces.add_message(conversation=conversation, author=user_id, text=typed)
            return
        command, _, text = typed.partition(" ")
        body = payloads.slash_command(
            command=command,
            text=text.strip(),
            user_id=user_id,
            user_name=person(user_id).name,
            channel_id=conversation,
            channel_name=_conversation_name(conversation),
            response_url=self.surfaces.new_response_url(ResponseTarget(user_id, conversation, None)),
            trigger_id=self.surfaces.new_trigger(user_id),
        )
        answer = self.endpoint.send(body, payloads.COMMAND_FORM)
        self._show_command_answer(user_id, conversation, command, answer)

    def _show_command_answer(self, user_id: str, conversation: str, command: str, answer: AppAnswer) -> None:
        if answer.error is not None:
            failed = sandbox_text(person(user_id).lang, "command_failed", command=command, error=answer.error)
            self.surfaces.add_message(conversation=conversation, author=None, text=failed, visible_to=user_id)
            return
        reply = _json(answer)
        if reply.get("text") or reply.get("blocks"):
            in_channel = reply.get("response_type") == "in_channel"
            self.surfaces.add_message(
                conversation=conversation,
                author=None,
                text=str(reply.get("text") or ""),
                blocks=reply.get("blocks"),
                visible_to=None if in_channel else user_id,
            )

    # -- the App Home ------------------------------------------------------------------------

    def open_home(self, user_id: str) -> None:
        body = payloads.app_home_opened(
            user_id=user_id, channel_id=dm_channel(user_id), event_id=f"EvSB{next(self._events):08d}"
        )
        self.endpoint.send(body, payloads.EVENT_JSON)

    # -- clicks and picks --------------------------------------------------------------------

    def click(self, user_id: str, click: Click, entered: Entered) -> None:
        name = person(user_id).name
        if click.surface == "modal":
            body = self._click_in_modal(user_id, name, click, entered)
        elif click.surface == "home":
            body = self._click_in_home(user_id, name, click)
        else:
            body = self._click_in_message(user_id, name, click)
        if body is not None:
            self.endpoint.send(body, payloads.COMMAND_FORM)

    def _action(self, element: dict[str, Any], click: Click) -> dict[str, Any]:
        action = {"type": element.get("type"), "action_id": click.action_id, "block_id": click.block_id}
        if element.get("type") == "button":
            action["text"] = element.get("text")
            if "value" in element:
                action["value"] = element["value"]
        else:
            state = element_state(element, click.picked)
            action.update({key: value for key, value in state.items() if key != "type"})
        return action

    def _click_in_modal(self, user_id: str, name: str, click: Click, entered: Entered) -> str | None:
        open_view = self.surfaces.top_view(user_id)
        if open_view is None or open_view.view_id != click.surface_id:
            return None
        element = _find_element(open_view.view.get("blocks") or [], click.block_id, click.action_id)
        if element is None:
            return None
        self.surfaces.remember_state(open_view, view_state(open_view.view, entered))
        return payloads.block_actions(
            user_id=user_id,
            user_name=name,
            action=self._action(element, click),
            trigger_id=self.surfaces.new_trigger(user_id),
            container={"type": "view", "view_id": open_view.view_id},
            view=_view_payload(open_view, self.surfaces.root_view_id(user_id)),
        )

    def _click_in_home(self, user_id: str, name: str, click: Click) -> str | None:
        home = self.surfaces.home(user_id)
        element = _find_element((home or {}).get("blocks") or [], click.block_id, click.action_id)
        if home is None or element is None:
            return None
        home_id = self.surfaces.home_id(user_id)
        return payloads.block_actions(
            user_id=user_id,
            user_name=name,
            action=self._action(element, click),
            trigger_id=self.surfaces.new_trigger(user_id),
            container={"type": "view", "view_id": home_id},
            view={**home, "id": home_id, "team_id": TEAM_ID, "state": {"values": {}}, "hash": f"{home_id}.0"},
        )

    def _click_in_message(self, user_id: str, name: str, click: Click) -> str | None:
        message = self.surfaces.message(click.surface_id, user_id)
        element = _find_element(message.blocks or [], click.block_id, click.action_id) if message else None
        if message is None or element is None:
            return None
        return payloads.block_actions(
            user_id=user_id,
            user_name=name,
            action=self._action(element, click),
            trigger_id=self.surfaces.new_trigger(user_id),
            container={
                "type": "message",
                "message_ts": message.ts or message.message_id,
                "channel_id": message.conversation,
                "is_ephemeral": message.visible_to is not None,
            },
            response_url=self.surfaces.new_response_url(
                ResponseTarget(user_id, message.conversation, message.message_id)
            ),
            message=_message_payload(message),
            channel={"id": message.conversation, "name": _conversation_name(message.conversation)},
        )

    # -- modals: submit and close ------------------------------------------------------------

    def submit(self, user_id: str, view_id: str, entered: Entered) -> Outcome:
        open_view = self.surfaces.top_view(user_id)
        if open_view is None or open_view.view_id != view_id:
            return Outcome()
        self.surfaces.remember_state(open_view, view_state(open_view.view, entered))
        body = payloads.view_submission(
            user_id=user_id,
            user_name=person(user_id).name,
            view=_view_payload(open_view, self.surfaces.root_view_id(user_id)),
            trigger_id=self.surfaces.new_trigger(user_id),
        )
        answer = self.endpoint.send(body, payloads.COMMAND_FORM)
        return self._apply_response_action(user_id, open_view, answer)

    def _apply_response_action(self, user_id: str, open_view: OpenView, answer: AppAnswer) -> Outcome:
        lang = person(user_id).lang
        if answer.error is not None:
            return Outcome(problem=sandbox_text(lang, "view_refused", error=answer.error))
        reply = _json(answer)
        action = reply.get("response_action")
        if action == "errors":
            return Outcome(errors={str(block): str(message) for block, message in (reply.get("errors") or {}).items()})
        if action == "clear":
            self.surfaces.close_view(user_id, open_view.view_id, everything=True)
        elif action in {"update", "push"}:
            view = reply.get("view") or {}
            try:
                # Slack refuses a view that breaks its limits and leaves the modal as it was.
                View(**view).validate_json()
            except (SlackObjectFormationError, TypeError) as error:
                return Outcome(problem=sandbox_text(lang, "view_refused", error=str(error)))
            if action == "update":
                self.surfaces.replace_view(open_view.view_id, view)
            else:
                self.surfaces.open_view(user_id, view, push=True)
        else:
            self.surfaces.close_view(user_id, open_view.view_id)
        return Outcome()

    def close(self, user_id: str, view_id: str) -> None:
        open_view = self.surfaces.top_view(user_id)
        if open_view is None or open_view.view_id != view_id:
            return
        if open_view.view.get("notify_on_close"):
            body = payloads.view_closed(
                user_id=user_id,
                user_name=person(user_id).name,
                view=_view_payload(open_view, self.surfaces.root_view_id(user_id)),
            )
            self.endpoint.send(body, payloads.COMMAND_FORM)
        self.surfaces.close_view(user_id, view_id, everything=bool(open_view.view.get("clear_on_close")))


def _message_payload(message: Message) -> dict[str, Any]:
    return {
        "type": "message",
        "ts": message.ts or message.message_id,
        "text": message.text,
        "blocks": message.blocks or [],
        "bot_id": "BBOT",
    }
