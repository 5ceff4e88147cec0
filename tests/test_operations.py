"""What an operator's tools see: liveness and readiness, request ids in responses and JSON log lines,
and Prometheus metrics for acknowledgements and Slack's errors."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from logs import configure_logging
from slack_api.client import FOR_SCHEDULER, slack_client
from slack_api.workspaces import one_workspace
from storage.db import create_db_engine
from storage.migrate import alembic_config
from tests.conftest import ANNA, SIGNING_SECRET, config_for
from tests.harness import SlackSide, opened_view
from tests.test_digest_delivery import FRIDAY_AFTER, TEAM, log, set_up_workspace
from tests.test_log_no_flow import ANSWERS
from use_cases.digest_delivery import send_digest_now

ROOT = Path(__file__).resolve().parent.parent
READY = {"status": "ready", "database": "ok", "schema": "ok"}


def sample(slack: SlackSide, name: str, **labels: str) -> float:
    """The samples of `name` with these labels on /metrics, added up (0 when none was counted yet)."""
    response = slack.client.get("/metrics")
    assert response.status_code == 200 and response.content_type.startswith("text/plain")
    return sum(
        found.value
        for family in text_string_to_metric_families(response.get_data(as_text=True))
        for found in family.samples
        if found.name == name and all(found.labels.get(key) == value for key, value in labels.items())
    )


def finish_lazy_work(slack: SlackSide) -> None:
    slack.client.application.extensions["nope.listener_executor"].shutdown(wait=True)


@pytest.fixture
def json_log():
    """Nope's logging as `nope serve` sets it up, into a buffer; pytest's own handlers back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    buffer = io.StringIO()
    configure_logging("json", stream=buffer)
    yield buffer
    root.handlers[:] = handlers
    root.setLevel(level)


def test_healthz_says_the_process_lives_and_readyz_that_database_and_schema_are_ready(slack):
    assert slack.client.get("/healthz").get_json() == {"status": "ok"}
    response = slack.client.get("/readyz")
    assert response.status_code == 200 and response.get_json() == READY


@pytest.mark.parametrize(
    "unreachable_url",
    ["sqlite:////nonexistent-dir/for/nope.db", "postgresql://postgres@127.0.0.1:9/nope"],
    ids=["sqlite", "postgresql"],
)
def test_without_its_database_the_process_is_alive_but_not_ready(web_api, app_factory, unreachable_url):
    slack = SlackSide(app_factory(config_for(web_api, unreachable_url)), SIGNING_SECRET, web_api)
    assert slack.client.get("/healthz").status_code == 200
    response = slack.client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "database": "unreachable", "schema": "unknown"}

    failures = sample(slack, "nope_database_errors_total")
    slack.command(ANNA)
    slack.submit(ANNA, opened_view(web_api), ANSWERS)  # storing the no fails
    deadline = time.monotonic() + 10  # lazy work counts too: wait for it
    while sample(slack, "nope_database_errors_total") < failures + 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sample(slack, "nope_database_errors_total") >= failures + 2


def test_an_old_schema_is_not_ready(slack, database_url):
    engine = create_db_engine(database_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
    engine.dispose()

    response = slack.client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "database": "ok", "schema": "out of date"}
    assert slack.client.get("/healthz").status_code == 200


def test_every_response_has_a_request_id_a_sane_one_offered_is_kept(slack):
    made = slack.client.get("/healthz").headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert slack.client.get("/healthz").headers["X-Request-Id"] != made
    offered = "proxy-7f3c9a12-0001"
    assert slack.client.get("/healthz", headers={"X-Request-Id": offered}).headers["X-Request-Id"] == offered
    for odd in ("short", "x" * 200, "with space and <tags>"):
        kept = slack.client.get("/healthz", headers={"X-Request-Id": odd}).headers["X-Request-Id"]
        assert re.fullmatch(r"[0-9a-f]{32}", kept)


def test_log_lines_are_json_and_carry_the_request_id_into_lazy_work(slack, web_api, json_log):
    web_api.fail("views.open", error="internal_error")
    response = slack.command(ANNA)
    assert response.status_code == 200
    finish_lazy_work(slack)  # the modal opens in lazy work, on a listener thread

    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert lines and all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    [failed] = [line for line in lines if "views.open failed" in line["message"]]
    assert failed["level"] == "WARNING"
    assert failed["request_id"] == response.headers["X-Request-Id"]


def test_metrics_count_a_command_s_ack_its_latency_and_slack_s_refusal(slack, web_api):
    acks = sample(slack, "nope_acks_total", surface="command")
    timed = sample(slack, "nope_ack_seconds_count", surface="command")
    within_3s = sample(slack, "nope_ack_seconds_bucket", surface="command", le="3.0")
    refused = sample(slack, "nope_slack_api_errors_total", method="views.open", error="not_allowed_token_type")

    web_api.fail("views.open", error="not_allowed_token_type")
    slack.command(ANNA)
    finish_lazy_work(slack)

    assert sample(slack, "nope_acks_total", surface="command") == acks + 1
    assert sample(slack, "nope_ack_seconds_count", surface="command") == timed + 1
    assert sample(slack, "nope_ack_seconds_bucket", surface="command", le="3.0") == within_3s + 1
    assert (
        sample(slack, "nope_slack_api_errors_total", method="views.open", error="not_allowed_token_type") == refused + 1
    )


def counted_digests(outcome: str) -> float:
    return REGISTRY.get_sample_value("nope_digests_total", {"outcome": outcome}) or 0.0


@pytest.fixture
def workspaces(config):
    return one_workspace(slack_client(config, patience=FOR_SCHEDULER))


def test_metrics_count_digests_posted_failed_and_skipped(sessions, core, workspaces, web_api):
    set_up_workspace(sessions, channels=("C0GONE", "C0TEAM"))
    for user_id in ("U1", "U2", "U3"):
        log(sessions, user_id)
    before = {outcome: counted_digests(outcome) for outcome in ("posted", "failed", "skipped")}

    web_api.fail("chat.postMessage", error="channel_not_found")
    assert send_digest_now(core, workspaces, TEAM, "C0GONE", FRIDAY_AFTER).failed
    assert send_digest_now(core, workspaces, TEAM, "C0TEAM", FRIDAY_AFTER).posted
    send_digest_now(core, workspaces, TEAM, "C0TEAM", FRIDAY_AFTER)  # posted already this week

    after = {outcome: counted_digests(outcome) for outcome in ("posted", "failed", "skipped")}
    assert after == {outcome: count + 1 for outcome, count in before.items()}


def test_with_a_multiprocess_directory_each_process_shows_what_all_of_them_counted(tmp_path):
    # As gunicorn's workers do: separate processes, one directory; here one counts, another answers.
    environment = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    counting = "import metrics; metrics.count_digest('posted'); metrics.count_digest('posted')"
    answering = "import metrics; print(metrics.exposition()[0].decode())"
    for code in (counting, counting):
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, check=True)
    shown = subprocess.run(
        [sys.executable, "-c", answering], cwd=ROOT, env=environment, check=True, capture_output=True, text=True
    ).stdout
    assert 'nope_digests_total{outcome="posted"} 4.0' in shown
