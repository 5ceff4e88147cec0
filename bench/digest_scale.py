"""How the weekly digest scales on PostgreSQL: `python bench/digest_scale.py [--postgres URL]`.

Creates a scratch database on the server, migrates it, loads 10,000 workspaces and 1,000,000 no's
spread over 12 weeks (with COPY), then times every workspace's digest at once (target: at most
10 s) and one workspace's digest at a time (target: p99 at most 20 ms), and prints the query plans
with EXPLAIN (ANALYZE, BUFFERS). The scratch database is dropped at the end, also on failure or Ctrl-C.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import signal
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from types import FrameType
from zoneinfo import ZoneInfo

from sqlalchemy import Select, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from coach.catalog import FEELINGS, FORMS, INTENSITIES, KINDS
from coach.progress import week_start
from digest.settings import WorkspaceSettings
from digest.windows import digest_windows
from storage.db import create_db_engine, session_factory
from storage.migrate import upgrade
from storage.tallies import activity_query, contributions_query, windows_per_query
from storage.workspaces import workspaces_with_digests
from use_cases.digests import weekly_digests

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432"
TARGET_ALL_S = 10.0
TARGET_ONE_P99_MS = 20.0
DIGEST_INDEX = "ix_rejections_workspace_time"

# (zone, weight): where the workspaces are, roughly as a global customer base would be.
TIMEZONES: tuple[tuple[str, int], ...] = (
    ("America/New_York", 18),
    ("Europe/Amsterdam", 14),
    ("America/Los_Angeles", 12),
    ("Europe/London", 10),
    ("Europe/Berlin", 10),
    ("America/Chicago", 8),
    ("Asia/Tokyo", 6),
    ("Asia/Kolkata", 6),
    ("America/Sao_Paulo", 5),
    ("Asia/Singapore", 4),
    ("Australia/Sydney", 4),
    ("UTC", 2),
    ("Pacific/Auckland", 1),
)
# How often each kind in the catalog is logged: job hunting and sales most, "other" least.
KIND_WEIGHTS: dict[str, int] = dict(zip(KINDS, (20, 18, 16, 12, 14, 8, 7, 5), strict=True))
STORIES = (
    "They went with someone more senior.",
    "No reply after two follow-ups.",
    "The budget went to another team this quarter.",
    "Nee, dank je: ze kozen een ander voorstel.",
)
PLAN_INDEX = re.compile(r"(?:Index Only Scan|Index Scan|Bitmap Index Scan) (?:using|on) (\w+)")


class Interrupted(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the scratch database is still dropped."""


def on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise Interrupted


# --- the scratch database -------------------------------------------------------------------------


def scratch_url(server: str, database: str) -> str:
    return make_url(server).set(database=database).render_as_string(hide_password=False)


def _admin_engine(server: str) -> Engine:
    url: URL = make_url(server)
    # CREATE / DROP DATABASE cannot run inside a transaction.
    engine = create_db_engine(scratch_url(server, url.database or "postgres"))
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def create_database(server: str, name: str) -> None:
    admin = _admin_engine(server)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()


def drop_database(server: str, name: str) -> None:
    admin = _admin_engine(server)
    with admin.connect() as connection:
        # FORCE: a connection left behind by an interrupted run must not keep the database alive.
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


# --- loading --------------------------------------------------------------------------------------


def make_workspaces(count: int, chooser: random.Random, now: datetime) -> tuple[list[tuple], list[int]]:
    """`workspaces` rows and each workspace's head count (5-60 people)."""
    zones = [zone for zone, _ in TIMEZONES]
    zone_weights = [weight for _, weight in TIMEZONES]
    rows: list[tuple] = []
    people: list[int] = []
    for index, zone in enumerate(chooser.choices(zones, zone_weights, k=count)):
        language = "nl" if zone == "Europe/Amsterdam" and chooser.random() < 0.6 else "en"
        weekday = 4 if chooser.random() < 0.8 else chooser.choice((0, 2, 3))
        clock = chooser.choice(("16:00", "16:00", "09:00", "12:30", "17:00"))
        min_group = 3 if chooser.random() < 0.9 else 5
        goal = chooser.choice((10, 20, 50, 100)) if chooser.random() < 0.2 else None
        rows.append((workspace_id(index), True, language, zone, weekday, clock, min_group, goal, now))
        people.append(chooser.randint(5, 60))
    return rows, people


