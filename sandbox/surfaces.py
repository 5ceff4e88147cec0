"""What each person sees, rebuilt from the Web API calls Nope made to the stand-in, in order.

Slack turns `views.open` into a modal in front of one person, `chat.postMessage` into a message in a
channel, a `response_url` post into an answer where the person typed, a file upload into an image
in a message's thread. The sandbox does the same with the calls the stand-in recorded (and only
with the calls the stand-in accepted, as Slack shows nothing for a refused call).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sandbox.clock import SandboxClock
from slack_standin.block_kit import State
from slack_standin.web_api import (
    RESPONSE_URL_METHOD,
    RESPONSE_URL_PREFIX,
    UPLOAD_METHOD,
    UPLOAD_PREFIX,
    Call,
    SlackWebAPI,
    json_param,
)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
# Slack stacks at most three views in one modal.
MAX_STACKED_VIEWS = 3


@dataclass
class OpenView:
    view_id: str
    view: dict[str, Any]
    # What the person entered so far; Slack keeps it across an update for inputs whose ids stay.
    state: State = field(default_factory=dict)
    revision: int = 0

    @property
    def hash(self) -> str:
        return f"{self.view_id}.{self.revision}"


@dataclass(frozen=True)
class SharedFile:
    file_id: str
    filename: str
    title: str
    alt_text: str
    # Shared in the thread of the message it belongs to, rather than as the message itself.
    in_thread: bool

    @property
    def is_image(self) -> bool:
        return self.filename.lower().endswith(IMAGE_SUFFIXES)


@dataclass
class Message:
    message_id: str
    conversation: str
    # A person's user id, or None for Nope.
    author: str | None
    text: str
    at: datetime
    blocks: list[dict[str, Any]] | None = None
    ts: str | None = None
    # An ephemeral message is shown to this one person only.
    visible_to: str | None = None
    files: list[SharedFile] = field(default_factory=list)


@dataclass(frozen=True)
class ResponseTarget:
    """Where a response_url's posts land: the person, the conversation, and the message clicked (if any)."""

    user_id: str
    conversation: str
    message_id: str | None


@dataclass(frozen=True)
class Scheduled:
    conversation: str
    post_at: datetime
    text: str
    blocks: list[dict[str, Any]] | None


def _truthy(value: object) -> bool:
    return value is True or str(value).lower() == "true"


