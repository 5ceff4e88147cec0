"""Posting the weekly digest: what is due, claimed before it is posted, every outcome recorded.

The database is the source of truth: a (workspace, channel, week) run row is claimed before the
post, so a restart, a missed minute or a second scheduler never posts twice. A post the platform
refused is retried later; a channel Nope cannot post in is reported to the workspace's managers,
not retried. A post that went out without an answer may be in the channel: it is never repeated
blindly. Every later attempt of that run first looks for it in the channel (it carries its run's id),
and posts only when it is not there; when the channel cannot be read, it posts nothing and tries to
look again later, until its attempts are used up.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from digest.anonymity import effective_min_group
from digest.content import Digest
from digest.schedule import due_week
from digest.settings import WorkspaceSettings
from metrics import count_digest
from storage.digest_runs import Claim, claim_run, record_failed, record_posted, record_unknown, settled_runs
from storage.managers import listed_managers
from storage.workspaces import workspaces_with_digests
from use_cases.core import Core
from use_cases.digests import digest_now, schedule_of, weekly_digests
from use_cases.messages import ChannelLostNotice
from use_cases.ports import ChannelLost, OutcomeUnknown, PlatformError, Workspace, WorkspaceFor

logger = logging.getLogger(__name__)

RETRY_AFTER_FAILURE = timedelta(minutes=15)
# Digests posted side by side. Each waits on Slack most of its time (a message, one second's pause
# in its channel, the chart), so hundreds keep one process busy without overloading it.
WORKSPACES_IN_FLIGHT = 512
# Digests computed together, in one pass over the tallies. Small enough that a second scheduler rarely
# computes what the first is about to claim (bench/digest_fanout.py, two schedulers: 118 s of CPU at 500, 111 s at 200).
DIGESTS_PER_BATCH = 200


@dataclass
class DeliveryReport:
    posted: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)


def report_lost_channel(
    workspace: Workspace, lang: str, channel_id: str, error: str, added_managers: Sequence[str] = ()
) -> None:
    """Tell Nope's managers (the workspace's admins, and those added) that a channel stopped working."""
    notice = ChannelLostNotice(lang, channel_id, error)
    for manager in dict.fromkeys([*workspace.admins(), *added_managers]):
        try:
            workspace.send(manager, notice)
        except PlatformError:
            logger.warning("could not report the lost digest channel to %s", manager)


def post_once(workspace: Workspace, claim: Claim, channel_id: str, digest: Digest, min_group: int) -> str:
    """The digest's message id: the one an earlier attempt of this run left in the channel, or a new post.

    Raises as `post_digest` does; when the channel cannot be read, a PlatformError that posted nothing.
    """
    if claim.unconfirmed_since is not None:
        try:
            found = workspace.find_digest(channel_id, claim.run_id, claim.unconfirmed_since)
        except ChannelLost:
            raise
        except PlatformError as error:
            raise PlatformError(f"not posted: could not look for the earlier post ({error.code})") from error
        if found is not None:
            return found
    return workspace.post_digest(channel_id, digest, min_group, claim.run_id)


def deliver(
    core: Core,
    workspace: Workspace,
    settings: WorkspaceSettings,
    week: date,
    digest: Digest,
    channels: Sequence[str],
    now: datetime,
    report: DeliveryReport,
) -> None:
    """Claim and post one workspace's digest in each of `channels`, recording every outcome."""
    min_group = effective_min_group(settings.min_group)
    for channel_id in channels:
        claim = claim_run(core.engine, settings.workspace_id, channel_id, week, now)
        if claim is None:
            count_digest("skipped")  # posted, being posted or given up on already
            continue
        try:
            message_id = post_once(workspace, claim, channel_id, digest, min_group)
        except ChannelLost as lost:
            record_failed(core.engine, claim.run_id, lost.code, None)
            report.failed.append((settings.workspace_id, channel_id, lost.code))
            count_digest("failed")
            with core.sessions() as session:
                added = listed_managers(session, settings.workspace_id)
            report_lost_channel(workspace, settings.language, channel_id, lost.code, added)
            continue
        except OutcomeUnknown as unknown:
            error = f"may be posted: {unknown.code}"
            record_unknown(core.engine, claim.run_id, error, now + RETRY_AFTER_FAILURE, unknown.sent_at)
            report.failed.append((settings.workspace_id, channel_id, error))
            count_digest("failed")
            continue
        except PlatformError as error:
            record_failed(core.engine, claim.run_id, error.code, now + RETRY_AFTER_FAILURE)
            report.failed.append((settings.workspace_id, channel_id, error.code))
            count_digest("failed")
            continue
        record_posted(core.engine, claim.run_id, message_id, now)
        report.posted.append((settings.workspace_id, channel_id))
        count_digest("posted")


