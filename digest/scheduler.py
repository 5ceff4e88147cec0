"""Waking up once a minute to post what is due. APScheduler only keeps time; the database decides.

What is due, and whether it was posted, lives in the database (see handlers.digest_delivery), so
the scheduler's own job store can stay in memory: a restart loses nothing, and a second
scheduler process cannot double-post.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

logger = logging.getLogger(__name__)

CHECK_EVERY_SECONDS = 60
JOB_ID = "nope-send-due-digests"


def _add_job(scheduler: BaseScheduler, send_due: Callable[[datetime], object]) -> BaseScheduler:
    def tick() -> None:
        try:
            send_due(datetime.now(UTC))
        except Exception:
            # A bad minute (the database away, say) must not stop the next one from running.
            logger.exception("sending due digests failed; trying again in a minute")

    scheduler.add_job(
        tick,
        IntervalTrigger(seconds=CHECK_EVERY_SECONDS, timezone=UTC),
        id=JOB_ID,
        # Check at once on start, so a digest missed while the process was down goes out now.
        next_run_time=datetime.now(UTC),
        coalesce=True,
        max_instances=1,
        misfire_grace_time=CHECK_EVERY_SECONDS,
    )
    return scheduler


def start_in_background(send_due: Callable[[datetime], object]) -> BackgroundScheduler:
    """For the single-process default: the scheduler runs in a thread beside the web server."""
    scheduler = BackgroundScheduler(timezone=UTC)
    _add_job(scheduler, send_due).start()
    return scheduler


def run_forever(send_due: Callable[[datetime], object]) -> None:
    """`nope scheduler`: the scheduler alone, for when web workers are scaled out."""
    scheduler = BlockingScheduler(timezone=UTC)
    _add_job(scheduler, send_due)
    logger.info("Nope's scheduler is running: checking for due digests every %s seconds", CHECK_EVERY_SECONDS)
    scheduler.start()
