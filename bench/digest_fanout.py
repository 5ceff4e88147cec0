"""Ten thousand digests due in the same minute: `python bench/digest_fanout.py [--workspaces N] [--schedulers K]`.

Creates a scratch PostgreSQL database, loads N workspaces with 12 weeks of no's (the loader of
`bench/digest_scale.py`), makes every workspace's digest due this minute, starts the Slack Web API
stand-in in a process of its own answering every call after 200 ms (a realistic round trip), then
runs K schedulers at once, each in its own process calling `send_due_digests` as `nope scheduler`
does, and times until every digest is posted. It checks that each was posted exactly once (the
runs in the database and the messages the stand-in received) and prints each scheduler's peak
memory. Targets: 10,000 workspaces within 120 s with one scheduler, about twice as fast with two.
The scratch database is dropped at the end, also on failure or Ctrl-C.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import signal
import sys
import time
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy import text

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.digest_scale import (  # noqa: E402  # noqa: E402
    DEFAULT_SERVER,
    create_database,
    drop_database,
    load,
    nearest_rank,
    on_sigterm,
    scratch_url,
    workspace_id,
)
from bench.stand_in_process import StandIn  # noqa: E402
from config import Config  # noqa: E402
from digest.chart import digest_chart_png  # noqa: E402
from slack_api.client import slack_client  # noqa: E402
from slack_api.workspaces import one_workspace  # noqa: E402
from storage.db import create_db_engine, session_factory  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from use_cases.core import with_sessions  # noqa: E402
from use_cases.digest_delivery import send_due_digests  # noqa: E402
from use_cases.digests import digest_now  # noqa: E402

TEAM_ID = "T0FANOUT"
LATENCY_SECONDS = 0.2
TARGET_SECONDS = 120.0
# No's per workspace over the 12 weeks: enough people each week for the numbers and the chart.
REJECTIONS_PER_WORKSPACE = 120
WEEKS = 12


def _schedule(conn: Connection, database_url: str, api_url: str, bot_token: str, now: datetime) -> None:
    """Child process: one scheduler's pass over what is due, then its report and peak memory."""
    config = Config(signing_secret="", bot_token=bot_token, slack_api_url=api_url, database_url=database_url)
    engine = create_db_engine(database_url)
    core = with_sessions(session_factory(engine))
    conn.send("ready")
    conn.recv()  # every scheduler starts at once
    started = time.perf_counter()
    report = send_due_digests(core, one_workspace(slack_client(config)), now)
    spent = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    conn.send(
        {
            "posted": len(report.posted),
            "failed": len(report.failed),
            "seconds": spent,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024,
        }
    )
    engine.dispose()


def make_all_due(engine_url: str, now: datetime) -> None:
    """Every workspace's digest falls due in this very minute (in UTC, on today's weekday)."""
    engine = create_db_engine(engine_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE workspaces SET timezone = 'UTC', digest_weekday = :weekday, digest_time = :clock"),
            {"weekday": now.weekday(), "clock": now.strftime("%H:%M")},
        )
    engine.dispose()


def outcome(engine_url: str) -> dict[str, int]:
    engine = create_db_engine(engine_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT status, count(*), max(attempts) FROM digest_runs GROUP BY status"))
        found = {status: count for status, count, _ in rows}
    engine.dispose()
    return found


def chart_times_ms(database_url: str, workspaces: int, now: datetime, samples: int = 500) -> list[float]:
    """Drawing one digest's chart, as the scheduler draws it, for a sample of the workspaces."""
    engine = create_db_engine(database_url)
    core = with_sessions(session_factory(engine))
    digests = [
        digest_now(core, workspace_id(index), now)[1] for index in range(0, workspaces, max(1, workspaces // samples))
    ]
    engine.dispose()
    spent = []
    for digest in digests:
        started = time.perf_counter()
        digest_chart_png(digest)
        spent.append((time.perf_counter() - started) * 1000)
    return spent


def run(database_url: str, args: argparse.Namespace) -> int:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    engine = create_db_engine(database_url)
    upgrade(engine)
    started = time.perf_counter()
    load(engine, args.workspaces, args.workspaces * REJECTIONS_PER_WORKSPACE, WEEKS, args.seed, now)
    engine.dispose()
    make_all_due(database_url, now)
    loading = time.perf_counter() - started
    print(f"loaded {args.workspaces:,} workspaces, all due at {now:%a %H:%M} UTC, in {loading:.1f} s")

    stand_in = StandIn(TEAM_ID, latency_seconds=LATENCY_SECONDS)
    context = multiprocessing.get_context("spawn")
    pipes = []
    try:
        for _ in range(args.schedulers):
            parent, child = context.Pipe()
            process = context.Process(
                target=_schedule, args=(child, database_url, stand_in.api_url, stand_in.bot_token, now), daemon=True
            )
            process.start()
            pipes.append((parent, process))
        for parent, _ in pipes:
            parent.recv()
        started = time.perf_counter()
        for parent, _ in pipes:
            parent.send("go")
        reports = [parent.recv() for parent, _ in pipes]
        elapsed = time.perf_counter() - started
        for _, process in pipes:
            process.join(10)
        counts = stand_in.counts()
    finally:
        stand_in.stop()

    runs = outcome(database_url)
    posted = sum(report["posted"] for report in reports)
    print(f"\n{args.schedulers} scheduler(s), stand-in answering after {LATENCY_SECONDS * 1000:.0f} ms:")
    for number, report in enumerate(reports, start=1):
        print(
            f"  scheduler {number}: posted {report['posted']:,}, failed {report['failed']:,} "
            f"in {report['seconds']:.1f} s (CPU {report['cpu_seconds']:.1f} s); peak memory {report['peak_mb']:.0f} MB"
        )
    print(f"  all posted in {elapsed:.1f} s ({posted / elapsed:.0f} digests/s)")
    print(f"  runs by status: {runs}; messages Slack received: {counts['chat.postMessage']:,}")
    charts = chart_times_ms(database_url, args.workspaces, now)
    print(
        f"  one chart, {len(charts)} workspaces' digests: p50 {nearest_rank(charts, 0.5):.1f} ms, "
        f"p99 {nearest_rank(charts, 0.99):.1f} ms (target well under 20 ms)"
    )
    exactly_once = runs.get("posted", 0) == args.workspaces == counts["chat.postMessage"] and len(runs) == 1
    print(f"  every digest posted exactly once: {'yes' if exactly_once else 'NO'}")
    met = exactly_once and elapsed <= TARGET_SECONDS
    print(f"  target (all posted within {TARGET_SECONDS:.0f} s of the minute): {'met' if met else 'MISSED'}")
    return 0 if met else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=DEFAULT_SERVER, help=f"the server (default {DEFAULT_SERVER})")
    parser.add_argument("--workspaces", type=int, default=10_000, help="workspaces due at once (default 10000)")
    parser.add_argument("--schedulers", type=int, default=1, help="scheduler processes at once (default 1)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, on_sigterm)
    name = f"nope_fanout_{os.getpid()}"
    create_database(args.postgres, name)
    try:
        return run(scratch_url(args.postgres, name), args)
    except KeyboardInterrupt:
        print("interrupted")
        return 130
    finally:
        drop_database(args.postgres, name)


if __name__ == "__main__":
    raise SystemExit(main())
