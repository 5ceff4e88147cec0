"""Where OAuth installs live: slack_sdk's SQLAlchemy stores on Nope's database, tokens encrypted."""

from __future__ import annotations

import copy
from typing import TypeVar

from slack_bolt.error import BoltError
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from storage.crypto import active_keyring, is_encrypted
from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, SLACK_OAUTH_STATES, SLACK_TOKEN_COLUMNS, Base

# An install link is good for ten minutes.
STATE_EXPIRATION_SECONDS = 600

Stored = TypeVar("Stored", Installation, Bot)


def _sealed(stored: Stored) -> Stored:
    """A copy with every token encrypted (tokens already encrypted stay as they are)."""
    sealed = copy.copy(stored)
    keyring = active_keyring()
    for name in SLACK_TOKEN_COLUMNS:
        value = getattr(sealed, name, None)
        if value and not is_encrypted(value):
            setattr(sealed, name, keyring.encrypt(value))
    return sealed


def _opened(stored: Stored) -> Stored:
    keyring = active_keyring()
    for name in SLACK_TOKEN_COLUMNS:
        value = getattr(stored, name, None)
        if value:
            setattr(stored, name, keyring.decrypt(value))
    return stored


class EncryptedInstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's store on the tables Nope's migrations create, with tokens encrypted at rest."""

    def __init__(self, client_id: str, engine: Engine) -> None:
        super().__init__(client_id=client_id, engine=engine)
        self.metadata = Base.metadata
        self.installations = SLACK_INSTALLATIONS
        self.bots = SLACK_BOTS

    def save(self, installation: Installation) -> None:
        try:
            super().save(_sealed(installation))
        except SQLAlchemyError as error:
            # Bolt turns a BoltError into its "could not store the installation" page.
            raise BoltError(f"the installation could not be stored: {error.__class__.__name__}") from error

    def save_bot(self, bot: Bot) -> None:
        super().save_bot(_sealed(bot))

    def build_installation_entity(self, row: object) -> Installation:
        return _opened(super().build_installation_entity(row))

    def build_bot_entity(self, row: object) -> Bot:
        return _opened(super().build_bot_entity(row))


def installation_store(client_id: str, engine: Engine) -> EncryptedInstallationStore:
    return EncryptedInstallationStore(client_id=client_id, engine=engine)


def oauth_state_store(engine: Engine) -> SQLAlchemyOAuthStateStore:
    store = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_EXPIRATION_SECONDS, engine=engine)
    store.metadata = Base.metadata
    store.oauth_states = SLACK_OAUTH_STATES
    return store
