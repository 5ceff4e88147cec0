"""A stand-in for the Slack Web API, served over real HTTP on 127.0.0.1.

It answers the methods Nope calls the way Slack does, records every call, and can be told to
fail (429 with Retry-After, HTTP 500, or a Slack error such as `expired_trigger_id`), to answer
late (`answer_late`: the call does its work, and its answer comes after the caller stopped
waiting), or to misbehave on every call for a while (`storm`). It keeps the messages posted in
each channel for `conversations.history`. It also takes the `response_url` posts Slack would
take, and with Socket Mode on (`accept_socket_mode`) hands the app-level token a WebSocket URL.
The sandbox, the tests and the benchmark use it.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

API_PREFIX = "/api/"
RESPONSE_URL_PREFIX = "/response/"
RESPONSE_URL_METHOD = "response_url"
UPLOAD_PREFIX = "/upload/"
UPLOAD_METHOD = "file_upload"
SCHEDULE_HORIZON_SECONDS = 120 * 24 * 3600
# conversations.history: how many messages a page holds unless asked, and at most.
HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX = 100, 999
VIEW_METHODS = frozenset({"views.open", "views.update", "views.push", "views.publish"})
OPEN_CONNECTION_METHOD = "apps.connections.open"
# The app's bot in every workspace the stand-in plays: its user and its bot id.
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"


def json_param(params: dict[str, Any], name: str) -> Any:
    """An argument Slack takes as JSON (a view, blocks, files): as it is in a JSON body, a JSON string in a form."""
    value = params.get(name)
    return json.loads(value) if isinstance(value, str) and value.startswith(("[", "{")) else value


# -- Slack's limits ---------------------------------------------------------------------------
# Slack refuses a view or a message that breaks one of its limits, and so does the stand-in. slack_sdk's
# models check most of them: `to_dict()` validates a block and what is in it (section text 3,000,
# header 150, button text 75, input label and hint 2,000, 10 context elements, 25 actions);
# `View` checks a view's own (100 blocks, title, submit and close 24, private_metadata 3,000). These are
# the ones slack_sdk leaves out.
MESSAGE_BLOCKS_MAX = 50
# Every text object, wherever it sits (a context's mrkdwn, too).
TEXT_OBJECT_MAX = 3000
SECTION_FIELD_MAX = 2000
OPTION_TEXT_MAX = 75
# Slack's reference allows 150; the Slack notes Nope is built from say keep them to 75.
OPTION_VALUE_MAX = 75
VIEW_BYTES_MAX = 250_000
# chat.postMessage refuses longer text with `msg_too_long`.
MESSAGE_TEXT_MAX = 40_000
# Undocumented: Slack refuses a message whose blocks carry more text than this in all (`msg_blocks_too_long`);
# a Slack engineer put it at "12,000 text characters with a buffer for block containers" (slackapi/bolt-js#2509).
MESSAGE_BLOCKS_TEXT_MAX = 12_000


class Refused(Exception):
    """A view or message Slack would refuse: the error code it answers with, and why."""

    def __init__(self, error: str, why: str) -> None:
        super().__init__(why)
        self.error = error


def _text_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every text object in a block, however deep."""
    if isinstance(node, dict):
        if node.get("type") in {"plain_text", "mrkdwn"} and isinstance(node.get("text"), str):
            yield node
        for value in node.values():
            yield from _text_objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from _text_objects(item)


def _options(node: Any) -> Iterator[dict[str, Any]]:
    """Every option of every select, radio button or checkbox in a block."""
    if isinstance(node, dict):
        for key in ("options", "initial_options"):
            yield from (option for option in node.get(key) or [] if isinstance(option, dict))
        if isinstance(node.get("initial_option"), dict):
            yield node["initial_option"]
        for value in node.values():
            yield from _options(value)
    elif isinstance(node, list):
        for item in node:
            yield from _options(item)


