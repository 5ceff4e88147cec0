"""Signing requests the way Slack does (written from Slack's documentation, not from Bolt)."""

from __future__ import annotations

import hashlib
import hmac
import time


def slack_signature(signing_secret: str, timestamp: str, body: str) -> str:
    basestring = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(signing_secret.encode(), basestring, hashlib.sha256).hexdigest()


def signed_headers(signing_secret: str, body: str, content_type: str, timestamp: int | None = None) -> dict:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": slack_signature(signing_secret, stamp, body),
    }
