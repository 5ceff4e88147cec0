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

from blocks.mrkdwn import escape
from sandbox.surfaces import Message, OpenView, ResponseTarget, Surfaces
from sandbox.texts import text as sandbox_text
from sandbox.transport import AppAnswer, EventsEndpoint
from sandbox.workspace import TEAM_CHANNEL, WORKSPACE, dm_channel, person
from slack_standin import requests
from slack_standin.block_kit import interactive_elements
from slack_standin.requests import FORM, JSON, Sender
from slack_standin.view_state import Entered, view_state
from slack_standin.web_api import BOT_ID, Channel


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


def _conversation(conversation_id: str) -> Channel:
    """A conversation as Slack names it in requests: the team channel, or a DM."""
    return TEAM_CHANNEL if conversation_id == TEAM_CHANNEL.channel_id else Channel(conversation_id, "directmessage")


def _sender(user_id: str) -> Sender:
    return Sender(user_id, person(user_id).name.lower())


def _json(answer: AppAnswer) -> dict[str, Any]:
    try:
        body = json.loads(answer.body) if answer.body.strip() else {}
    except ValueError:
        # A plain-text answer to a slash command is shown as the message's text, as Slack does.
        return {"text": answer.body}
    return body if isinstance(body, dict) else {}


def _find_element(blocks: list[dict[str, Any]], block_id: str, action_id: str) -> Mapping[str, Any] | None:
    return next(
        (
            placed.element
            for placed in interactive_elements({"blocks": blocks})
            if placed.block_id == block_id and placed.element.get("action_id") == action_id
        ),
        None,
    )


def _view_payload(open_view: OpenView, root_view_id: str) -> dict[str, Any]:
    return requests.view_in_payload(
        open_view.view,
        WORKSPACE,
        view_id=open_view.view_id,
        state=open_view.state,
        view_hash=open_view.hash,
        root_view_id=root_view_id,
    )


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
            # Slack stores a typed message with & < > escaped: its mrkdwn shows them as typed.
            self.surfaces.add_message(conversation=conversation, author=user_id, text=escape(typed))
            return
        command, _, text = typed.partition(" ")
        fields = requests.slash_command(
            WORKSPACE,
            _sender(user_id),
            command=command,
            text=text.strip(),
            channel=_conversation(conversation),
            response_url=self.surfaces.new_response_url(ResponseTarget(user_id, conversation, None)),
            trigger_id=self.surfaces.new_trigger(user_id),
        )
        answer = self.endpoint.send(requests.command_body(fields), FORM)
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
        event = requests.app_home_opened(user_id, dm_channel(user_id))
        envelope = requests.event_callback(WORKSPACE, event, event_id=f"EvSB{next(self._events):08d}")
        self.endpoint.send(json.dumps(envelope), JSON)

    # -- clicks and picks --------------------------------------------------------------------

    def click(self, user_id: str, click: Click, entered: Entered) -> None:
        if click.surface == "modal":
            payload = self._click_in_modal(user_id, click, entered)
        elif click.surface == "home":
            payload = self._click_in_home(user_id, click)
        else:
            payload = self._click_in_message(user_id, click)
        if payload is not None:
            self.endpoint.send(requests.form_body(payload), FORM)

    def _click_in_modal(self, user_id: str, click: Click, entered: Entered) -> dict[str, Any] | None:
        open_view = self.surfaces.top_view(user_id)
        if open_view is None or open_view.view_id != click.surface_id:
            return None
        element = _find_element(open_view.view.get("blocks") or [], click.block_id, click.action_id)
        if element is None:
            return None
        self.surfaces.remember_state(open_view, view_state(open_view.view, entered))
        return requests.click_in_view(
            WORKSPACE,
            _sender(user_id),
            requests.action(element, click.block_id, click.picked),
            trigger_id=self.surfaces.new_trigger(user_id),
            view=_view_payload(open_view, self.surfaces.root_view_id(user_id)),
        )

    def _click_in_home(self, user_id: str, click: Click) -> dict[str, Any] | None:
        home = self.surfaces.home(user_id)
        element = _find_element((home or {}).get("blocks") or [], click.block_id, click.action_id)
        if home is None or element is None:
            return None
        home_id = self.surfaces.home_id(user_id)
        return requests.click_in_view(
            WORKSPACE,
            _sender(user_id),
            requests.action(element, click.block_id, click.picked),
            trigger_id=self.surfaces.new_trigger(user_id),
            view=requests.view_in_payload(home, WORKSPACE, view_id=home_id, state={}, view_hash=f"{home_id}.0"),
        )

    def _click_in_message(self, user_id: str, click: Click) -> dict[str, Any] | None:
        message = self.surfaces.message(click.surface_id, user_id)
        element = _find_element(message.blocks or [], click.block_id, click.action_id) if message else None
        if message is None or element is None:
            return None
        return requests.click_in_message(
            WORKSPACE,
            _sender(user_id),
            requests.action(element, click.block_id, click.picked),
            trigger_id=self.surfaces.new_trigger(user_id),
            channel=_conversation(message.conversation),
            message_ts=message.ts or message.message_id,
            is_ephemeral=message.visible_to is not None,
            response_url=self.surfaces.new_response_url(
                ResponseTarget(user_id, message.conversation, message.message_id)
            ),
            message=_message_payload(message),
        )

    # -- modals: submit and close ------------------------------------------------------------

    def submit(self, user_id: str, view_id: str, entered: Entered) -> Outcome:
        open_view = self.surfaces.top_view(user_id)
        if open_view is None or open_view.view_id != view_id:
            return Outcome()
        self.surfaces.remember_state(open_view, view_state(open_view.view, entered))
        payload = requests.view_submission(
            WORKSPACE,
            _sender(user_id),
            _view_payload(open_view, self.surfaces.root_view_id(user_id)),
            trigger_id=self.surfaces.new_trigger(user_id),
        )
        answer = self.endpoint.send(requests.form_body(payload), FORM)
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
            view = _view_payload(open_view, self.surfaces.root_view_id(user_id))
            self.endpoint.send(requests.form_body(requests.view_closed(WORKSPACE, _sender(user_id), view)), FORM)
        self.surfaces.close_view(user_id, view_id, everything=bool(open_view.view.get("clear_on_close")))


def _message_payload(message: Message) -> dict[str, Any]:
    return {
        "type": "message",
        "ts": message.ts or message.message_id,
        "text": message.text,
        "blocks": message.blocks or [],
        "bot_id": BOT_ID,
    }
