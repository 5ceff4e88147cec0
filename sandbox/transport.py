"""Sending Slack's requests to Nope over HTTP, signed the way Slack signs them."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from slack_standin.signing import signed_headers

# Slack gives an app three seconds to answer before it tells the person the app did not respond.
SLACK_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class AppAnswer:
    """Nope's HTTP answer; `error` names what Slack would report when there is no usable answer."""

    status: int
    body: str
    error: str | None = None


class EventsEndpoint:
    """Nope's Request URL (`/slack/events`), reached as Slack reaches it."""

    def __init__(self, url: str, signing_secret: str) -> None:
        self.url = url
        self._signing_secret = signing_secret

    def send(self, body: str, content_type: str) -> AppAnswer:
        headers = signed_headers(self._signing_secret, body, content_type)
        request = urllib.request.Request(self.url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=SLACK_TIMEOUT_SECONDS) as response:
                return AppAnswer(response.status, response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return AppAnswer(error.code, error.read().decode("utf-8", "replace"), error=f"http_{error.code}")
        except TimeoutError:
            return AppAnswer(0, "", error="operation_timeout")
        except OSError as error:
            # Includes URLError (refused connection); a timeout inside urllib arrives as URLError too.
            timed_out = isinstance(getattr(error, "reason", None), TimeoutError)
            return AppAnswer(0, "", error="operation_timeout" if timed_out else "dispatch_failed")
