"""Posting the weekly digest to Slack: due digests found in the database, each claimed before it is posted.

The database is the source of truth: a (workspace, channel, week) run row is claimed before the
post, so a restart, a missed minute or a second scheduler never posts twice. A post that fails is
retried later; a channel Nope cannot post in is reported to the workspace admins, not retried.
"""

from __future__ import annotations

import logging
import time as wall_clock
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session, sessionmaker

from blocks.digest_message import chart_alt_text, digest_blocks
from blocks.direct_messages import channel_lost_blocks
from coach.i18n import translate
from coach.progress import week_start
from digest.anonymity import effective_min_group
from digest.chart import bar_chart_png
from digest.content import Digest
from digest.schedule import DigestSchedule, due_week, parse_clock, zone
from digest.settings import WorkspaceSettings
from handlers.direct_messages import send_dm
from handlers.people import is_workspace_admin
from handlers.web_client import SLACK_FAILURES
from handlers.workspace_clients import ClientFor
from storage.digest_runs import claim_run, record_failed, record_posted, settled_runs
from storage.managers import listed_managers
from storage.tallies import weekly_digests
from storage.workspaces import workspace_settings, workspaces_with_digests

logger = logging.getLogger(__name__)

# Errors that will not go away by trying again: the channel is gone, archived or closed to Nope.
CHANNEL_LOST = frozenset({"channel_not_found", "not_in_channel", "is_archived", "restricted_action"})
RETRY_AFTER_FAILURE = timedelta(minutes=15)
# Slack allows about one message per second per channel; the chart follows the message.
SECONDS_BETWEEN_POSTS_TO_A_CHANNEL = 1.0
WORKSPACES_IN_FLIGHT = 4


@dataclass
class DeliveryReport:
    posted: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)


def schedule_of(settings: WorkspaceSettings) -> DigestSchedule:
    return DigestSchedule(
        weekday=settings.digest_weekday, at=parse_clock(settings.digest_time), zone_name=settings.timezone
    )


def post_digest(client: WebClient, channel_id: str, digest: Digest, min_group: int) -> str:
    """Post the digest, then its chart image in the message's thread (the text chart is in the message)."""
    blocks = digest_blocks(digest, min_group)
    answer = client.chat_postMessage(
        channel=channel_id, blocks=blocks, text=blocks[0]["text"]["text"], unfurl_links=False, unfurl_media=False
    )
    message_ts = answer["ts"]
    if digest.week.shown:
        wall_clock.sleep(SECONDS_BETWEEN_POSTS_TO_A_CHANNEL)
        _post_chart(client, channel_id, message_ts, digest)
    return message_ts


def _post_chart(client: WebClient, channel_id: str, message_ts: str, digest: Digest) -> None:
    try:
        client.files_upload_v2(
            channel=channel_id,
            thread_ts=message_ts,
            file=bar_chart_png([rejections for _, rejections in digest.history]),
            filename=f"nope-{digest.week_start.isoformat()}.png",
            title=translate(digest.lang, "digest.chart_title"),
            alt_txt=chart_alt_text(digest),
        )
    except SLACK_FAILURES as error:
        # The chart is a bonus (the message carries a text chart): a missing files:write scope or a
        # failed upload never fails the digest.
        logger.info("digest chart not posted to %s: %s", channel_id, error)


def report_lost_channel(
    client: WebClient, lang: str, channel_id: str, error: str, added_managers: Sequence[str] = ()
) -> None:
    """Tell Nope's managers (the workspace's admins and owners, and those added) that a channel stopped working."""
    try:
        members = client.users_list()["members"]
    except SLACK_FAILURES as list_error:
        logger.warning("could not find the admins to report %s: %s", channel_id, list_error)
        members = []
    admins = [
        member["id"]
        for member in members
        if is_workspace_admin(member) and not member.get("is_bot") and not member.get("deleted")
    ]
    managers = list(dict.fromkeys([*admins, *added_managers]))
    notice = channel_lost_blocks(lang, channel_id, error)
    for manager in managers:
        try:
            send_dm(client, manager, notice)
        except SLACK_FAILURES as dm_error:
            logger.warning("could not report the lost digest channel to %s: %s", manager, dm_error)


