"""What the text after `/nope` asks for: a known sub-command, or the story of a new no."""

from __future__ import annotations

from dataclasses import dataclass

SUBCOMMANDS: frozenset[str] = frozenset({"help", "reflect", "goal", "settings", "export", "delete"})


@dataclass(frozen=True)
class CommandRequest:
    subcommand: str | None
    story: str | None


def parse_command_text(text: str | None) -> CommandRequest:
    cleaned = (text or "").strip()
    if cleaned.lower() in SUBCOMMANDS:
        return CommandRequest(subcommand=cleaned.lower(), story=None)
    return CommandRequest(subcommand=None, story=cleaned or None)