def check_block(block: Any) -> None:
    """Raise SlackObjectFormationError for a block Slack would refuse."""
    model = Block.parse(block) if isinstance(block, dict) else None
    if model is None:
        raise SlackObjectFormationError(f"not a block Slack knows: {str(block)[:80]}")
    model.to_dict()
    for text in _text_objects(block):
        if len(text["text"]) > TEXT_OBJECT_MAX:
            raise SlackObjectFormationError(f"a text of {len(text['text'])} characters (at most {TEXT_OBJECT_MAX})")
    for field_text in block.get("fields") or []:
        if len(field_text.get("text", "")) > SECTION_FIELD_MAX:
            raise SlackObjectFormationError(f"a section field over {SECTION_FIELD_MAX} characters")
    # slack_sdk leaves a select's options unchecked.
    for option in _options(block):
        if len(str((option.get("text") or {}).get("text", ""))) > OPTION_TEXT_MAX:
            raise SlackObjectFormationError(f"an option's text over {OPTION_TEXT_MAX} characters")
        if len(str(option.get("value", ""))) > OPTION_VALUE_MAX:
            raise SlackObjectFormationError(f"an option value over {OPTION_VALUE_MAX} characters")


def check_view(view: Any) -> None:
    """Raise Refused (`invalid_arguments`) for a view Slack would refuse, whichever way it is sent."""
    try:
        if not isinstance(view, dict):
            raise SlackObjectFormationError("the view is not an object")
        View(**view).validate_json()
        for block in view.get("blocks") or []:
            check_block(block)
        size = len(json.dumps(view, ensure_ascii=False).encode("utf-8"))
        if size > VIEW_BYTES_MAX:
            raise SlackObjectFormationError(f"the view is {size} bytes (at most {VIEW_BYTES_MAX})")
    except (SlackObjectFormationError, TypeError, AttributeError) as error:
        raise Refused("invalid_arguments", str(error)) from error


def check_message(blocks: Any, text: Any) -> None:
    """Raise Refused for a message (its blocks and its `text`) Slack would refuse."""
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
        raise Refused("msg_too_long", f"text of {len(text)} characters (at most {MESSAGE_TEXT_MAX})")
    if not blocks:
        return
    try:
        if not isinstance(blocks, list):
            raise SlackObjectFormationError("blocks is not a list")
        if len(blocks) > MESSAGE_BLOCKS_MAX:
            raise SlackObjectFormationError(f"{len(blocks)} blocks (at most {MESSAGE_BLOCKS_MAX})")
        for block in blocks:
            check_block(block)
    except (SlackObjectFormationError, TypeError, AttributeError) as error:
        raise Refused("invalid_blocks", str(error)) from error
    in_all = sum(len(item["text"]) for item in _text_objects(blocks))
    if in_all > MESSAGE_BLOCKS_TEXT_MAX:
        raise Refused("msg_blocks_too_long", f"{in_all} characters of text (at most {MESSAGE_BLOCKS_TEXT_MAX})")


def _refusal(refused: Refused) -> dict[str, Any]:
    return {"ok": False, "error": refused.error, "response_metadata": {"messages": [str(refused)]}}


def _without_payload(message: dict[str, Any]) -> dict[str, Any]:
    if "metadata" not in message:
        return message
    return {**message, "metadata": {"event_type": message["metadata"].get("event_type")}}


class _Server(ThreadingHTTPServer):
    # Slack takes many connections at once; the standard backlog of 5 drops bursts of SYNs,
    # which then wait a whole second for the client's retransmission.
    request_queue_size = 256
    daemon_threads = True


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, Any]
    token: str | None
    at: float
    # Where the call arrived; for a response_url post, the path names which response_url it was.
    path: str = ""
    # The body the stand-in answered with, filled in just after the call is recorded: whoever
    # replays the calls (the sandbox) sees what Slack made of each one (ids, ts, errors).
    reply: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass
class Fault:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None


@dataclass
class Member:
    user_id: str
    name: str
    locale: str = "en-US"
    tz: str = "Europe/Amsterdam"
    is_admin: bool = False
    is_owner: bool = False


