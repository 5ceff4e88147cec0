"""An outage is logged when it starts, then about once a minute with a count, and when it ends."""

from __future__ import annotations

import logging

from sqlalchemy.exc import OperationalError

from use_cases.outage_log import OutageLog

REFUSED = OperationalError("SELECT 1", {}, Exception("connection refused"))


def test_an_outage_is_logged_at_its_start_each_minute_and_at_its_end(caplog):
    caplog.set_level(logging.INFO, logger="use_cases.outage_log")
    now = [1000.0]
    outage = OutageLog(reminder_seconds=60, clock=lambda: now[0])

    outage.failed("logging a no", REFUSED)
    now[0] += 30
    for _ in range(100):  # thousands, under load: none of them a line of its own
        outage.failed("reading the Home", REFUSED)
    now[0] += 30
    outage.failed("logging a no", REFUSED)
    now[0] += 1
    outage.answered()
    outage.answered()

    assert [record.getMessage() for record in caplog.records] == [
        "the database is unavailable: logging a no failed (OperationalError)",
        "the database is still unavailable after 60 s: 101 more failed (last: logging a no, OperationalError)",
        "the database answers again after 61 s; 102 requests failed meanwhile",
    ]
