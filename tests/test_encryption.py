"""Stories, reflections and OAuth tokens are encrypted at rest, and keys can be rotated."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import Text, insert, select, type_coerce

from coach.records import NewRejection
from config import DEVELOPMENT_KEY_FILE, ConfigError, load_config
from storage.crypto import EncryptionKeyError, Keyring, use_keys
from storage.db import create_db_engine, session_factory
from storage.installations import installation_store
from storage.migrate import upgrade
from storage.models import SLACK_BOTS, Rejection
from storage.rejections import add_rejection
from tests.conftest import TEST_ENCRYPTION_KEY

NOPE = Path(sys.executable).with_name("nope")
STORY = "The client said no to my pitch <!channel>"
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
SLACK = {"SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN": "xoxb-1"}


@pytest.fixture
def engine(database_url):
    engine = create_db_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def log_story(engine, story: str = STORY) -> int:
    new_rejection = NewRejection(
        kind="sales_pitch", form="explicit", feeling="hurt", intensity=3, story=story, counts_in_tally=True
    )
    with session_factory(engine).begin() as session:
        return add_rejection(
            session, workspace_id="T1", organisation_id=None, user_id="U1", logged_at=NOW, new_rejection=new_rejection
        ).id


def raw_story(engine, rejection_id: int) -> str:
    with engine.connect() as connection:
        query = select(type_coerce(Rejection.story, Text)).where(Rejection.id == rejection_id)
        return connection.execute(query).scalar_one()


def test_a_story_is_stored_encrypted_and_read_back_as_written(engine):
    rejection_id = log_story(engine)

    stored = raw_story(engine, rejection_id)

    assert "pitch" not in stored and stored.startswith("gAAAAA")
    assert Fernet(TEST_ENCRYPTION_KEY).decrypt(stored.encode()).decode() == STORY
    with session_factory(engine)() as session:
        assert session.get(Rejection, rejection_id).story == STORY


def test_a_missing_key_stops_reading_with_a_clear_error_instead_of_showing_ciphertext(engine):
    rejection_id = log_story(engine)
    use_keys([Fernet.generate_key().decode()])
    with session_factory(engine)() as session, pytest.raises(EncryptionKeyError, match="list the old key after"):
        session.get(Rejection, rejection_id)


def test_nope_keys_rotate_moves_stories_tokens_and_old_plain_text_onto_the_new_key(engine, database_url, tmp_path):
    rejection_id = log_story(engine)
    store = installation_store("client", engine)
    store.save(Installation(app_id="A1", team_id="T1", user_id="U1", bot_token="xoxb-secret", bot_id="B1"))
    with engine.begin() as connection:
        # A story written before Nope encrypted anything.
        legacy_id = connection.execute(
            insert(Rejection)
            .values(
                workspace_id="T1",
                user_id="U1",
                logged_at=NOW,
                kind="other",
                form="explicit",
                feeling="hurt",
                intensity=1,
                story=type_coerce("an old plain story", Text),
                counts_in_tally=True,
            )
            .returning(Rejection.id)
        ).scalar_one()
    new_key = Fernet.generate_key().decode()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NOPE_"))}
    environment.update(DATABASE_URL=database_url, NOPE_ENCRYPTION_KEY=f"{new_key},{TEST_ENCRYPTION_KEY}")

    result = subprocess.run(
        [str(NOPE), "keys", "rotate"], env=environment, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    assert "rejections: 2 row(s) re-encrypted" in result.stdout
    only_new = Keyring([new_key])
    assert only_new.decrypt(raw_story(engine, rejection_id)) == STORY
    assert only_new.decrypt(raw_story(engine, legacy_id)) == "an old plain story"
    with engine.connect() as connection:
        token = connection.execute(select(SLACK_BOTS.c.bot_token)).scalar_one()
    assert only_new.decrypt(token) == "xoxb-secret"
    use_keys([new_key])
    assert store.find_bot(enterprise_id=None, team_id="T1").bot_token == "xoxb-secret"


def test_nope_keys_generate_prints_a_working_key():
    result = subprocess.run([str(NOPE), "keys", "generate"], capture_output=True, text=True, timeout=60)
    key = result.stdout.strip()
    assert Keyring([key]).decrypt(Keyring([key]).encrypt("x")) == "x"


def test_production_refuses_to_start_without_a_key():
    with pytest.raises(ConfigError, match="NOPE_ENCRYPTION_KEY is not set"):
        load_config(SLACK)


def test_a_malformed_key_is_explained():
    with pytest.raises(ConfigError, match="nope keys generate"):
        load_config({**SLACK, "NOPE_ENCRYPTION_KEY": "not-a-key"})


def test_development_mode_makes_a_private_local_key_and_says_so_loudly(tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    first = load_config({**SLACK, "NOPE_ENV": "development"})
    second = load_config({**SLACK, "NOPE_ENV": "development"})

    key_file = tmp_path / DEVELOPMENT_KEY_FILE
    assert first.encryption_keys == second.encryption_keys == (key_file.read_text().strip(),)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "DEVELOPMENT MODE" in caplog.text and "Never use this in production" in caplog.text
