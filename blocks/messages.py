"""Private (ephemeral) messages: help, and the friendly notices when something goes wrong."""

from __future__ import annotations

from blocks.kit import Block, context, section
from blocks.mrkdwn import quote
from coach.i18n import translate


def help_blocks(lang: str) -> list[Block]:
    return [
        section(translate(lang, "help.intro")),
        section(translate(lang, "help.commands")),
        context(translate(lang, "help.home")),
    ]


def notice_blocks(lang: str, notice_key: str, user_text: str | None = None) -> list[Block]:
    """A notice, with the person's own words quoted back (escaped) so nothing they typed is lost."""
    blocks = [section(translate(lang, notice_key))]
    if user_text:
        blocks.append(section(quote(user_text)))
    return blocks


def fallback_text(blocks: list[Block]) -> str:
    """The notification text Slack shows where blocks cannot render: the first section's text."""
    return next(block["text"]["text"] for block in blocks if block["type"] == "section")
