"""The operator's command for how long no's are kept: `nope retention purge`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TextIO

from sqlalchemy.orm import Session, sessionmaker

from handlers.digest_commands import Subparsers, iso_moment
from storage.retention import DEFAULT_RETENTION_MONTHS, purge_expired


def add_retention_parser(commands: Subparsers) -> None:
    retention = commands.add_parser("retention", help="how long no's are kept").add_subparsers(
        dest="retention_command", required=True
    )
    purge = retention.add_parser(
        "purge",
        help=f"delete no's (and their reflections) older than their workspace keeps them "
        f"(default {DEFAULT_RETENTION_MONTHS} months)",
    )
    purge.add_argument("--now", type=iso_moment, help="act as if it were this ISO-8601 moment (default: now)")


def run_retention(arguments: argparse.Namespace, sessions: sessionmaker[Session], out: TextIO) -> int:
    now = arguments.now or datetime.now(UTC)
    with sessions.begin() as session:
        purged = purge_expired(session, now)
    print(f"deleted {purged} no's older than their workspace's retention", file=out)
    return 0