def deliver(
    sessions: sessionmaker[Session],
    client: WebClient,
    settings: WorkspaceSettings,
    week_start: date,
    digest: Digest,
    channels: Sequence[str],
    now: datetime,
    report: DeliveryReport,
) -> None:
    """Claim and post one workspace's digest in each of `channels`, recording every outcome."""
    min_group = effective_min_group(settings.min_group)
    for channel_id in channels:
        run_id = claim_run(sessions, settings.workspace_id, channel_id, week_start, now)
        if run_id is None:
            continue
        try:
            message_ts = post_digest(client, channel_id, digest, min_group)
        except SlackApiError as error:
            code = str(error.response.get("error") or "error")
            lost = code in CHANNEL_LOST
            record_failed(sessions, run_id, code, None if lost else now + RETRY_AFTER_FAILURE)
            report.failed.append((settings.workspace_id, channel_id, code))
            if lost:
                with sessions() as session:
                    added = listed_managers(session, settings.workspace_id)
                report_lost_channel(client, settings.language, channel_id, code, added)
            continue
        except SLACK_FAILURES as error:
            record_failed(sessions, run_id, str(error), now + RETRY_AFTER_FAILURE)
            report.failed.append((settings.workspace_id, channel_id, str(error)))
            continue
        record_posted(sessions, run_id, message_ts, now)
        report.posted.append((settings.workspace_id, channel_id))


def send_due_digests(sessions: sessionmaker[Session], clients: ClientFor, now: datetime) -> DeliveryReport:
    """Post every digest due at `now` that has not been posted (or given up on) this week."""
    report = DeliveryReport()
    with sessions() as session:
        due = [
            (settings, week)
            for settings in workspaces_with_digests(session)
            if (week := due_week(schedule_of(settings), now))
        ]
        settled = (
            settled_runs(session, {s.workspace_id for s, _ in due}, {week for _, week in due}, now) if due else set()
        )
        waiting = [
            (settings, week, [c for c in settings.channels if (settings.workspace_id, c, week) not in settled])
            for settings, week in due
        ]
        waiting = [item for item in waiting if item[2]]
        digests = weekly_digests(session, [(settings, week) for settings, week, _ in waiting]) if waiting else {}
    deliveries = []
    with ThreadPoolExecutor(max_workers=WORKSPACES_IN_FLIGHT, thread_name_prefix="nope-digest") as pool:
        for settings, week, channels in waiting:
            client = clients(settings.workspace_id)
            if client is None:
                logger.warning(
                    "no installation for %s: its digest waits until Nope is installed", settings.workspace_id
                )
                continue
            digest = digests[settings.workspace_id]
            deliveries.append(pool.submit(deliver, sessions, client, settings, week, digest, channels, now, report))
    for delivery in deliveries:
        if delivery.exception() is not None:
            # One workspace's trouble (its database rows, say) must not stop the others.
            logger.error("a digest delivery failed", exc_info=delivery.exception())
    return report


def current_week(settings: WorkspaceSettings, now: datetime) -> date:
    return week_start(now, zone(settings.timezone))


def this_weeks_digest(
    session: Session, workspace_id: str, now: datetime, lang: str | None = None
) -> tuple[WorkspaceSettings, Digest]:
    """This week's digest for a workspace as it stands at `now`, with the settings it was made under."""
    settings = workspace_settings(session, workspace_id)
    return settings, weekly_digests(session, [(settings, current_week(settings, now))], lang)[workspace_id]


def digest_now(
    sessions: sessionmaker[Session], workspace_id: str, now: datetime, lang: str | None = None
) -> tuple[WorkspaceSettings, Digest]:
    """This week's digest as it stands (for a preview or a post by hand)."""
    with sessions() as session:
        return this_weeks_digest(session, workspace_id, now, lang)


def send_digest_now(
    sessions: sessionmaker[Session], clients: ClientFor, workspace_id: str, channel_id: str, now: datetime
) -> DeliveryReport:
    """Post this week's digest to one channel now, still at most once for that channel and week."""
    settings, digest = digest_now(sessions, workspace_id, now)
    report = DeliveryReport()
    client = clients(workspace_id)
    if client is None:
        report.failed.append((workspace_id, channel_id, "not_installed"))
        return report
    deliver(sessions, client, settings, digest.week_start, digest, [channel_id], now, report)
    return report
