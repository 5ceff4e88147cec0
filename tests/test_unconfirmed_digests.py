"""A digest post whose outcome is unknown (Slack got it, its answer never came) is never posted twice:
the retry looks for it in the channel first. The scheduler's client, against the stand-in over HTTP."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from http.client import RemoteDisconnected
from urllib.error import URLError

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from slack_api.client import FOR_SCHEDULER, may_have_happened, slack_client
from slack_api.workspace import DIGEST_EVENT_TYPE
from slack_api.workspaces import one_workspace
from storage.digest_runs import MAX_ATTEMPTS, POSTED, UNKNOWN
from storage.models import DigestRun
from tests.test_digest_delivery import FRIDAY_AFTER, TEAM, posts, set_up_workspace
from tests.test_log_no_flow import stored_rows
from use_cases.digest_delivery import RETRY_AFTER_FAILURE, send_due_digests

# The stand-in answers after this long; the scheduler's client stops waiting long before.
SLACK_ANSWERS_AFTER = 30
CLIENT_GIVES_UP_AFTER = 0.5


@pytest.fixture
def impatient(config):
    """The scheduler's workspaces, with a client that gives up as the real one does, only sooner."""
    patience = replace(FOR_SCHEDULER, timeout_seconds=CLIENT_GIVES_UP_AFTER)
    return one_workspace(slack_client(config, patience=patience))


def test_a_post_slack_got_but_did_not_answer_is_found_in_the_channel_not_posted_again(
    sessions, core, impatient, web_api, database_url
):
    set_up_workspace(sessions)
    web_api.answer_late("chat.postMessage", SLACK_ANSWERS_AFTER)

    first = send_due_digests(core, impatient, FRIDAY_AFTER)

    [(_, _, error)] = first.failed
    assert error.startswith("may be posted")
    [run] = stored_rows(database_url, DigestRun)
    assert (run.status, run.attempts, run.unconfirmed_since is not None) == (UNKNOWN, 1, True)
    [posted] = web_api.history("C0TEAM")  # Slack has it
    assert posted["metadata"] == {"event_type": DIGEST_EVENT_TYPE, "event_payload": {"run_id": run.id}}

    later = send_due_digests(core, impatient, FRIDAY_AFTER + RETRY_AFTER_FAILURE + timedelta(minutes=1))

    assert later.posted == [(TEAM, "C0TEAM")]
    assert len(posts(web_api, "C0TEAM")) == 1
    assert len(web_api.history("C0TEAM")) == 1
    [run] = stored_rows(database_url, DigestRun)
    assert (run.status, run.attempts, run.message_ts) == (POSTED, 2, posted["ts"])
    [looked] = web_api.calls("conversations.history")
    assert looked.params["include_all_metadata"] in {"1", "true", True}
    # Only what came after the first post is read (with a minute's room for the clocks).
    assert float(posted["ts"]) - 120 < float(looked.params["oldest"]) <= float(posted["ts"])


def test_a_post_slack_failed_on_is_looked_for_and_posted_once_when_it_is_not_there(
    sessions, core, impatient, web_api, database_url
):
    set_up_workspace(sessions)
    web_api.fail("chat.postMessage", status=500)  # "it's possible some aspect of the operation succeeded"

    assert send_due_digests(core, impatient, FRIDAY_AFTER).posted == []
    assert len(posts(web_api)) == 1  # not repeated at once by the client either

    later = send_due_digests(core, impatient, FRIDAY_AFTER + RETRY_AFTER_FAILURE + timedelta(minutes=1))

    assert later.posted == [(TEAM, "C0TEAM")]
    assert len(web_api.calls("conversations.history")) == 1
    assert len(web_api.history("C0TEAM")) == 1
    [run] = stored_rows(database_url, DigestRun)
    assert (run.status, run.attempts) == (POSTED, 2)


def test_when_the_channel_cannot_be_read_nothing_is_posted_and_the_run_says_why(
    sessions, core, impatient, web_api, database_url
):
    set_up_workspace(sessions)
    web_api.answer_late("chat.postMessage", SLACK_ANSWERS_AFTER)
    web_api.fail("conversations.history", error="missing_scope", times=MAX_ATTEMPTS)
    send_due_digests(core, impatient, FRIDAY_AFTER)

    for retry in range(1, MAX_ATTEMPTS + 2):
        later = FRIDAY_AFTER + retry * (RETRY_AFTER_FAILURE + timedelta(minutes=1))
        assert send_due_digests(core, impatient, later).posted == []

    assert len(posts(web_api)) == 1
    assert len(web_api.calls("conversations.history")) == MAX_ATTEMPTS - 1  # one look per retry, then given up
    [run] = stored_rows(database_url, DigestRun)
    assert (run.status, run.attempts) == (UNKNOWN, MAX_ATTEMPTS)
    assert "missing_scope" in run.last_error and "not posted" in run.last_error


def _refusal(status: int, error: str) -> SlackApiError:
    body = {"ok": False, "error": error}
    response = SlackResponse(
        client=None, http_verb="POST", api_url="", req_args={}, data=body, headers={}, status_code=status
    )
    return SlackApiError(error, response)


@pytest.mark.parametrize(
    ("error", "maybe"),
    [
        (TimeoutError("timed out"), True),  # the answer did not come in time
        (RemoteDisconnected("gone"), True),  # the connection dropped while waiting for it
        (_refusal(500, "internal_error"), True),
        (_refusal(200, "fatal_error"), True),
        (URLError(ConnectionRefusedError()), False),  # never sent
        (_refusal(429, "ratelimited"), False),
        (_refusal(200, "not_in_channel"), False),
    ],
)
def test_what_may_have_happened_at_slack(error, maybe):
    assert may_have_happened(error) is maybe
