"""What the text after `/nope` asks for: a known sub-command, or the story of a new no."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from slack_requests.clean_text import storable


@dataclass(frozen=True)
class CommandRequest:
    subcommand: str | None
    story: str | None


def parse_command_text(text: str | None, subcommands: Collection[str | None]) -> CommandRequest:
    cleaned = storable(text or "").strip()
    if cleaned.lower() in subcommands:
        return CommandRequest(subcommand=cleaned.lower(), story=None)
    return CommandRequest(subcommand=None, story=cleaned or None)
