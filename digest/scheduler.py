"""Waking up to do what is due: post digests every minute, delete expired no's every hour.

APScheduler only keeps time; the database decides. What is due, and whether it was done, lives in
the database (see use_cases.digest_delivery), so the scheduler's own job store can stay in memory:
a restart loses nothing, and a second scheduler process cannot double-post.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    job_id: str
    run: Callable[[datetime], object]
    every_seconds: int


def _add_jobs(scheduler: BaseScheduler, jobs: Sequence[Job]) -> BaseScheduler:
    for job in jobs:

        def tick(job: Job = job) -> None:
            try:
                job.run(datetime.now(UTC))
            except Exception:
                # A bad run (the database away, say) must not stop the next one.
                logger.exception("%s failed; trying again in %s seconds", job.job_id, job.every_seconds)

        scheduler.add_job(
            tick,
            IntervalTrigger(seconds=job.every_seconds, timezone=UTC),
            id=job.job_id,
            # Run at once on start, so a digest missed while the process was down goes out now.
            next_run_time=datetime.now(UTC),
            coalesce=True,
            max_instances=1,
            misfire_grace_time=job.every_seconds,
        )
    return scheduler


def start_in_background(jobs: Sequence[Job]) -> BackgroundScheduler:
    """For the single-process default: the scheduler runs in a thread beside the web server."""
    scheduler = BackgroundScheduler(timezone=UTC)
    _add_jobs(scheduler, jobs).start()
    return scheduler


def run_forever(jobs: Sequence[Job]) -> None:
    """`nope scheduler`: the scheduler alone, for when web workers are scaled out."""
    scheduler = BlockingScheduler(timezone=UTC)
    _add_jobs(scheduler, jobs)
    logger.info("Nope's scheduler is running: %s", ", ".join(f"{j.job_id} every {j.every_seconds} s" for j in jobs))
    scheduler.start()