def workspace_id(index: int) -> str:
    return f"T0B{index:07d}"


def make_rejections(
    count: int, people: Sequence[int], weeks: int, chooser: random.Random, now: datetime
) -> Iterator[tuple]:
    """`rejections` rows in the order a live table gets them (ids rise with time): busier teams are
    bigger, a few people log most, weekends are quiet."""
    # Some teams use Nope a lot more than others of the same size.
    weights = [size * chooser.lognormvariate(0, 0.8) for size in people]
    teams = chooser.choices(range(len(people)), weights, k=count)
    kinds = chooser.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()), k=count)
    first = now - timedelta(weeks=weeks)
    moments = sorted(_moment(first, now, chooser) for _ in range(count))
    for rejection_id, (team, kind, moment) in enumerate(zip(teams, kinds, moments, strict=True), start=1):
        person = int(people[team] * chooser.random() ** 2)
        yield (
            rejection_id,
            workspace_id(team),
            None,
            f"U{team:07d}P{person:02d}",
            moment,
            kind,
            chooser.choice(FORMS),
            chooser.choice(FEELINGS),
            chooser.choice(INTENSITIES),
            chooser.choice(STORIES) if chooser.random() < 0.25 else None,
            chooser.random() < 0.9,
        )


def _moment(first: datetime, last: datetime, chooser: random.Random) -> datetime:
    span = (last - first).total_seconds()
    moment = first + timedelta(seconds=span * chooser.random())
    if moment.weekday() >= 5 and chooser.random() < 0.7:  # most weekend no's never happen
        moment = first + timedelta(seconds=span * chooser.random())
    return moment


def make_reflection(reflection_id: int, no: tuple, chooser: random.Random, now: datetime) -> tuple:
    """A `reflections` row for a no: most are finished; some ask someone for feedback later."""
    started = no[4] + timedelta(minutes=chooser.randint(1, 600))
    finished = started + timedelta(minutes=chooser.randint(2, 30)) if chooser.random() < 0.65 else None
    asked = started + timedelta(hours=chooser.randint(1, 72)) if chooser.random() < 0.25 else None
    finished = finished if finished is None or finished < now else None
    asked = asked if asked is None or asked < now else None
    updated = max(moment for moment in (started, finished, asked) if moment is not None)
    feedback_from = chooser.choice(("manager", "peer", "customer")) if asked else None
    return (reflection_id, no[0], no[1], no[3], feedback_from, asked, started, updated, finished)


def load(engine: Engine, workspaces: int, rejections: int, weeks: int, seed: int, now: datetime) -> tuple[int, int]:
    """Fill the tables with COPY; returns (no's, reflections) written."""
    chooser = random.Random(seed)
    workspace_rows, people = make_workspaces(workspaces, chooser, now)
    reflections: list[tuple] = []
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        with connection.cursor() as cursor:
            columns = "workspace_id, enabled, language, timezone, digest_weekday, digest_time, min_group, team_goal"
            with cursor.copy(f"COPY workspaces ({columns}, updated_at) FROM STDIN") as copy:
                for row in workspace_rows:
                    copy.write_row(row)
            with cursor.copy("COPY digest_channels (workspace_id, channel_id) FROM STDIN") as copy:
                for index in range(workspaces):
                    copy.write_row((workspace_id(index), f"C0B{index:07d}"))
            columns = "id, workspace_id, organisation_id, user_id, logged_at, kind, form, feeling, intensity, story"
            with cursor.copy(f"COPY rejections ({columns}, counts_in_tally) FROM STDIN") as copy:
                for no in make_rejections(rejections, people, weeks, chooser, now):
                    copy.write_row(no)
                    if chooser.random() < 0.12:
                        reflections.append(make_reflection(len(reflections) + 1, no, chooser, now))
            columns = (
                "id, rejection_id, workspace_id, user_id, feedback_from, feedback_asked_at, started_at, updated_at"
            )
            with cursor.copy(f"COPY reflections ({columns}, finished_at) FROM STDIN") as copy:
                for row in reflections:
                    copy.write_row(row)
            # The ids were given explicitly: move the sequences past them, as the app would find them.
            for table in ("rejections", "reflections"):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
        connection.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # VACUUM as well as ANALYZE: autovacuum would have set the visibility map on a live
        # database, and index-only scans depend on it.
        connection.exec_driver_sql("VACUUM (ANALYZE)")
    return rejections, len(reflections)


