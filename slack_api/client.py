"""The Slack Web API client Nope uses everywhere: pointed at SLACK_API_URL, patient with rate limits."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from config import Config

# A hung Web API call must not hold a thread for long (a trigger_id is dead after 3 s anyway).
SLACK_CALL_TIMEOUT_SECONDS = 5
# What a Web API call can raise: Slack's answers (SlackApiError), and, once the retry handlers
# give up, the network's own errors, which slack_sdk passes on as they are (URLError, timeouts).
SLACK_FAILURES: tuple[type[Exception], ...] = (SlackClientError, OSError)


def slack_client(config: Config, token: str | None = None) -> WebClient:
    """Retries a 429 after its Retry-After (twice), a 5xx and a dropped connection once.

    With the workspace's own `token` in OAuth mode; the configured bot token otherwise.
    """
    return WebClient(
        token=token or config.bot_token or None,
        base_url=config.slack_api_url,
        timeout=SLACK_CALL_TIMEOUT_SECONDS,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=1),
            ConnectionErrorRetryHandler(max_retry_count=1),
        ],
    )


def error_code(error: Exception) -> str:
    """Slack's error code for a refused call (`channel_not_found`), or what went wrong on the way."""
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or "error")
    return str(error)
