"""The weekly digest, end to end: due digests claimed in the database and posted to the stand-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from blocks.home_view import LOG_REJECTION_ACTION
from coach.records import NewRejection
from config import Config
from digest.settings import WorkspaceSettings
from slack_api.client import FOR_SCHEDULER, slack_client
from slack_api.workspaces import one_workspace
from slack_standin.web_api import Member, SlackWebAPI
from storage.digest_runs import ABANDONED, FAILED, MAX_ATTEMPTS, POSTED, claim_run, settled_runs
from storage.managers import add_manager
from storage.models import DigestRun
from storage.rejections import add_rejection
from storage.workspaces import save_settings, workspace_settings
from tests.conftest import ANNA
from tests.harness import all_text, opened_view, structured
from tests.test_log_no_flow import stored_rows
from use_cases.digest_delivery import WORKSPACES_IN_FLIGHT, send_digest_now, send_due_digests
from use_cases.digests import digest_now

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TEAM = "T0001"
# Friday 27 November 2026, 16:05 in Amsterdam: five minutes after the default digest time.
FRIDAY_AFTER = datetime(2026, 11, 27, 16, 5, tzinfo=AMSTERDAM)
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM)
NOPE = Path(sys.executable).with_name("nope")


@pytest.fixture
def workspaces(web_api, config):
    web_api.add_member(Member("U0BOSS", "boss", is_admin=True))
    return one_workspace(slack_client(config, patience=FOR_SCHEDULER))


def set_up_workspace(sessions, channels=("C0TEAM",), **settings) -> None:
    values = {"timezone": "Europe/Amsterdam", "channels": tuple(channels), **settings}
    with sessions.begin() as session:
        save_settings(session, WorkspaceSettings(workspace_id=TEAM, **values), datetime.now(UTC))


def log(sessions, user_id: str, kind: str = "job_application", *, at: datetime = MONDAY, counts: bool = True) -> None:
    with sessions.begin() as session:
        add_rejection(
            session,
            workspace_id=TEAM,
            organisation_id=None,
            user_id=user_id,
            logged_at=at,
            new_rejection=NewRejection(kind, "explicit", "hurt", 3, "private words <@U0SECRET>", counts),
        )


def posts(web_api, channel: str | None = None) -> list:
    return [call for call in web_api.calls("chat.postMessage") if channel is None or call.params["channel"] == channel]


def test_a_due_digest_goes_to_every_channel_once_with_its_chart(sessions, core, workspaces, web_api):
    set_up_workspace(sessions, channels=("C0TEAM", "C0MORE"))
    for user_id in ("U1", "U2", "U3"):
        log(sessions, user_id)
    log(sessions, "U1", "sales_pitch")

    report = send_due_digests(core, workspaces, FRIDAY_AFTER)

    assert sorted(report.posted) == [(TEAM, "C0MORE"), (TEAM, "C0TEAM")]
    [message] = posts(web_api, "C0TEAM")
    text = all_text(structured(message, "blocks"))
    assert "This week: 4 no's, 4 brave attempts" in text
    assert "Taken by *3 people* on the team." in text
    assert message.params["text"] == "This week: 4 no's, 4 brave attempts"
    # The chart image is uploaded into the message's thread.
    completions = web_api.calls("files.completeUploadExternal")
    # At most about one message a second per channel: the chart follows the message after a pause.
    [chart] = [call for call in completions if call.params["channel_id"] == "C0TEAM"]
    assert chart.at - message.at >= 1.0
    assert {call.params["channel_id"] for call in completions} == {"C0TEAM", "C0MORE"}
    assert all(call.params["thread_ts"] for call in completions)
    assert all(call.params["bytes"].startswith(b"\x89PNG") for call in web_api.calls("file_upload"))

    assert send_due_digests(core, workspaces, FRIDAY_AFTER + timedelta(minutes=1)).posted == []
    assert len(posts(web_api)) == 2


def test_nothing_is_posted_before_the_chosen_moment(sessions, core, workspaces, web_api):
    set_up_workspace(sessions)
    log(sessions, "U1")
    send_due_digests(core, workspaces, FRIDAY_AFTER - timedelta(minutes=6))
    assert posts(web_api) == []


def test_a_missed_digest_goes_out_later_that_week_but_not_the_next(sessions, core, workspaces, web_api):
    set_up_workspace(sessions)
    sunday_evening = datetime(2026, 11, 29, 20, 0, tzinfo=AMSTERDAM)  # the process was down since Friday

    assert send_due_digests(core, workspaces, sunday_evening).posted == [(TEAM, "C0TEAM")]
    assert send_due_digests(core, workspaces, sunday_evening + timedelta(hours=5)).posted == []  # Monday 01:00
    assert len(posts(web_api)) == 1


def test_below_k_people_the_digest_encourages_without_any_number(sessions, core, workspaces, web_api):
    set_up_workspace(sessions)
    log(sessions, "U1")
    log(sessions, "U1", "sales_pitch")
    log(sessions, "U2")
    log(sessions, "U3", counts=False)  # opted out of the tally: not counted, not a contributor

    send_due_digests(core, workspaces, FRIDAY_AFTER)

    [message] = posts(web_api)
    text = all_text(structured(message, "blocks"))
    assert "Another week of brave attempts" in text
    assert "at least 3 people took part" in text
    assert not any(character.isdigit() for character in text.replace("at least 3 people", ""))
    assert not web_api.calls("files.completeUploadExternal")


def test_exactly_k_people_show_numbers_and_small_kinds_fold_into_other(sessions, core, workspaces, web_api):
    set_up_workspace(sessions)
    for user_id in ("U1", "U2", "U3"):
        log(sessions, user_id, "job_application")
    log(sessions, "U1", "social")
    log(sessions, "U2", "creative_work")
    log(sessions, "U4", "idea_at_work")  # three people in the folded kinds: "other" is shown

    send_due_digests(core, workspaces, FRIDAY_AFTER)

    text = all_text(structured(posts(web_api)[0], "blocks"))
    assert "Taken by *4 people*" in text
    assert "*Job application*\n3" in text
    assert "*Everything else*\n3" in text
    assert "Social" not in text and "Creative work" not in text and "Idea at work" not in text


def test_nothing_in_a_digest_identifies_anyone(sessions, core, workspaces, web_api):
    set_up_workspace(sessions)
    for user_id in ("U1", "U2", "U3"):
        log(sessions, user_id)

    send_due_digests(core, workspaces, FRIDAY_AFTER)

    posted = json.dumps(posts(web_api)[0].params)
    for secret in ("U1", "U2", "U3", "private words", "U0SECRET"):
        assert secret not in posted


def test_a_raised_threshold_hides_a_smaller_week(sessions, core, workspaces, web_api):
    set_up_workspace(sessions, min_group=5)
    for user_id in ("U1", "U2", "U3", "U4"):
        log(sessions, user_id)

    send_due_digests(core, workspaces, FRIDAY_AFTER)

    assert "at least 5 people took part" in all_text(structured(posts(web_api)[0], "blocks"))


def test_a_rate_limited_post_waits_for_retry_after_and_goes_out_once(sessions, core, workspaces, web_api, database_url):
    set_up_workspace(sessions)
    web_api.fail("chat.postMessage", status=429, retry_after=1)

    report = send_due_digests(core, workspaces, FRIDAY_AFTER)

    first, second = posts(web_api)
    assert second.at - first.at >= 1.0
    assert report.posted == [(TEAM, "C0TEAM")]
    assert [run.status for run in stored_rows(database_url, DigestRun)] == [POSTED]


def test_a_refused_post_is_recorded_and_retried_later(sessions, core, workspaces, web_api, database_url):
    set_up_workspace(sessions)
    # Slack said no, and posted nothing: safe to post again later. (Errors after which it may have
    # posted are in tests/test_unconfirmed_digests.py.)
    web_api.fail("chat.postMessage", error="service_unavailable")

    assert send_due_digests(core, workspaces, FRIDAY_AFTER).failed == [(TEAM, "C0TEAM", "service_unavailable")]
    [run] = stored_rows(database_url, DigestRun)
    assert (run.status, run.attempts, run.last_error) == (FAILED, 1, "service_unavailable")

    assert send_due_digests(core, workspaces, FRIDAY_AFTER + timedelta(minutes=5)).posted == []
    later = send_due_digests(core, workspaces, FRIDAY_AFTER + timedelta(minutes=16))

    assert later.posted == [(TEAM, "C0TEAM")]
    [run] = stored_rows(database_url, DigestRun)
    assert (run.status, run.attempts) == (POSTED, 2)


def test_a_channel_nope_was_removed_from_is_reported_to_the_managers_not_retried(
    sessions, core, workspaces, web_api, database_url
):
    set_up_workspace(sessions, channels=("C0GONE", "C0TEAM"))
    with sessions.begin() as session:
        add_manager(session, TEAM, "U0HELPER", datetime.now(UTC))
    web_api.remove_bot_from("C0GONE")

    report = send_due_digests(core, workspaces, FRIDAY_AFTER)

    assert report.failed == [(TEAM, "C0GONE", "not_in_channel")]
    assert report.posted == [(TEAM, "C0TEAM")]
    notices = [call for call in posts(web_api) if call.params["channel"] == "DU0BOSS"]
    assert len(notices) == 1
    assert len([call for call in posts(web_api) if call.params["channel"] == "DU0HELPER"]) == 1
    assert "<#C0GONE>" in all_text(structured(notices[0], "blocks"))
    assert {run.channel_id: run.status for run in stored_rows(database_url, DigestRun)}["C0GONE"] == ABANDONED

    send_due_digests(core, workspaces, FRIDAY_AFTER + timedelta(hours=2))
    assert len(posts(web_api, "C0GONE")) == 1  # the one refused attempt, never again


def test_weeks_follow_the_workspaces_clock_across_daylight_saving(sessions, core):
    set_up_workspace(sessions)
    # Clocks go back in Amsterdam on Sunday 25 October 2026. Sunday 23:30 local is still that week;
    # Monday 00:30 local (Sunday 23:30 UTC) is the next one.
    for user_id in ("U1", "U2", "U3"):
        log(sessions, user_id, at=datetime(2026, 10, 25, 23, 30, tzinfo=AMSTERDAM))
        log(sessions, user_id, at=datetime(2026, 10, 26, 0, 30, tzinfo=AMSTERDAM))
        log(sessions, user_id, at=datetime(2026, 10, 26, 0, 30, tzinfo=AMSTERDAM))

    _, dst_week = digest_now(core, TEAM, datetime(2026, 10, 25, 23, 45, tzinfo=AMSTERDAM))
    _, next_week = digest_now(core, TEAM, datetime(2026, 10, 27, 12, 0, tzinfo=AMSTERDAM))

    assert (dst_week.week.rejections, next_week.week.rejections) == (3, 6)
    assert next_week.trend == 3


def test_sending_by_hand_still_posts_only_once_a_week(sessions, core, workspaces, web_api):
    set_up_workspace(sessions)
    assert send_digest_now(core, workspaces, TEAM, "C0TEAM", FRIDAY_AFTER).posted == [(TEAM, "C0TEAM")]
    assert send_digest_now(core, workspaces, TEAM, "C0TEAM", FRIDAY_AFTER).posted == []
    assert send_due_digests(core, workspaces, FRIDAY_AFTER).posted == []
    assert len(posts(web_api)) == 1


def test_the_digest_speaks_the_workspaces_language(sessions, core, workspaces, web_api):
    set_up_workspace(sessions, language="nl")
    for user_id in ("U1", "U2", "U3"):
        log(sessions, user_id)

    send_due_digests(core, workspaces, FRIDAY_AFTER)

    text = all_text(structured(posts(web_api)[0], "blocks"))
    assert "Deze week: 3 nee's, 3 dappere pogingen" in text
    assert "Leg een nee vast" in text


def nope_command(config: Config, *arguments: str) -> subprocess.Popen:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SLACK_")}
    environment.update(
        DATABASE_URL=config.database_url,
        SLACK_BOT_TOKEN=config.bot_token,
        SLACK_API_URL=config.slack_api_url,
        NOPE_ENCRYPTION_KEY=",".join(config.encryption_keys),
    )
    return subprocess.Popen(
        [str(NOPE), *arguments], env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_two_schedulers_at_once_post_each_digest_once(sessions, config, web_api):
    set_up_workspace(sessions, channels=("C0TEAM", "C0MORE", "C0THIRD"))
    moment = FRIDAY_AFTER.isoformat()

    runs = [nope_command(config, "digest", "send-due", "--now", moment) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    assert sorted(call.params["channel"] for call in posts(web_api)) == ["C0MORE", "C0TEAM", "C0THIRD"]
    posted_lines = [line for stdout, _ in outputs for line in stdout.splitlines() if line.startswith("posted:")]
    assert len(posted_lines) == 3


def test_preview_prints_the_digest_without_posting(sessions, config, web_api):
    set_up_workspace(sessions)
    for user_id in ("U1", "U2", "U3"):
        log(sessions, user_id)

    run = nope_command(
        config, "digest", "preview", "--workspace", TEAM, "--lang", "nl", "--now", FRIDAY_AFTER.isoformat()
    )
    stdout, stderr = run.communicate(timeout=60)

    assert run.returncode == 0, stderr
    text, _, block_kit = stdout.partition("\n{")
    assert text.startswith("Deze week: 3 nee's, 3 dappere pogingen\n")
    assert "Verzameld door *3 mensen* in het team." in text
    assert "Leg een nee vast" in text
    assert json.loads("{" + block_kit)["blocks"][0]["type"] == "header"
    assert posts(web_api) == []


def test_workspace_set_changes_the_schedule_and_refuses_a_lower_threshold(sessions, config, database_url):
    changed = nope_command(
        config, "workspace", "set", "--workspace", TEAM, "--digest-channel", "C0NEW", "--digest-day", "mon",
        "--digest-time", "9:30", "--timezone", "America/New_York", "--min-group", "4",
    )  # fmt: skip
    stdout, stderr = changed.communicate(timeout=60)
    assert changed.returncode == 0, stderr
    assert stdout.strip() == f"{TEAM}: digest mon 09:30 America/New_York in C0NEW; language en; k = 4; on"

    refused = nope_command(config, "workspace", "set", "--workspace", TEAM, "--min-group", "2")
    _, error = refused.communicate(timeout=60)
    assert refused.returncode == 2
    assert "at least 3" in error
    unknown_day = nope_command(config, "workspace", "set", "--workspace", TEAM, "--digest-day", "someday")
    _, error = unknown_day.communicate(timeout=60)
    assert unknown_day.returncode == 2
    assert "unknown weekday 'someday'" in error
    with sessions() as session:
        assert workspace_settings(session, TEAM).min_group == 4


def test_the_log_a_no_button_in_a_digest_opens_the_modal_for_whoever_clicks(slack, web_api):
    slack.click(ANNA, LOG_REJECTION_ACTION)  # a button in a channel message: it carries a response_url
    assert opened_view(web_api)["callback_id"] == "log_no"


def test_when_slack_cannot_be_reached_the_post_is_recorded_for_a_retry(sessions, core, config, database_url):
    set_up_workspace(sessions)
    unreachable = one_workspace(slack_client(replace(config, slack_api_url="http://127.0.0.1:9/api/")))  # nothing there

    report = send_due_digests(core, unreachable, FRIDAY_AFTER)

    assert [(team, channel) for team, channel, _ in report.failed] == [(TEAM, "C0TEAM")]
    [run] = stored_rows(database_url, DigestRun)
    assert run.status == FAILED and run.retry_at is not None


def test_a_run_out_of_attempts_is_settled_and_never_claimed_again(sessions):
    week = date(2026, 11, 23)
    with sessions.begin() as session:
        for channel_id, attempts in (("C0TIRED", MAX_ATTEMPTS), ("C0AGAIN", 1)):
            session.add(
                DigestRun(
                    workspace_id=TEAM,
                    channel_id=channel_id,
                    week_start=week,
                    status=FAILED,
                    attempts=attempts,
                    claimed_at=FRIDAY_AFTER,
                    retry_at=FRIDAY_AFTER,
                )
            )
    later = FRIDAY_AFTER + timedelta(hours=1)
    with sessions() as session:
        assert settled_runs(session, {TEAM}, {week}, later) == {(TEAM, "C0TIRED", week)}
    assert claim_run(sessions.kw["bind"], TEAM, "C0TIRED", week, later) is None
    assert claim_run(sessions.kw["bind"], TEAM, "C0AGAIN", week, later) is not None


def many_workspaces_due(sessions, count: int) -> None:
    for number in range(count):
        workspace_id = f"T0MANY{number:03d}"
        with sessions.begin() as session:
            settings = WorkspaceSettings(workspace_id=workspace_id, channels=("C0TEAM",), timezone="Europe/Amsterdam")
            save_settings(session, settings, MONDAY)
            for user_id in ("U1", "U2", "U3"):
                rejection = NewRejection("outreach", "silence", "hurt", 2, None, True)
                add_rejection(
                    session,
                    workspace_id=workspace_id,
                    organisation_id=None,
                    user_id=user_id,
                    logged_at=MONDAY,
                    new_rejection=rejection,
                )


@pytest.mark.parametrize("in_flight", [5, WORKSPACES_IN_FLIGHT])
def test_due_digests_go_out_side_by_side_never_more_than_the_bound(sessions, core, config, in_flight):
    many_workspaces_due(sessions, 40)
    with SlackWebAPI(latency_seconds=0.3) as slow:  # every answer takes a realistic round trip and more
        client = slack_client(replace(config, bot_token=slow.bot_token, slack_api_url=slow.api_url))

        report = send_due_digests(core, one_workspace(client), FRIDAY_AFTER, in_flight=in_flight)

        assert (len(report.posted), report.failed) == (40, [])
        assert len(slow.calls("chat.postMessage")) == 40
        # Bounded, and not one at a time: the old four in flight would show at most 4 here.
        assert (slow.most_at_once == 5) if in_flight == 5 else (slow.most_at_once >= 30), slow.most_at_once
