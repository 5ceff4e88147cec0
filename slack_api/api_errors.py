"""Counting Slack's refusals and failed calls by method and error, for /metrics.

slack_sdk asks every retry handler about every answer (and every failed attempt) once a client has
any: a handler first in the list that never retries sees them all, whichever code made the call. Bolt
copies the handlers into the client it makes for each request, so those calls are counted too.
"""

from __future__ import annotations

import json
import re

from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from metrics import SLACK_API_ERRORS

# Slack's error codes are short snake_case words; anything else is counted as "other" so that an odd
# answer cannot make a new time series of each call.
_ERROR_CODE = re.compile(r"[a-z0-9_]{1,64}")
_METHOD = re.compile(r"[A-Za-z0-9_.]{1,64}")


def _method(request: HttpRequest) -> str:
    method = request.url.split("?", 1)[0].rsplit("/", 1)[-1]
    return method if _METHOD.fullmatch(method) else "other"


def _refusal(response: HttpResponse) -> str | None:
    """Slack's error code in an answer, `http_<status>` for an error status without one, None for success."""
    body = response.body
    if not body and response.data:
        try:
            body = json.loads(response.data)
        except (ValueError, UnicodeDecodeError):
            body = {}
    if isinstance(body, dict) and body.get("ok") is False:
        code = str(body.get("error") or "")
        return code if _ERROR_CODE.fullmatch(code) else "other"
    return f"http_{response.status_code}" if response.status_code >= 400 else None


class SlackErrorCounter(RetryHandler):
    """Retries nothing; counts each failed attempt: Slack's error code, or the exception's class name."""

    def can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        failure = _refusal(response) if response is not None else type(error).__name__ if error else None
        if failure is not None:
            SLACK_API_ERRORS.labels(method=_method(request), error=failure).inc()
        return False
