"""No log line ever holds a person's words, a token or the signing secret, whatever the log level."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from blocks import reflection_views as steps
from blocks.log_rejection_modal import STORY_BLOCK
from blocks.logged_view import REFLECT_NOW_ACTION
from blocks.settings_view import CHANNELS_BLOCK
from slack_api.client import FOR_SCHEDULER, slack_client
from slack_api.workspaces import one_workspace
from storage.db import create_db_engine
from storage.models import Rejection
from tests.conftest import ANNA, SIGNING_SECRET
from tests.harness import SlackSide, button_value, input_block_id, updated_view
from tests.test_log_no_flow import ANSWERS, stored_rows
from tests.test_reflection_flow import log_a_no
from tests.test_settings import BOSS, CHOICES, boss, settings_modal  # noqa: F401 (boss is a fixture)
from use_cases.digest_delivery import send_digest_now

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Words only the person typed: none of them may appear in any log record.
PRIVATE_WORDS = ("Zebrafinch", "Quokkamood", "Narwhaltale", "Pangolinstory", "Axolotlplan")
BROKEN_STORY = "broken emoji \ud83d about Zebrafinch"
LOGGERS = ("", "nope", "sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "slack_bolt", "slack_sdk", "werkzeug")


def formatted(record: logging.LogRecord) -> str:
    """The record as a handler would write it, traceback and chained causes included."""
    return logging.Formatter("%(name)s %(levelname)s %(message)s").format(record)


def test_a_full_run_at_debug_logs_no_private_words_token_or_secret(build_app, web_api, config, boss, caplog):  # noqa: F811
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    flask_app = build_app()
    slack = SlackSide(flask_app, SIGNING_SECRET, web_api)

    logged = log_a_no(slack, web_api, answers={**ANSWERS, STORY_BLOCK: BROKEN_STORY})
    slack.click_in_modal(ANNA, logged, REFLECT_NOW_ACTION, button_value(logged, REFLECT_NOW_ACTION))
    feel = updated_view(web_api)
    story = slack.submit(ANNA, feel, {steps.FEELING_NOTE_BLOCK: "Quokkamood \ud83d"}).get_json()["view"]
    reframe = slack.submit(ANNA, story, {steps.HEAD_STORY_BLOCK: "I'm a Narwhaltale failure, they think I'm worthless"})
    reframe_view = reframe.get_json()["view"]
    new_story = {input_block_id(reframe_view, steps.NEW_STORY_BLOCK): "Pangolinstory \udc00"}
    feedback = slack.submit(ANNA, reframe_view, new_story).get_json()["view"]
    brave = slack.submit(ANNA, feedback, {}).get_json()["view"]
    tomorrow = (datetime.now(AMSTERDAM) + timedelta(days=1)).date()
    brave_step = {
        input_block_id(brave, steps.BRAVE_STEP_TEXT_BLOCK): "Axolotlplan",
        steps.BRAVE_STEP_DATE_BLOCK: tomorrow.isoformat(),
        steps.BRAVE_STEP_TIME_BLOCK: "10:00",
    }
    remember = slack.submit(ANNA, brave, brave_step).get_json()["view"]
    assert remember["callback_id"] == steps.callback_id(steps.REMEMBER)

    settings = slack.submit(BOSS, settings_modal(slack, web_api), {**CHOICES, CHANNELS_BLOCK: ["C0JOINED"]})
    assert settings.get_json()["response_action"] == "update"
    workspaces = one_workspace(slack_client(config, patience=FOR_SCHEDULER))
    core = flask_app.extensions["nope.core"]
    assert send_digest_now(core, workspaces, BOSS.team_id, "C0JOINED", core.clock()).posted

    flask_app.extensions["nope.listener_executor"].shutdown(wait=True)
    lines = [formatted(record) for record in caplog.records]
    assert any(line.startswith("sqlalchemy.engine") for line in lines)  # the engine did log, at DEBUG
    leaks = {
        secret: sorted({line[:60] for line in lines if secret in line})
        for secret in (*PRIVATE_WORDS, web_api.bot_token, SIGNING_SECRET)
    }
    assert not any(leaks.values()), leaks
    # The half emoji became U+FFFD: the story was stored, whole otherwise.
    [rejection] = stored_rows(config.database_url, Rejection)
    assert rejection.story == "broken emoji \ufffd about Zebrafinch"


def test_a_failing_statement_never_shows_its_parameters(database_url):
    engine = create_db_engine(database_url)
    with pytest.raises(SQLAlchemyError) as failure, engine.connect() as connection:
        connection.execute(text("SELECT * FROM no_such_table WHERE story = :story"), {"story": PRIVATE_WORDS[0]})
    engine.dispose()
    assert PRIVATE_WORDS[0] not in str(failure.value)
