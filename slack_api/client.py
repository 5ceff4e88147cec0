"""The Slack Web API clients Nope uses: pointed at SLACK_API_URL, patient with rate limits as far as
whoever waits can afford, and never repeating blindly a call that may already have made something."""

from __future__ import annotations

import time
from dataclasses import dataclass
from http.client import HTTPException
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web import SlackResponse

from config import Config
from slack_api.api_errors import SlackErrorCounter

# A hung Web API call must not hold a thread for long (a trigger_id is dead after 3 s anyway).
SLACK_CALL_TIMEOUT_SECONDS = 5
# What a Web API call can raise: Slack's answers (SlackApiError), and, once the retry handlers
# give up, the network's own errors, which slack_sdk passes on as they are (URLError, timeouts,
# and http.client's own for an answer cut off half-way).
SLACK_FAILURES: tuple[type[Exception], ...] = (SlackClientError, OSError, HTTPException)
# Calls that make something new at Slack. One repeated after its answer was lost (a timeout, a
# dropped connection, a 5xx) may make it twice: a second digest, DM or reminder.
NOT_REPEATABLE = frozenset({"chat.postMessage", "chat.scheduleMessage", "files.completeUploadExternal"})
# Slack's own words for these errors: "It's possible some aspect of the operation succeeded before
# the error was raised."
MAYBE_DONE_ERRORS = frozenset({"internal_error", "fatal_error"})
# Calls that use the trigger_id of a click or command. Slack lets a trigger open a modal for 3 s
# after the click, and the first try comes after the acknowledgement: once a 429 asks for more than a
# second's wait, the retry would carry a dead trigger. Better to tell the person straight away.
TRIGGER_METHODS = frozenset({"views.open", "views.push"})
TRIGGER_LONGEST_WAIT_SECONDS = 1
# Slack gives an acknowledgement 3 s in all; its Slack calls get half, the rest is for the network
# to Slack and back, Bolt and the database.
ACK_SLACK_SECONDS = 1.5


@dataclass(frozen=True)
class Patience:
    """How long a client waits for Slack: each answer, and a 429's Retry-After (how often, how long at most)."""

    timeout_seconds: float
    longest_wait_seconds: float
    rate_limit_retries: int


# Someone is waiting for the answer, and one of the 8 listener threads sleeps through every wait: a long
# Retry-After is better told to the person than slept through while everyone else's clicks queue up.
FOR_PEOPLE = Patience(timeout_seconds=SLACK_CALL_TIMEOUT_SECONDS, longest_wait_seconds=2, rate_limit_retries=1)
# The scheduler has hundreds of threads and the whole week: it waits as long as Slack asks, within reason.
FOR_SCHEDULER = Patience(timeout_seconds=SLACK_CALL_TIMEOUT_SECONDS, longest_wait_seconds=60, rate_limit_retries=2)


def _method(request: HttpRequest) -> str:
    """The Web API method a request calls: the last part of its URL's path."""
    return request.url.split("?", 1)[0].rsplit("/", 1)[-1]


def _retry_after_seconds(response: HttpResponse) -> float:
    """A 429's Retry-After; slack_sdk waits a second when there is none, and so do we. Unreadable: forever."""
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) else values
            return int(value) if str(value).isdigit() else float("inf")
    return 1


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Waits out a 429's Retry-After only when it is short enough for whoever waits, and for the trigger."""

    def __init__(self, max_retry_count: int, longest_wait_seconds: float) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.longest_wait_seconds = longest_wait_seconds

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        longest = self.longest_wait_seconds
        if _method(request) in TRIGGER_METHODS:
            longest = min(longest, TRIGGER_LONGEST_WAIT_SECONDS)
        return _retry_after_seconds(response) <= longest


class SafeServerErrorRetryHandler(ServerErrorRetryHandler):
    """A 500 or 503 retried once, except for a call that may have made something already."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        repeatable = _method(request) not in NOT_REPEATABLE
        return repeatable and super()._can_retry(state=state, request=request, response=response, error=error)


class SafeConnectionErrorRetryHandler(ConnectionErrorRetryHandler):
    """A failed connection retried once: always when the request never left, else only when repeating is safe.

    urllib wraps what goes wrong while connecting and sending in URLError; a connection dropped while
    waiting for the answer comes as it is (ConnectionResetError), after Slack may have acted.
    """

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        return isinstance(error, URLError) or _method(request) not in NOT_REPEATABLE


def slack_client(config: Config, token: str | None = None, *, patience: Patience = FOR_PEOPLE) -> WebClient:
    """Retries a 429 after its Retry-After when `patience` allows, a 5xx and a dropped connection once
    where that cannot make anything twice.

    With the workspace's own `token` in OAuth mode; the configured bot token otherwise.
    """
    return WebClient(
        token=token or config.bot_token or None,
        base_url=config.slack_api_url,
        timeout=patience.timeout_seconds,  # type: ignore[arg-type]  # slack_sdk's hint says int; urllib takes a float
        retry_handlers=[
            SlackErrorCounter(),  # first: it sees every answer, and retries nothing
            BoundedRateLimitRetryHandler(patience.rate_limit_retries, patience.longest_wait_seconds),
            SafeServerErrorRetryHandler(max_retry_count=1),
            SafeConnectionErrorRetryHandler(max_retry_count=1),
        ],
    )


class _WithinDeadline(WebClient):
    """Calls that end, all together, by one deadline: each gets what is left of it, none is retried.

    One acknowledgement's own client: it is used in one thread, so each call may set its timeout.
    """

    def __init__(self, client: WebClient, seconds: float) -> None:
        super().__init__(
            token=client.token,
            base_url=client.base_url,
            ssl=client.ssl,
            proxy=client.proxy,
            headers=dict(client.headers),
            team_id=client.default_params.get("team_id"),  # an org-wide install's workspace
            logger=client.logger,
            # No retry: it would start after part of the time is gone, and may overrun it.
            retry_handlers=[SlackErrorCounter()],
        )
        self._deadline = time.monotonic() + seconds

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:  # type: ignore[override]
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no time left to call {api_method}")
        self.timeout = left  # type: ignore[assignment]
        return super().api_call(api_method, **kwargs)


def within(client: WebClient, seconds: float = ACK_SLACK_SECONDS) -> WebClient:
    """`client`'s workspace, for calls that must all be answered within `seconds` (inside an acknowledgement)."""
    return _WithinDeadline(client, seconds)


def error_code(error: Exception) -> str:
    """Slack's error code for a refused call (`channel_not_found`), or what went wrong on the way."""
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or "error")
    return str(error) or type(error).__name__


def _http_status(error: SlackApiError) -> int:
    # slack_sdk hands over a plain dict, not a SlackResponse, when the body was not JSON (a proxy's 502 page).
    status = getattr(error.response, "status_code", None) or error.response.get("status")
    return int(status or 0)


def may_have_happened(error: Exception) -> bool:
    """Whether a failed call may still have done its work at Slack (a post may be in the channel).

    Slack's refusals (an `ok: false` answer, a 429) did nothing, and neither did a request that never
    left (URLError: no connection). A timeout or a dropped connection while waiting for the answer, a
    5xx, and Slack's internal_error or fatal_error leave it open.
    """
    if isinstance(error, SlackApiError):
        return _http_status(error) >= 500 or error.response.get("error") in MAYBE_DONE_ERRORS
    return isinstance(error, OSError | HTTPException) and not isinstance(error, URLError)
