"""Free text and tokens at rest: Fernet tokens under the keys from NOPE_ENCRYPTION_KEY.

The first key encrypts; every key decrypts, so a new key can be put in front and the old data
re-encrypted later (`nope keys rotate`). Values written before encryption existed are read as
they are and encrypted by the next rotation.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

logger = logging.getLogger(__name__)

# Every Fernet token starts with its version byte 0x80, which urlsafe base64 writes as "gAAAAA".
_TOKEN_PREFIX = "gAAAAA"


class EncryptionKeyError(Exception):
    """A key is malformed, missing, or does not open stored data; the message says which."""


class Keyring:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise EncryptionKeyError("no encryption key is configured")
        try:
            self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys])
        except (ValueError, UnicodeEncodeError):
            raise EncryptionKeyError(
                "an encryption key is not a Fernet key (32 url-safe base64-encoded bytes): "
                "make one with `nope keys generate`"
            ) from None

    def encrypt(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode("utf-8")).decode("ascii")

    def decrypt(self, stored: str) -> str:
        if not is_encrypted(stored):
            return stored
        try:
            return self._fernet.decrypt(stored.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise EncryptionKeyError(
                "stored data was encrypted with a key that is not in NOPE_ENCRYPTION_KEY: "
                "list the old key after the new one"
            ) from None

    def rotate(self, stored: str) -> str:
        """The value encrypted under the first key (plain legacy values get encrypted)."""
        return self.encrypt(self.decrypt(stored))


def is_encrypted(stored: str) -> bool:
    return stored.startswith(_TOKEN_PREFIX)


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


_lock = threading.Lock()
_active: Keyring | None = None


def use_keys(keys: Sequence[str]) -> Keyring:
    """Make these keys the process's keys: the database columns below encrypt and decrypt with them."""
    global _active
    keyring = Keyring(keys)
    with _lock:
        _active = keyring
    return keyring


def keyring_in_use() -> Keyring | None:
    return _active


def active_keyring() -> Keyring:
    keyring = _active
    if keyring is None:
        raise EncryptionKeyError("no encryption key is in use: the app sets one at start-up")
    return keyring


def local_development_key(path: Path) -> str:
    """A key kept in a local file, made on first use: for development only, and said loudly."""
    if path.exists():
        key = path.read_text(encoding="ascii").strip()
    else:
        key = generate_key()
        # Readable by its owner only: whoever reads it reads every stored story.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as key_file:
            key_file.write(key + "\n")
    logger.warning(
        "DEVELOPMENT MODE: free text is encrypted with the local key in %s. "
        "Never use this in production: set NOPE_ENCRYPTION_KEY (make one with `nope keys generate`).",
        path,
    )
    return key


class EncryptedText(TypeDecorator[str]):
    """A text column stored as a Fernet token under the process's keys."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else active_keyring().encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else active_keyring().decrypt(value)