# --- measuring ------------------------------------------------------------------------------------


def nearest_rank(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def explain(session: Session, statement: Select) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL and parameters the module sends."""
    compiled = statement.compile(dialect=session.get_bind().dialect)
    rows = session.connection().exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {compiled}", compiled.params)
    return "\n".join(row[0] for row in rows)


def indexes_used(plan: str) -> list[str]:
    return sorted(set(PLAN_INDEX.findall(plan)))


def print_plan(title: str, plan: str, index: str | None) -> None:
    """The plan, then which indexes it scans and whether `index` is among them."""
    print(f"\n--- {title} ---")
    print(plan)
    used = indexes_used(plan)
    verdict = f"uses {index}: {'yes' if index in used else 'NO'}; " if index else ""
    print(f"{verdict}indexes scanned: {', '.join(used) or 'none'}")


def time_all(
    sessions: sessionmaker[Session], due: Sequence[tuple[WorkspaceSettings, date]], runs: int
) -> tuple[list[float], dict]:
    spent = []
    digests: dict = {}
    for run in range(1, runs + 1):
        with sessions() as session:
            started = time.perf_counter()
            digests = weekly_digests(session, due)
            spent.append(time.perf_counter() - started)
        print(f"  run {run}: {spent[-1]:.2f} s ({len(digests):,} digests)")
    return spent, digests


def time_one(
    sessions: sessionmaker[Session], sample: Sequence[tuple[WorkspaceSettings, date]], expected: dict
) -> tuple[list[float], int]:
    """Milliseconds per single-workspace digest, each in its own session as `digest_now` does it."""
    for item in sample[:10]:  # warm up: pool connections, SQLAlchemy's statement cache
        with sessions() as session:
            weekly_digests(session, [item])
    spent = []
    differ = 0
    for settings, week in sample:
        with sessions() as session:
            started = time.perf_counter()
            digest = weekly_digests(session, [(settings, week)])[settings.workspace_id]
            spent.append((time.perf_counter() - started) * 1000)
        # One workspace alone must get the digest it got among all the others.
        differ += digest != expected[settings.workspace_id]
    return spent, differ


def _biggest_same_minute_batch(
    due: Sequence[tuple[WorkspaceSettings, date]],
) -> list[tuple[WorkspaceSettings, date]]:
    batches: dict[tuple[str, int, str], list[tuple[WorkspaceSettings, date]]] = {}
    for settings, week in due:
        batches.setdefault((settings.timezone, settings.digest_weekday, settings.digest_time), []).append(
            (settings, week)
        )
    return max(batches.values(), key=len)


def run(engine: Engine, args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    print(f"loading {args.workspaces:,} workspaces and {args.rejections:,} no's over {args.weeks} weeks ...")
    started = time.perf_counter()
    rejections, reflections = load(engine, args.workspaces, args.rejections, args.weeks, args.seed, now)
    loading = time.perf_counter() - started
    print(f"loaded {rejections:,} no's and {reflections:,} reflections in {loading:.1f} s (COPY, then VACUUM ANALYZE)")
    with engine.connect() as connection:
        size = connection.execute(text("SELECT pg_size_pretty(pg_total_relation_size('rejections'))")).scalar()
    print(f"rejections with its indexes: {size}")

    sessions = session_factory(engine)
    with sessions() as session:
        started = time.perf_counter()
        workspaces = workspaces_with_digests(session)
        print(f"workspaces_with_digests: {len(workspaces):,} workspaces in {time.perf_counter() - started:.2f} s")
    due = [(settings, week_start(now, ZoneInfo(settings.timezone))) for settings in workspaces]

    print(f"\n(a) every workspace's digest at once ({len(due):,} workspaces, {len(due) * 8:,} windows)")
    spent_all, digests = time_all(sessions, due, args.runs)
    best = min(spent_all)
    shown = sum(digest.week.shown for digest in digests.values())
    print(f"  best {best:.2f} s; target <= {TARGET_ALL_S:.0f} s: {'met' if best <= TARGET_ALL_S else 'MISSED'}")
    print(f"  {shown:,} of {len(digests):,} digests show this week's numbers (the rest are under k people)")

    sample = random.Random(args.seed + 1).sample(due, min(args.samples, len(due)))
    print(f"\n(b) one workspace's digest, {len(sample)} random workspaces")
    spent_one, differ = time_one(sessions, sample, digests)
    p50, p99 = nearest_rank(spent_one, 0.50), nearest_rank(spent_one, 0.99)
    print(f"  p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(spent_one):.1f} ms")
    print(f"  target p99 <= {TARGET_ONE_P99_MS:.0f} ms: {'met' if p99 <= TARGET_ONE_P99_MS else 'MISSED'}")
    print(f"  same digest alone as among all: {'yes' if not differ else f'NO ({differ} differ)'}")

    print("\n(c) query plans")
    dialect = engine.dialect.name
    one_windows, one_current = digest_windows(sample[:1])
    # The first statement of (a): on PostgreSQL one chunk holds up to 100,000 windows.
    chunk, chunk_current = (windows[: windows_per_query(dialect)] for windows in digest_windows(due))
    # What send_due_digests really sees in one minute: the workspaces sharing a zone, day and time.
    batch = _biggest_same_minute_batch(due)
    batch_windows, _ = digest_windows(batch)
    plans = (
        (
            f"contributions, one workspace ({len(one_windows)} windows)",
            contributions_query(one_windows, dialect),
            DIGEST_INDEX,
        ),
        (
            f"contributions, one chunk of (a) ({len(chunk):,} windows)",
            contributions_query(chunk, dialect),
            DIGEST_INDEX,
        ),
        (
            f"contributions, the biggest batch due in one minute ({len(batch):,} workspaces, "
            f"{len(batch_windows):,} windows)",
            contributions_query(batch_windows, dialect),
            DIGEST_INDEX,
        ),
        ("activity, one workspace (1 window)", activity_query(one_current, dialect), None),
        (f"activity, one chunk of (a) ({len(chunk_current):,} windows)", activity_query(chunk_current, dialect), None),
    )
    with sessions() as session:
        for title, statement, index in plans:
            print_plan(title, explain(session, statement), index)

    met = best <= TARGET_ALL_S and p99 <= TARGET_ONE_P99_MS and not differ
    verdict = "met" if met else "MISSED"
    print(f"\nall at once best {best:.2f} s, one workspace p50 {p50:.1f} / p99 {p99:.1f} ms: targets {verdict}")
    return 0 if met else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=DEFAULT_SERVER, help=f"the server (default {DEFAULT_SERVER})")
    parser.add_argument("--workspaces", type=int, default=10_000, help="workspaces to load (default 10000)")
    parser.add_argument("--rejections", type=int, default=1_000_000, help="no's to load (default 1000000)")
    parser.add_argument("--weeks", type=int, default=12, help="weeks the no's are spread over (default 12)")
    parser.add_argument("--runs", type=int, default=3, help="runs of the all-workspaces digest (default 3)")
    parser.add_argument("--samples", type=int, default=200, help="workspaces timed alone (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, on_sigterm)
    name = f"nope_bench_{os.getpid()}"
    create_database(args.postgres, name)
    print(f"scratch database {name}")
    engine = None
    try:
        engine = create_db_engine(scratch_url(args.postgres, name))
        upgrade(engine)
        return run(engine, args)
    except KeyboardInterrupt:
        print("interrupted")
        return 130
    finally:
        if engine is not None:
            engine.dispose()
        drop_database(args.postgres, name)
        print(f"dropped {name}")


if __name__ == "__main__":
    raise SystemExit(main())
