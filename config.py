"""Configuration from the environment (or a `.env` file), checked once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///nope.db"
DEFAULT_PORT = 3000


class StartupError(Exception):
    """Nope cannot start (a busy port, a token Slack refuses, an out-of-date schema); one sentence for the operator."""


class ConfigError(StartupError):
    """A setting is missing or wrong; the message is one sentence for the operator."""


SLACK_CREDENTIALS = (
    "SLACK_SIGNING_SECRET",
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
)
OAUTH_SETTINGS = ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")
APP_TOKEN_PREFIX = "xapp-"


@dataclass(frozen=True)
class Config:
    # Empty in Socket Mode: Slack signs its HTTP requests, not what comes over the WebSocket.
    signing_secret: str
    # Single-workspace mode; empty in OAuth mode, where each workspace's token comes from its installation.
    bot_token: str = ""
    client_id: str = ""
    client_secret: str = ""
    slack_api_url: str = DEFAULT_SLACK_API_URL
    database_url: str = DEFAULT_DATABASE_URL
    port: int = DEFAULT_PORT
    # The digest scheduler inside `python app.py`; off when a separate `nope scheduler` runs.
    scheduler_enabled: bool = True
    # Fernet keys for free text and tokens at rest: the first encrypts, all of them decrypt.
    encryption_keys: tuple[str, ...] = ()
    # Socket Mode: with an app-level token (xapp-…) Nope opens a WebSocket to Slack and takes its
    # requests there instead of on /slack/events; always one workspace (a bot token, never OAuth).
    app_token: str = ""

    @property
    def oauth_enabled(self) -> bool:
        return not self.bot_token

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)


def has_slack_credentials(environ: Mapping[str, str]) -> bool:
    """Any Slack setting at all means Slack is meant: the sandbox never starts then."""
    return any((environ.get(name) or "").strip() for name in SLACK_CREDENTIALS)


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


def http_port(environ: Mapping[str, str]) -> int:
    return _port(environ.get("PORT") or str(DEFAULT_PORT))


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


def log_format(environ: Mapping[str, str]) -> str:
    """NOPE_LOG_FORMAT: json (one object a line, for a log collector) or text (for a person at a terminal)."""
    raw = (environ.get("NOPE_LOG_FORMAT") or "json").strip().lower()
    if raw not in {"json", "text"}:
        raise ConfigError(f"NOPE_LOG_FORMAT must be json or text, not {raw!r}.")
    return raw


DEVELOPMENT_KEY_FILE = ".nope-development.key"


def development_mode(environ: Mapping[str, str]) -> bool:
    raw = (environ.get("NOPE_ENV") or "production").strip().lower()
    if raw not in {"production", "development"}:
        raise ConfigError(f"NOPE_ENV must be production or development, not {raw!r}.")
    return raw == "development"


def encryption_keys(environ: Mapping[str, str], *, development: bool) -> tuple[str, ...]:
    """NOPE_ENCRYPTION_KEY's keys (comma-separated, newest first); in development a local key may stand in."""
    from storage.crypto import EncryptionKeyError, Keyring, local_development_key

    keys = tuple(key.strip() for key in (environ.get("NOPE_ENCRYPTION_KEY") or "").split(",") if key.strip())
    if not keys:
        if not development:
            raise ConfigError(
                "NOPE_ENCRYPTION_KEY is not set: stories and tokens are encrypted at rest. "
                "Make a key with `nope keys generate` (or set NOPE_ENV=development to use a local one)."
            )
        keys = (local_development_key(Path.cwd() / DEVELOPMENT_KEY_FILE),)
    try:
        Keyring(keys)
    except EncryptionKeyError as error:
        raise ConfigError(f"NOPE_ENCRYPTION_KEY: {error}.") from None
    return keys


def _app_token(environ: Mapping[str, str]) -> str:
    """SLACK_APP_TOKEN, for Socket Mode: empty when unset, refused when it is not an app-level token."""
    app_token = (environ.get("SLACK_APP_TOKEN") or "").strip()
    if app_token and not app_token.startswith(APP_TOKEN_PREFIX):
        raise ConfigError(
            f"SLACK_APP_TOKEN must be an app-level token starting with {APP_TOKEN_PREFIX}: make one with the "
            "connections:write scope under App-Level Tokens on your Slack app's Basic Information page."
        )
    return app_token


def _socket_mode_bot_token(environ: Mapping[str, str]) -> str:
    """Socket Mode serves the one workspace the app is installed to: a bot token, and no OAuth settings."""
    if any((environ.get(name) or "").strip() for name in OAUTH_SETTINGS):
        raise ConfigError(
            "Socket Mode (SLACK_APP_TOKEN) serves one workspace: set SLACK_BOT_TOKEN and leave "
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET unset (or unset SLACK_APP_TOKEN to install through OAuth)."
        )
    return _required(
        environ,
        "SLACK_BOT_TOKEN",
        "Socket Mode (SLACK_APP_TOKEN) needs the Bot User OAuth Token (xoxb-…) from your app's "
        "OAuth & Permissions page, in the environment or a .env file.",
    )


def _slack_identity(environ: Mapping[str, str]) -> tuple[str, str, str]:
    """(bot token, client id, client secret): a bot token means one workspace, a client id and secret OAuth."""
    bot_token = (environ.get("SLACK_BOT_TOKEN") or "").strip()
    if bot_token:
        return bot_token, "", ""
    if (environ.get("SLACK_CLIENT_ID") or "").strip() or (environ.get("SLACK_CLIENT_SECRET") or "").strip():
        how = "copy it from your Slack app's Basic Information page (App Credentials)."
        return "", _required(environ, "SLACK_CLIENT_ID", how), _required(environ, "SLACK_CLIENT_SECRET", how)
    raise ConfigError(
        "SLACK_BOT_TOKEN is not set: install the app to your workspace and copy the Bot User OAuth Token (xoxb-…) "
        "from its OAuth & Permissions page into the environment or a .env file "
        "(or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install it to many workspaces)."
    )


def load_config(environ: Mapping[str, str] | None = None, *, serving: bool = True) -> Config:
    """Read and check every setting the app needs: to serve Slack, or (serving=False) to post digests."""
    if environ is None:
        environ = process_environment()
    app_token = _app_token(environ)
    how_to_sign = "copy it from your Slack app's Basic Information page into the environment or a .env file."
    # Only what Slack posts over HTTP is signed: Socket Mode needs no secret.
    signing_secret = _required(environ, "SLACK_SIGNING_SECRET", how_to_sign) if serving and not app_token else ""
    if app_token:
        bot_token, client_id, client_secret = _socket_mode_bot_token(environ), "", ""
    else:
        bot_token, client_id, client_secret = _slack_identity(environ)
    return Config(
        signing_secret=signing_secret,
        bot_token=bot_token,
        client_id=client_id,
        client_secret=client_secret,
        slack_api_url=_api_url(environ.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL),
        database_url=database_url(environ),
        port=http_port(environ),
        scheduler_enabled=_switch(environ, "NOPE_SCHEDULER"),
        encryption_keys=encryption_keys(environ, development=development_mode(environ)),
        app_token=app_token,
    )