@dataclass(frozen=True)
class Channel:
    channel_id: str
    name: str
    is_private: bool = False
    bot_is_member: bool = True


@dataclass(frozen=True)
class Installation:
    """What `oauth.v2.access` hands out for one code: a workspace's (or an org's) bot token."""

    code: str
    bot_token: str
    team_id: str | None
    installer_id: str
    enterprise_id: str | None = None
    is_enterprise_install: bool = False


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    faults: dict[str, deque[Fault]] = field(default_factory=lambda: defaultdict(deque))
    # Seconds the next calls of a method wait before answering, after doing their work.
    delays: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    # The messages posted in each channel, oldest first, as conversations.history hands them out.
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, Member] = field(default_factory=dict)
    view_counter: int = 0
    scheduled: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels_without_bot: set[str] = field(default_factory=set)
    file_counter: int = 0
    channels: dict[str, Channel] = field(default_factory=dict)
    # Install codes not yet exchanged, and the team each bot token belongs to.
    install_codes: dict[str, Installation] = field(default_factory=dict)
    token_teams: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # Socket Mode: the app-level token, and the WebSocket URL `apps.connections.open` hands it.
    app_token: str | None = None
    socket_mode_url: str | None = None
    # During a storm, what each next call gets, in turn: a fault, or seconds to answer late.
    storm: Iterator[Fault | float] | None = None