class Surfaces:
    """Modals, App Homes and conversations, kept in step with the stand-in's recorded calls."""

    def __init__(self, web_api: SlackWebAPI, clock: SandboxClock) -> None:
        self.web_api = web_api
        self.clock = clock
        self.lock = threading.RLock()
        self._counter = itertools.count(1)
        # Counts every change, so the page knows when to draw again; it only ever grows.
        self.version = 0
        self._clear()

    def _clear(self) -> None:
        self._cursor = len(self.web_api.calls())
        self._modals: dict[str, list[OpenView]] = {}
        self._homes: dict[str, dict[str, Any]] = {}
        self._home_ids: dict[str, str] = {}
        self._messages: list[Message] = []
        self._scheduled: dict[str, Scheduled] = {}
        self._triggers: dict[str, str] = {}
        self._response_targets: dict[str, ResponseTarget] = {}
        self._uploads: dict[str, bytes] = {}
        # What files.getUploadURLExternal was told about each file (its name, its alt text).
        self._announced: dict[str, dict[str, Any]] = {}

    def reset(self) -> None:
        """Forget everything shown so far (the calls already recorded are never replayed)."""
        with self.lock:
            self._clear()
            self.version += 1

    def _next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._counter):05d}"

    def _changed(self) -> None:
        self.version += 1

    # -- what the page sends needs ids Slack would make up ---------------------------------

    def new_trigger(self, user_id: str) -> str:
        with self.lock:
            trigger_id = f"{next(self._counter)}.{user_id}.sandbox"
            self._triggers[trigger_id] = user_id
            return trigger_id

    def new_response_url(self, target: ResponseTarget) -> str:
        with self.lock:
            name = self._next_id("r")
            self._response_targets[name] = target
            return self.web_api.response_url(name)

    def home_id(self, user_id: str) -> str:
        with self.lock:
            if user_id not in self._home_ids:
                self._home_ids[user_id] = self._next_id("VHOME")
            return self._home_ids[user_id]

    # -- what the person does, or Slack does for them ---------------------------------------

    def add_message(self, *, at: datetime | None = None, **fields: Any) -> Message:
        with self.lock:
            message = Message(message_id=self._next_id("m"), at=at or self.clock.now(), **fields)
            self._messages.append(message)
            self._changed()
            return message

    def open_view(self, user_id: str, view: dict[str, Any], *, push: bool = False) -> None:
        with self.lock:
            stack = self._modals.get(user_id, []) if push else []
            if len(stack) < MAX_STACKED_VIEWS:
                self._modals[user_id] = [*stack, OpenView(self._next_id("VSB"), view)]
                self._changed()

    def replace_view(self, view_id: str, view: dict[str, Any]) -> None:
        """views.update, or `response_action: update`: the same view id shows the new view."""
        with self.lock:
            for stack in self._modals.values():
                for open_view in stack:
                    if open_view.view_id == view_id:
                        open_view.view, open_view.revision = view, open_view.revision + 1
                        self._changed()
                        return

    def close_view(self, user_id: str, view_id: str, *, everything: bool = False) -> None:
        """The view goes (the one below it shows again), or, with `everything`, the whole modal."""
        with self.lock:
            stack = self._modals.get(user_id, [])
            self._modals[user_id] = [] if everything else [view for view in stack if view.view_id != view_id]
            self._changed()

    def remember_state(self, open_view: OpenView, state: State) -> None:
        with self.lock:
            open_view.state = state

    # -- reading -----------------------------------------------------------------------------

    def top_view(self, user_id: str) -> OpenView | None:
        with self.lock:
            stack = self._modals.get(user_id) or []
            return stack[-1] if stack else None

    def root_view_id(self, user_id: str) -> str:
        """The first view of the person's modal, as Slack reports it in every payload from the modal."""
        with self.lock:
            stack = self._modals.get(user_id) or []
            return stack[0].view_id if stack else ""

    def home(self, user_id: str) -> dict[str, Any] | None:
        with self.lock:
            return self._homes.get(user_id)

    def messages(self, conversation: str, user_id: str) -> list[Message]:
        """The conversation's messages as this person sees them (their own ephemeral ones included)."""
        with self.lock:
            return [
                message
                for message in self._messages
                if message.conversation == conversation and message.visible_to in (None, user_id)
            ]

    def message(self, message_id: str, user_id: str) -> Message | None:
        with self.lock:
            return next(
                (m for m in self._messages if m.message_id == message_id and m.visible_to in (None, user_id)), None
            )

    def file(self, file_id: str) -> tuple[SharedFile, bytes] | None:
        """A file shared in a conversation, with its bytes; None for one never shared."""
        with self.lock:
            shared = next((f for m in self._messages for f in m.files if f.file_id == file_id), None)
            content = self._uploads.get(file_id)
            return (shared, content) if shared is not None and content is not None else None

    # -- replaying the stand-in's calls -------------------------------------------------------

    def sync(self) -> None:
        """Apply the calls recorded since the last sync, then deliver scheduled messages now due."""
        with self.lock:
            calls = self.web_api.calls()
            for call in calls[self._cursor :]:
                if not call.reply:
                    break  # its answer is on its way: apply it (and what follows) next time
                self._cursor += 1
                if call.method in {RESPONSE_URL_METHOD, UPLOAD_METHOD} or call.reply.get("ok"):
                    handler = self._handlers().get(call.method)
                    if handler is not None:
                        handler(call)
            self._deliver_due()

    def _deliver_due(self) -> None:
        now = self.clock.now()
        for scheduled_id, scheduled in list(self._scheduled.items()):
            if scheduled.post_at <= now:
                del self._scheduled[scheduled_id]
                self.add_message(
                    conversation=scheduled.conversation,
                    author=None,
                    text=scheduled.text,
                    blocks=scheduled.blocks,
                    at=scheduled.post_at,
                )

    def _handlers(self) -> dict[str, Callable[[Call], None]]:
        return {
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": self._post_message,
            "chat.scheduleMessage": self._schedule,
            "chat.deleteScheduledMessage": self._unschedule,
            "files.getUploadURLExternal": self._upload_url,
            UPLOAD_METHOD: self._upload,
            "files.completeUploadExternal": self._complete_upload,
            RESPONSE_URL_METHOD: self._response,
        }

    def _views_open(self, call: Call) -> None:
        user_id = self._triggers.get(str(call.params.get("trigger_id")))
        if user_id is not None:
            self.open_view(user_id, json_param(call.params, "view"))

    def _views_push(self, call: Call) -> None:
        user_id = self._triggers.get(str(call.params.get("trigger_id")))
        if user_id is not None:
            self.open_view(user_id, json_param(call.params, "view"), push=True)

    def _views_update(self, call: Call) -> None:
        self.replace_view(str(call.params.get("view_id") or ""), json_param(call.params, "view"))

    def _views_publish(self, call: Call) -> None:
        self._homes[str(call.params.get("user_id"))] = json_param(call.params, "view")
        self._changed()

    def _post_message(self, call: Call) -> None:
        ephemeral = call.method == "chat.postEphemeral"
        self.add_message(
            conversation=str(call.reply.get("channel") or call.params.get("channel")),
            author=None,
            text=str(call.params.get("text") or ""),
            blocks=json_param(call.params, "blocks"),
            ts=None if ephemeral else call.reply.get("ts"),
            visible_to=str(call.params.get("user")) if ephemeral else None,
        )

    def _schedule(self, call: Call) -> None:
        self._scheduled[str(call.reply["scheduled_message_id"])] = Scheduled(
            conversation=str(call.params.get("channel")),
            post_at=datetime.fromtimestamp(int(call.params["post_at"]), UTC),
            text=str(call.params.get("text") or ""),
            blocks=json_param(call.params, "blocks"),
        )

    def _unschedule(self, call: Call) -> None:
        self._scheduled.pop(str(call.params.get("scheduled_message_id")), None)

    def _upload_url(self, call: Call) -> None:
        self._announced[str(call.reply.get("file_id"))] = dict(call.params)

    def _upload(self, call: Call) -> None:
        self._uploads[str(call.params["path"]).removeprefix(UPLOAD_PREFIX)] = call.params["bytes"]

    def _shared(self, item: dict[str, Any], in_thread: bool) -> SharedFile:
        announced = self._announced.get(str(item["id"]), {})
        return SharedFile(
            file_id=str(item["id"]),
            filename=str(announced.get("filename") or ""),
            title=str(item.get("title") or ""),
            alt_text=str(announced.get("alt_txt") or ""),
            in_thread=in_thread,
        )

    def _complete_upload(self, call: Call) -> None:
        """Files shared in a message's thread show under it; files shared on their own are a new message."""
        conversation, thread_ts = str(call.params.get("channel_id") or ""), call.params.get("thread_ts")
        parent = next(
            (m for m in self._messages if m.conversation == conversation and thread_ts and m.ts == thread_ts), None
        )
        if parent is None:
            parent = self.add_message(
                conversation=conversation, author=None, text=str(call.params.get("initial_comment") or "")
            )
        items = json_param(call.params, "files") or []
        parent.files += [self._shared(item, in_thread=bool(thread_ts)) for item in items]
        self._changed()

    def _response(self, call: Call) -> None:
        """A post to a response_url: a new answer where the person was, or a change to the message clicked."""
        target = self._response_targets.get(call.path.removeprefix(RESPONSE_URL_PREFIX))
        if target is None:
            return
        params = call.params
        original = self.message(target.message_id, target.user_id) if target.message_id else None
        if original is not None and _truthy(params.get("delete_original")):
            self._messages.remove(original)
        elif original is not None and _truthy(params.get("replace_original")):
            original.text, original.blocks = str(params.get("text") or ""), json_param(params, "blocks")
        else:
            in_channel = params.get("response_type") == "in_channel"
            self.add_message(
                conversation=target.conversation,
                author=None,
                text=str(params.get("text") or ""),
                blocks=json_param(params, "blocks"),
                visible_to=None if in_channel else target.user_id,
            )
        self._changed()
