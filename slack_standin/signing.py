"""Signing requests as Slack does: `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}` keyed with
the app's signing secret, in `X-Slack-Signature` beside `X-Slack-Request-Timestamp`.

Written from Slack's documentation ("Verifying requests from Slack"), not taken from Bolt or
slack_sdk: the tests must not sign with the code they test.
"""

from __future__ import annotations

import hashlib
import hmac
import time


def slack_signature(signing_secret: str, timestamp: str, body: str) -> str:
    basestring = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(signing_secret.encode(), basestring, hashlib.sha256).hexdigest()


def signed_headers(signing_secret: str, body: str, content_type: str, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack sends with `body`, signed now (or at `timestamp`, unix seconds)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": slack_signature(signing_secret, stamp, body),
    }
