"""Libraries that would write people's words at DEBUG: those records are dropped where they are made.

SQLAlchemy logs every row it reads (decrypted stories included), slack_sdk every request and answer
body, and Bolt every answer it sends (modals and DMs quote what people typed; a response_url is a
credential). An operator who turns on DEBUG to see what is slow must not get those in the log.
"""

from __future__ import annotations

import logging

# Each logger, and what in its records may hold private data.
_ROWS = "sqlalchemy.engine.Engine"
_BODIES = ("slack_sdk.web.base_client", "slack_sdk.webhook.client", "slack_bolt.App")


def _no_rows(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("Row ")


def _no_bodies(record: logging.LogRecord) -> bool:
    # Their DEBUG records trace each request with its body; warnings and errors name no body.
    return record.levelno > logging.DEBUG


def keep_private_data_out_of_logs() -> None:
    """Install the filters (again is harmless: a logger holds each filter once)."""
    logging.getLogger(_ROWS).addFilter(_no_rows)
    for name in _BODIES:
        logging.getLogger(name).addFilter(_no_bodies)
