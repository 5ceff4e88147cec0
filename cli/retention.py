"""`nope retention purge`: delete the no's older than their workspace keeps them, now."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TextIO

from cli.arguments import Subparsers, add_now
from storage.retention import DEFAULT_RETENTION_MONTHS
from use_cases.core import Core
from use_cases.retention import purge


def add_retention_parser(commands: Subparsers) -> None:
    retention = commands.add_parser("retention", help="how long no's are kept").add_subparsers(
        dest="retention_command", required=True
    )
    add_now(
        retention.add_parser(
            "purge",
            help=f"delete no's (and their reflections) older than their workspace keeps them "
            f"(default {DEFAULT_RETENTION_MONTHS} months)",
        )
    )


def run_retention(arguments: argparse.Namespace, core: Core, out: TextIO) -> int:
    purged = purge(core, arguments.now or datetime.now(UTC))
    print(f"deleted {purged} no's older than their workspace's retention", file=out)
    return 0
