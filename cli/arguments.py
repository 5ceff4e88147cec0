"""Argument types the `nope` commands share."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

Subparsers = argparse._SubParsersAction  # argparse keeps the type private


def iso_moment(text: str) -> datetime:
    """An ISO-8601 moment for `--now`; one without a zone is taken as UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO-8601 moment, e.g. 2026-11-27T16:05:00+01:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_now(command: argparse.ArgumentParser) -> None:
    command.add_argument("--now", type=iso_moment, help="act as if it were this ISO-8601 moment (default: now)")
