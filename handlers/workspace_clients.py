"""A Web API client for a workspace outside a request (the weekly digest): its own token in OAuth mode."""

from __future__ import annotations

from collections.abc import Callable

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from config import Config
from handlers.web_client import slack_client
from storage.installations import EncryptedInstallationStore
from storage.workspaces import organisation_of

# A workspace's client, or None when Nope is not (or no longer) installed there.
ClientFor = Callable[[str], WebClient | None]


def one_client(client: WebClient) -> ClientFor:
    """Single-workspace mode: the configured bot token serves every workspace id."""
    return lambda _team_id: client


def installed_clients(config: Config, store: EncryptedInstallationStore, sessions: sessionmaker[Session]) -> ClientFor:
    def client_for(workspace_id: str) -> WebClient | None:
        with sessions() as session:
            organisation_id = organisation_of(session, workspace_id)
        bot = store.find_bot(enterprise_id=organisation_id, team_id=workspace_id)
        if bot is None and organisation_id:
            # Installed once for the whole org: one bot serves every workspace in it.
            bot = store.find_bot(enterprise_id=organisation_id, team_id=None, is_enterprise_install=True)
        return slack_client(config, token=bot.bot_token) if bot and bot.bot_token else None

    return client_for


def workspace_clients(config: Config, sessions: sessionmaker[Session]) -> ClientFor:
    if not config.oauth_enabled:
        return one_client(slack_client(config))
    from storage.installations import installation_store

    engine = sessions.kw["bind"]
    return installed_clients(config, installation_store(config.client_id, engine), sessions)