class SlackWebAPI:
    """Start with `start()` (or as a context manager); point SLACK_API_URL at `api_url`."""

    def __init__(
        self,
        team_id: str = "T0001",
        bot_token: str = "xoxb-test-token",
        *,
        validate_blocks: bool = True,
        keep_calls: bool = True,
        latency_seconds: float = 0.0,
    ) -> None:
        self.team_id = team_id
        self.bot_token = bot_token
        # A benchmark turns both off: on real Slack, checking views and blocks and keeping requests costs
        # Slack's CPU and memory, not the machine being measured. Counts are always kept.
        self.validate_blocks = validate_blocks
        self.keep_calls = keep_calls
        # How long every answer takes, as a real round trip to Slack would (a benchmark sets it).
        self.latency_seconds = latency_seconds
        # Requests waiting for their answer right now, and the most there ever were at once.
        self._answering = 0
        self.most_at_once = 0
        self._counts: Counter[str] = Counter()
        self._state = _State()
        self._changed = threading.Condition()
        # Set on stop: answers still waiting (answer_late) give up rather than outlive the stand-in.
        self._stopped = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> SlackWebAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SlackWebAPI:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.base_url + API_PREFIX

    def response_url(self, name: str = "r1") -> str:
        return self.base_url + RESPONSE_URL_PREFIX + name

    # -- arranging --------------------------------------------------------------------------

    def add_member(self, member: Member) -> None:
        self._state.members[member.user_id] = member

    def add_channel(self, channel: Channel) -> None:
        self._state.channels[channel.channel_id] = channel
        if not channel.bot_is_member:
            self._state.channels_without_bot.add(channel.channel_id)

    def expect_install(self, installation: Installation) -> None:
        """The next `oauth.v2.access` with this code succeeds once and hands out its bot token."""
        with self._changed:
            self._state.install_codes[installation.code] = installation

    def accept_socket_mode(self, app_token: str, url: str) -> None:
        """Socket Mode on: `apps.connections.open` with `app_token` hands out `url` (a Socket Mode stand-in's)."""
        with self._changed:
            self._state.app_token, self._state.socket_mode_url = app_token, url

    def open_connection(self, bearer_token: str) -> dict[str, Any]:
        """`apps.connections.open`: Slack takes only an app-level token, and only in the Authorization header."""
        with self._changed:
            app_token, url = self._state.app_token, self._state.socket_mode_url
        if app_token is not None and bearer_token == app_token:
            return {"ok": True, "url": url}
        if self.knows_token(bearer_token):
            return {"ok": False, "error": "not_allowed_token_type"}
        return {"ok": False, "error": "invalid_auth"}

    def bot_in(self, channel_id: str) -> bool:
        return channel_id not in self._state.channels_without_bot

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        error: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls of `method` fail as described."""
        for _ in range(times):
            self._state.faults[method].append(Fault(status=status, error=error, retry_after=retry_after))

    def storm(self, slow_seconds: float) -> None:
        """Until `calm()`, every call in turn answers HTTP 500, 429 (Retry-After: 1), or after `slow_seconds`
        with its work done: a Slack having a bad minute."""
        with self._changed:
            self._state.storm = itertools.cycle((Fault(status=500), Fault(status=429, retry_after=1), slow_seconds))

    def calm(self) -> None:
        with self._changed:
            self._state.storm = None

    def _weather(self) -> Fault | float | None:
        with self._changed:
            return next(self._state.storm) if self._state.storm is not None else None

    def know_token(self, bot_token: str, team_id: str) -> None:
        """`bot_token` is the bot token of an install to `team_id`, as if `oauth.v2.access` had handed it out."""
        with self._changed:
            self._state.token_teams[bot_token] = (team_id, None)

    def answer_late(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next `times` calls of `method` do their work (a post is posted), then answer after `seconds`:
        a Slack that is slow to answer, or whose answer is lost, while its caller has stopped waiting."""
        with self._changed:
            self._state.delays[method].extend([seconds] * times)

    def _next_delay(self, method: str) -> float:
        with self._changed:
            queue = self._state.delays.get(method)
            return queue.popleft() if queue else 0.0

    def _wait_before_answering(self, seconds: float) -> None:
        self._stopped.wait(seconds)

    def history(self, channel_id: str) -> list[dict[str, Any]]:
        """The messages posted in `channel_id`, oldest first."""
        with self._changed:
            return list(self._state.messages.get(channel_id, []))

    # -- looking ----------------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        with self._changed:
            return [call for call in self._state.calls if method is None or call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait until `count` calls of `method` have arrived (lazy listeners answer late)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [call for call in self._state.calls if call.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = sorted({call.method for call in self._state.calls})
                    raise AssertionError(f"expected {count} {method} call(s), got {len(found)}; saw {seen}")
                self._changed.wait(remaining)

    # -- answering --------------------------------------------------------------------------

    def knows_token(self, token: str | None) -> bool:
        return token == self.bot_token or (token or "") in self._state.token_teams

    def revoke(self, bot_token: str) -> None:
        """An uninstall: the token stops working."""
        with self._changed:
            self._state.token_teams.pop(bot_token, None)

    def _begin_answer(self) -> None:
        with self._changed:
            self._answering += 1
            self.most_at_once = max(self.most_at_once, self._answering)

    def _end_answer(self) -> None:
        with self._changed:
            self._answering -= 1

    def _record(self, call: Call) -> None:
        with self._changed:
            self._counts[call.method] += 1
            if self.keep_calls:
                self._state.calls.append(call)
            self._changed.notify_all()

    def counts(self) -> Counter[str]:
        """How many calls of each method arrived (kept even when the calls themselves are not)."""
        with self._changed:
            return Counter(self._counts)

    def _next_fault(self, method: str) -> Fault | None:
        with self._changed:
            queue = self._state.faults.get(method)
            return queue.popleft() if queue else None

    def answer(self, method: str, params: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        """The body Slack would send back for a successful call."""
        if method == "auth.test":
            team_id, enterprise_id = self._state.token_teams.get(token or "", (self.team_id, None))
            answer = {
                "ok": True,
                "url": "https://example.slack.com/",
                "team": "Example",
                "team_id": team_id,
                "user": "nope",
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
            }
            if enterprise_id:
                answer.update(enterprise_id=enterprise_id, is_enterprise_install=team_id is None)
            return answer
        if method == "oauth.v2.access":
            return self._exchange_code(params)
        if method == "conversations.info":
            return self._channel_info(str(params.get("channel", "")))
        if method == "conversations.join":
            return self._join(str(params.get("channel", "")))
        if method == "users.info":
            return self._user_info(params.get("user", ""))
        if method in VIEW_METHODS:
            return self._view_answer(params)
        if method == "chat.postMessage":
            return self._keep_message(params, self._post_message(params))
        if method == "chat.postEphemeral":
            return self._post_message(params)
        if method == "conversations.history":
            return self._history(params)
        if method == "users.list":
            return {"ok": True, "members": [self._user_info(user_id)["user"] for user_id in self._state.members]}
        if method == "files.getUploadURLExternal":
            with self._changed:
                self._state.file_counter += 1
                file_id = f"F{self._state.file_counter:06d}"
            return {"ok": True, "upload_url": f"{self.base_url}{UPLOAD_PREFIX}{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            return {"ok": True, "files": json_param(params, "files")}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users", "")).split(",")[0]}}
        if method == "chat.scheduleMessage":
            return self._schedule(params)
        if method == "chat.scheduledMessages.list":
            return self._scheduled_list(params)
        if method == "chat.deleteScheduledMessage":
            with self._changed:
                known = self._state.scheduled.pop(str(params.get("scheduled_message_id")), None)
            return {"ok": True} if known else {"ok": False, "error": "invalid_scheduled_message_id"}
        return {"ok": True}

    def _post_message(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        if channel in self._state.channels_without_bot:
            return {"ok": False, "error": "not_in_channel"}
        refused = self._refused_message(params)
        if refused is not None:
            return refused
        return {"ok": True, "channel": channel, "ts": f"{time.time():.6f}"}

    def _refused_message(self, params: dict[str, Any]) -> dict[str, Any] | None:
        """Slack's answer to a message that breaks its limits; None for one it takes."""
        if not self.validate_blocks:
            return None
        try:
            check_message(json_param(params, "blocks"), params.get("text"))
        except Refused as refused:
            return _refusal(refused)
        return None

    def _keep_message(self, params: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
        """A posted message goes into its channel's history (a reply stays in its thread, as in Slack)."""
        if answer.get("ok") and not params.get("thread_ts"):
            message: dict[str, Any] = {"type": "message", "ts": answer["ts"], "user": BOT_USER_ID, "bot_id": BOT_ID}
            message["text"] = params.get("text") or ""
            metadata = json_param(params, "metadata")
            if metadata:
                message["metadata"] = metadata
            with self._changed:
                self._state.messages[answer["channel"]].append(message)
        return answer

    def _history(self, params: dict[str, Any]) -> dict[str, Any]:
        """A channel's messages between `oldest` and `latest`, newest first, a page at a time; their metadata's
        payload only when asked for with `include_all_metadata`."""
        channel = str(params.get("channel", ""))
        if channel in self._state.channels_without_bot:
            return {"ok": False, "error": "not_in_channel"}
        oldest, latest = float(params.get("oldest") or 0), float(params.get("latest") or time.time())
        inclusive = str(params.get("inclusive", "")).lower() in {"1", "true"}
        with self._changed:
            posted = self._state.messages.get(channel, [])
            found = [
                message
                for message in reversed(posted)
                if (oldest <= float(message["ts"]) <= latest)
                and (inclusive or float(message["ts"]) not in {oldest, latest})
            ]
        if str(params.get("include_all_metadata", "")).lower() not in {"1", "true"}:
            # As Slack does: the event type alone, its payload only for those who ask for all of it.
            found = [_without_payload(message) for message in found]
        start = int(params.get("cursor") or 0)
        size = min(int(params.get("limit") or HISTORY_PAGE_DEFAULT), HISTORY_PAGE_MAX)
        page, has_more = found[start : start + size], start + size < len(found)
        return {
            "ok": True,
            "messages": page,
            "has_more": has_more,
            "response_metadata": {"next_cursor": str(start + size) if has_more else ""},
        }

    def _exchange_code(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._changed:
            installation = self._state.install_codes.pop(str(params.get("code", "")), None)
            if installation is None:
                return {"ok": False, "error": "invalid_code"}
            self._state.token_teams[installation.bot_token] = (installation.team_id, installation.enterprise_id)
        return {
            "ok": True,
            "access_token": installation.bot_token,
            "token_type": "bot",
            "scope": "commands,chat:write",
            "bot_user_id": BOT_USER_ID,
            "app_id": "ANOPE",
            "team": {"id": installation.team_id, "name": "Example"} if installation.team_id else None,
            "enterprise": {"id": installation.enterprise_id, "name": "Org"} if installation.enterprise_id else None,
            "is_enterprise_install": installation.is_enterprise_install,
            "authed_user": {"id": installation.installer_id},
        }

    def _channel_info(self, channel_id: str) -> dict[str, Any]:
        channel = self._state.channels.get(channel_id)
        # Slack hides a private channel from a bot that is not in it.
        if channel is None or (channel.is_private and not self.bot_in(channel_id)):
            return {"ok": False, "error": "channel_not_found"}
        return {
            "ok": True,
            "channel": {
                "id": channel.channel_id,
                "name": channel.name,
                "is_private": channel.is_private,
                "is_member": self.bot_in(channel_id),
            },
        }

    def _join(self, channel_id: str) -> dict[str, Any]:
        channel = self._state.channels.get(channel_id)
        if channel is None:
            return {"ok": False, "error": "channel_not_found"}
        if channel.is_private:
            return {"ok": False, "error": "method_not_supported_for_channel_type"}
        with self._changed:
            self._state.channels_without_bot.discard(channel_id)
        return {"ok": True, "channel": {"id": channel_id, "name": channel.name, "is_member": True}}

    def remove_bot_from(self, channel_id: str) -> None:
        """From now on, posting to `channel_id` fails with `not_in_channel`, as when the bot was removed."""
        self._state.channels_without_bot.add(channel_id)

    def _schedule(self, params: dict[str, Any]) -> dict[str, Any]:
        refused = self._refused_message(params)
        if refused is not None:
            return refused
        post_at = int(params.get("post_at") or 0)
        now = time.time()
        if post_at <= now:
            return {"ok": False, "error": "time_in_past"}
        if post_at > now + SCHEDULE_HORIZON_SECONDS:
            return {"ok": False, "error": "time_too_far"}
        with self._changed:
            scheduled_id = f"Q{len(self._state.scheduled) + 1:06d}{int(now * 1000) % 100000}"
            self._state.scheduled[scheduled_id] = dict(params)
        return {
            "ok": True,
            "channel": params.get("channel"),
            "scheduled_message_id": scheduled_id,
            "post_at": post_at,
        }

    def _scheduled_list(self, params: dict[str, Any]) -> dict[str, Any]:
        """The messages still to come, in one channel if asked, posting between `oldest` and `latest` (inclusive)."""
        channel = params.get("channel")
        oldest, latest = int(float(params.get("oldest") or 0)), int(float(params.get("latest") or 2**40))
        with self._changed:
            found = [
                {
                    "id": scheduled_id,
                    "channel_id": message.get("channel"),
                    "post_at": int(message.get("post_at") or 0),
                    "date_created": int(time.time()),
                    "text": message.get("text") or "",
                }
                for scheduled_id, message in self._state.scheduled.items()
                if (channel is None or message.get("channel") == channel)
                and oldest <= int(message.get("post_at") or 0) <= latest
            ]
        return {"ok": True, "scheduled_messages": found, "response_metadata": {"next_cursor": ""}}

    def scheduled(self) -> dict[str, dict[str, Any]]:
        """Messages scheduled and not deleted, by scheduled_message_id."""
        with self._changed:
            return dict(self._state.scheduled)

    def _user_info(self, user_id: str) -> dict[str, Any]:
        member = self._state.members.get(user_id)
        if member is None:
            return {"ok": False, "error": "user_not_found"}
        return {
            "ok": True,
            "user": {
                "id": member.user_id,
                "team_id": self.team_id,
                "name": member.name,
                "real_name": member.name,
                "tz": member.tz,
                "locale": member.locale,
                "is_admin": member.is_admin,
                "is_owner": member.is_owner,
                "is_primary_owner": False,
            },
        }

    def _view_answer(self, params: dict[str, Any]) -> dict[str, Any]:
        view = json_param(params, "view")
        if self.validate_blocks:
            try:
                check_view(view)
            except Refused as refused:
                return _refusal(refused)
        with self._changed:
            self._state.view_counter += 1
            view_id = f"V{self._state.view_counter:06d}"
        return {"ok": True, "view": {**view, "id": view_id, "team_id": self.team_id}}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Seconds this request's answer waits once its work is done (see answer_late).
            late_by = 0.0

            def log_message(self, *_args: object) -> None:
                pass

            def do_POST(self) -> None:
                # Counted while the caller waits, and no longer once the answer is on its way: the
                # caller's next request may arrive before this thread is done.
                api._begin_answer()
                try:
                    time.sleep(api.latency_seconds)
                finally:
                    api._end_answer()
                self._answer()

            def _answer(self) -> None:
                self.late_by = 0.0
                path = urlsplit(self.path).path
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if path.startswith(UPLOAD_PREFIX):
                    # A file's bytes, sent to the URL files.getUploadURLExternal handed out.
                    call = Call(
                        method=UPLOAD_METHOD,
                        params={"path": path, "bytes": body},
                        token=None,
                        at=time.time(),
                        path=path,
                    )
                    api._record(call)
                    self._send(200, {"ok": True}, call=call)
                    return
                raw = body.decode("utf-8")
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    params = json.loads(raw or "{}")
                else:
                    params = dict(parse_qsl(raw, keep_blank_values=True))
                if path.startswith(RESPONSE_URL_PREFIX):
                    method = RESPONSE_URL_METHOD
                elif path.startswith(API_PREFIX):
                    method = path.removeprefix(API_PREFIX)
                else:
                    self._send(404, {"ok": False, "error": "unknown_path"})
                    return
                bearer_token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                token = bearer_token or params.get("token")
                call = Call(method=method, params=params, token=token, at=time.time(), path=path)
                api._record(call)
                self.late_by = api._next_delay(method)
                fault = api._next_fault(method)
                weather = api._weather() if fault is None else None
                if isinstance(weather, Fault):
                    fault = weather
                elif weather:
                    self.late_by = weather
                if fault is not None:
                    self._send_fault(fault, call)
                    return
                if method == RESPONSE_URL_METHOD:
                    self._answer_response_url(call)
                elif method == OPEN_CONNECTION_METHOD:
                    self._send(200, api.open_connection(bearer_token), call=call)
                elif not api.knows_token(token) and method != "oauth.v2.access":
                    self._send(200, {"ok": False, "error": "invalid_auth"}, call=call)
                else:
                    self._send(200, api.answer(method, params, token), call=call)

            def _answer_response_url(self, call: Call) -> None:
                # Slack takes a response_url post as it takes a message, and answers a refused one with a 400.
                refused = api._refused_message(call.params)
                if refused is None:
                    self._send(200, {"ok": True}, call=call)
                else:
                    self._send(400, refused, call=call)

            def do_GET(self) -> None:
                self.do_POST()

            def _send_fault(self, fault: Fault, call: Call) -> None:
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                if fault.status == 429:
                    self._send(429, {"ok": False, "error": "ratelimited"}, headers, call=call)
                elif fault.status >= 500:
                    self._send(fault.status, {"ok": False, "error": "internal_error"}, headers, call=call)
                else:
                    self._send(fault.status, {"ok": False, "error": fault.error or "fatal_error"}, headers, call=call)

            def _send(
                self,
                status: int,
                body: dict[str, Any],
                headers: dict[str, str] | None = None,
                *,
                call: Call | None = None,
            ) -> None:
                if call is not None:
                    call.reply.update(body)
                if self.late_by:
                    api._wait_before_answering(self.late_by)
                payload = json.dumps(body).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # a late answer's caller stopped waiting and went away, as a client of a slow Slack does

        return Handler
