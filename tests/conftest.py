"""Fixtures: a real database (SQLite, and PostgreSQL when NOPE_TEST_POSTGRES_URL is set), the Slack
Web API stand-in over HTTP, and Nope itself built by its application factory."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from config import Config
from slack_app.factory import create_app
from slack_standin.web_api import Member, SlackWebAPI
from storage.crypto import use_keys
from storage.db import create_db_engine, session_factory
from storage.migrate import upgrade
from tests.harness import Person, SlackSide
from use_cases.core import Core, with_sessions

SIGNING_SECRET = "test-signing-secret"
# A fixed Fernet key, so that stored stories and tokens are encrypted in every test as in production.
TEST_ENCRYPTION_KEY = "yPXS8R0nBnXZb4-oqz5U-0i6v0M9d6pYJ4sL1YQF3aY="
POSTGRES_URL = os.environ.get("NOPE_TEST_POSTGRES_URL")

ANNA = Person("U0ANNA")  # English locale
BRAM = Person("U0BRAM")  # Dutch locale


@pytest.fixture(autouse=True)
def no_real_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing in a test may reach real Slack credentials, keys or a real database by accident."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "NOPE_ENCRYPTION", "NOPE_ENV")) or name in {"DATABASE_URL", "PORT"}:
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def encryption_keys() -> None:
    """Tests that use the storage layer without the app still read and write encrypted columns."""
    use_keys([TEST_ENCRYPTION_KEY])


def _fresh_postgres(url: str) -> str:
    engine = create_db_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'nope.db'}"
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL half: NOPE_TEST_POSTGRES_URL is not set")
        pytest.skip("NOPE_TEST_POSTGRES_URL is not set")
    return _fresh_postgres(POSTGRES_URL)


@pytest.fixture
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    """Sessions on the test's database, its schema up to date, for tests that use storage directly."""
    engine = create_db_engine(database_url)
    upgrade(engine)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def core(sessions: sessionmaker[Session]) -> Core:
    """The use cases' core on the test's database, for tests that run a use case without any Slack request."""
    return with_sessions(sessions)


@pytest.fixture
def web_api() -> Iterator[SlackWebAPI]:
    with SlackWebAPI() as api:
        api.add_member(Member(ANNA.user_id, "anna", locale="en-US", tz="Europe/Amsterdam"))
        api.add_member(Member(BRAM.user_id, "bram", locale="nl-NL", tz="Europe/Amsterdam"))
        yield api


def config_for(web_api: SlackWebAPI, database_url: str) -> Config:
    """Nope's settings in a test: the stand-in's token and address, this database, the test key."""
    return Config(
        signing_secret=SIGNING_SECRET,
        bot_token=web_api.bot_token,
        slack_api_url=web_api.api_url,
        database_url=database_url,
        encryption_keys=(TEST_ENCRYPTION_KEY,),
    )


@pytest.fixture
def config(web_api: SlackWebAPI, database_url: str) -> Config:
    return config_for(web_api, database_url)


@pytest.fixture
def app_factory(web_api: SlackWebAPI) -> Iterator[Callable[[Config], Flask]]:
    """Builds Nope like a process start would; afterwards its lazy work finishes and its pool closes.

    It asks for the stand-in so that the stand-in is stopped only after this teardown.
    """
    built: list[Flask] = []

    def build(config: Config) -> Flask:
        built.append(create_app(config))
        return built[-1]

    yield build
    for flask_app in built:
        # Lazy work still under way finishes while the stand-in is still there to answer it.
        flask_app.extensions["nope.listener_executor"].shutdown(wait=True)
        flask_app.extensions["nope.engine"].dispose()


@pytest.fixture
def build_app(app_factory: Callable[[Config], Flask], config: Config) -> Callable[[], Flask]:
    return lambda: app_factory(config)


@pytest.fixture
def slack(build_app: Callable[[], Flask], web_api: SlackWebAPI) -> SlackSide:
    return SlackSide(build_app(), SIGNING_SECRET, web_api)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the thinking-trap quality tables (filled in by tests/test_trap_quality.py) after every run."""
    from tests.trap_quality import REPORT

    if REPORT:
        terminalreporter.section("thinking-trap detection quality (* = core trap)")
        for line in REPORT:
            terminalreporter.write_line(line)