def _waiting(
    session: Session, due: Sequence[tuple[WorkspaceSettings, date]], now: datetime
) -> list[tuple[WorkspaceSettings, date, list[str]]]:
    """The due workspaces' channels nobody has posted to, is posting to or has given up on this week."""
    if not due:
        return []
    ids, weeks = {settings.workspace_id for settings, _ in due}, {week for _, week in due}
    settled = settled_runs(session, ids, weeks, now)
    waiting = [
        (settings, week, [c for c in settings.channels if (settings.workspace_id, c, week) not in settled])
        for settings, week in due
    ]
    return [item for item in waiting if item[2]]


def send_due_digests(
    core: Core, workspaces: WorkspaceFor, now: datetime, *, in_flight: int = WORKSPACES_IN_FLIGHT
) -> DeliveryReport:
    """Post every digest due at `now` that has not been posted (or given up on) this week.

    Hundreds are posted side by side (most of a post is waiting for the platform), at most `in_flight`
    at a time; the digests are computed a batch at a time, just before their posts, so that what
    another scheduler claimed meanwhile is left to it.
    """
    report = DeliveryReport()
    with core.sessions() as session:
        due = [
            (settings, week)
            for settings in workspaces_with_digests(session)
            if (week := due_week(schedule_of(settings), now))
        ]
    # Schedulers running at once each go through the due workspaces in an order of their own: they
    # mostly compute and claim different ones, and the claims settle the rest.
    random.shuffle(due)
    slots = threading.BoundedSemaphore(in_flight)
    deliveries: list[Future[None]] = []
    with ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="nope-digest") as pool:
        for first in range(0, len(due), DIGESTS_PER_BATCH):
            with core.sessions() as session:
                waiting = _waiting(session, due[first : first + DIGESTS_PER_BATCH], now)
                digests = weekly_digests(session, [(settings, week) for settings, week, _ in waiting])
            for settings, week, channels in waiting:
                workspace = workspaces(settings.workspace_id)
                if workspace is None:
                    logger.warning(
                        "no installation for %s: its digest waits until Nope is installed", settings.workspace_id
                    )
                    count_digest("skipped")
                    continue
                slots.acquire()  # wait for a free slot: what is computed is posted soon after
                delivery = pool.submit(
                    deliver, core, workspace, settings, week, digests[settings.workspace_id], channels, now, report
                )
                delivery.add_done_callback(lambda _done: slots.release())
                deliveries.append(delivery)
    for delivery in deliveries:
        if delivery.exception() is not None:
            # One workspace's trouble (its database rows, say) must not stop the others.
            logger.error("a digest delivery failed", exc_info=delivery.exception())
    return report


def send_digest_now(
    core: Core, workspaces: WorkspaceFor, workspace_id: str, channel_id: str, now: datetime
) -> DeliveryReport:
    """Post this week's digest to one channel now, still at most once for that channel and week."""
    settings, digest = digest_now(core, workspace_id, now)
    report = DeliveryReport()
    workspace = workspaces(workspace_id)
    if workspace is None:
        report.failed.append((workspace_id, channel_id, "not_installed"))
        count_digest("failed")
        return report
    deliver(core, workspace, settings, digest.week_start, digest, [channel_id], now, report)
    return report
