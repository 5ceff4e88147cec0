"""Nope in each workspace outside a request (the weekly digest): its own token in OAuth mode."""

from __future__ import annotations

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from config import Config
from slack_api.client import FOR_SCHEDULER, slack_client
from slack_api.workspace import SlackWorkspace
from storage.installations import EncryptedInstallationStore
from storage.workspaces import organisation_of
from use_cases.ports import WorkspaceFor


def one_workspace(client: WebClient) -> WorkspaceFor:
    """Single-workspace mode: the configured bot token serves every workspace id."""
    workspace = SlackWorkspace(client)
    return lambda _workspace_id: workspace


def installed_workspaces(
    config: Config, store: EncryptedInstallationStore, sessions: sessionmaker[Session]
) -> WorkspaceFor:
    def workspace_for(workspace_id: str) -> SlackWorkspace | None:
        with sessions() as session:
            organisation_id = organisation_of(session, workspace_id)
        bot = store.find_bot(enterprise_id=organisation_id, team_id=workspace_id)
        if bot is None and organisation_id:
            # Installed once for the whole org: one bot serves every workspace in it.
            bot = store.find_bot(enterprise_id=organisation_id, team_id=None, is_enterprise_install=True)
        if bot is None or not bot.bot_token:
            return None
        return SlackWorkspace(slack_client(config, token=bot.bot_token, patience=FOR_SCHEDULER))

    return workspace_for


def slack_workspaces(config: Config, sessions: sessionmaker[Session]) -> WorkspaceFor:
    if not config.oauth_enabled:
        return one_workspace(slack_client(config, patience=FOR_SCHEDULER))
    from storage.installations import installation_store

    engine = sessions.kw["bind"]
    return installed_workspaces(config, installation_store(config.client_id, engine), sessions)
