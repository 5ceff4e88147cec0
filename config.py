"""Configuration from the environment (or a `.env` file), checked once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///nope.db"
DEFAULT_PORT = 3000


class ConfigError(Exception):
    """A setting is missing or wrong; the message is one sentence for the operator."""


@dataclass(frozen=True)
class Config:
    signing_secret: str
    bot_token: str
    slack_api_url: str = DEFAULT_SLACK_API_URL
    database_url: str = DEFAULT_DATABASE_URL
    port: int = DEFAULT_PORT
    # The digest scheduler inside `python app.py`; off when a separate `nope scheduler` runs.
    scheduler_enabled: bool = True


def _required(environ: Mapping[str, str], name: str, how: str) -> str:
    value = environ.get(name, "").strip()
    if not value:
        raise ConfigError(f"{name} is not set: {how}")
    return value


def _port(raw: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        raise ConfigError(f"PORT must be a number between 1 and 65535, not {raw!r}.") from None
    if not 0 < port < 65536:
        raise ConfigError(f"PORT must be a number between 1 and 65535, not {raw!r}.")
    return port


def _api_url(raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise ConfigError(f"SLACK_API_URL must start with http:// or https://, not {raw!r}.")
    # slack_sdk joins method names straight onto the base URL.
    return raw if raw.endswith("/") else raw + "/"


def process_environment() -> Mapping[str, str]:
    """The process environment, with a `.env` file in the working directory filled in underneath."""
    from dotenv import load_dotenv

    # Explicitly the working directory: python-dotenv would otherwise search from this file's folder.
    load_dotenv(Path.cwd() / ".env")
    return os.environ


def database_url(environ: Mapping[str, str]) -> str:
    return environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def _switch(environ: Mapping[str, str], name: str) -> bool:
    raw = (environ.get(name) or "on").strip().lower()
    if raw not in {"on", "off"}:
        raise ConfigError(f"{name} must be on or off, not {raw!r}.")
    return raw == "on"


def load_config(environ: Mapping[str, str] | None = None, *, serving: bool = True) -> Config:
    """Read and check every setting the app needs: to serve Slack, or (serving=False) to post digests."""
    if environ is None:
        environ = process_environment()
    how_to_sign = "copy it from your Slack app's Basic Information page into the environment or a .env file."
    signing_secret = _required(environ, "SLACK_SIGNING_SECRET", how_to_sign) if serving else ""
    bot_token = _required(
        environ,
        "SLACK_BOT_TOKEN",
        "install the app to your workspace and copy the Bot User OAuth Token (xoxb-…) "
        "from its OAuth & Permissions page into the environment or a .env file.",
    )
    return Config(
        signing_secret=signing_secret,
        bot_token=bot_token,
        slack_api_url=_api_url(environ.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL),
        database_url=database_url(environ),
        port=_port(environ.get("PORT") or str(DEFAULT_PORT)),
        scheduler_enabled=_switch(environ, "NOPE_SCHEDULER"),
    )
