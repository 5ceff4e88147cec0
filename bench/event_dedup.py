"""Recognising a retried event with a long history: `python bench/event_dedup.py --postgres URL`.

Creates a scratch database on the server, migrates it, loads 1,000,000 processed events received
over the last day (so none has expired yet: the clean-up looks and finds nothing, the common case),
then times `first_delivery` (remember the event and forget expired ones) for new events, twice:
`before`, without the received_at index and with the old unbounded clean-up `DELETE`, and `after`,
as Nope does it now. Prints the median and p99 per event. The scratch database is dropped at the end.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, delete, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.crypto import generate_key, use_keys
from storage.db import create_db_engine, session_factory
from storage.events import REMEMBERED_FOR, first_delivery
from storage.migrate import upgrade
from storage.models import ProcessedEvent

SCRATCH = "nope_bench_event_dedup"


def old_first_delivery(sessions: sessionmaker[Session], event_id: str, now: datetime) -> None:
    """The clean-up as it was before 0009: every expired row, found by scanning the whole table."""
    with sessions.begin() as session:
        session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < now - REMEMBERED_FOR))
        session.add(ProcessedEvent(event_id=event_id, received_at=now))


def load_history(engine: Engine, rows: int, now: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO processed_events (event_id, received_at) "
                "SELECT 'Ev' || n, CAST(:now AS timestamptz) - (n % 86000) * interval '1 second' "
                "FROM generate_series(1, :rows) AS n"
            ),
            {"now": now, "rows": rows},
        )
        connection.execute(text("ANALYZE processed_events"))


def timed(label: str, record: object, sessions: sessionmaker[Session], events: int, now: datetime) -> None:
    times = []
    for n in range(events):
        started = time.perf_counter()
        record(sessions, f"Ev-{label}-{n}", now)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"{label}: median {statistics.median(times):.2f} ms, p99 {times[int(len(times) * 0.99)]:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", required=True, help="a server URL whose user may create databases")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=300)
    arguments = parser.parse_args()
    use_keys([generate_key()])
    server = create_engine(make_url(arguments.postgres), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH}"))
        connection.execute(text(f"CREATE DATABASE {SCRATCH}"))
    engine = create_db_engine(make_url(arguments.postgres).set(database=SCRATCH).render_as_string(False))
    try:
        upgrade(engine)
        now = datetime.now(UTC)
        load_history(engine, arguments.rows, now)
        sessions = session_factory(engine)
        timed("after", first_delivery, sessions, arguments.events, now + timedelta(seconds=1))
        with engine.begin() as connection:
            connection.execute(text("DROP INDEX ix_processed_events_received_at"))
        timed("before", old_first_delivery, sessions, arguments.events, now + timedelta(seconds=2))
    finally:
        engine.dispose()
        with server.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH}"))


if __name__ == "__main__":
    main()
