"""Private (ephemeral) messages: help, and the friendly notices when something goes wrong."""

from __future__ import annotations

from blocks.kit import Block, context, readable_text, section
from blocks.long_text import quoted_sections
from coach.i18n import translate

MESSAGE_BLOCKS_MAX = 50
# Slack refuses a message whose blocks carry more than about 12,000 characters of text in all
# (`msg_blocks_too_long`, undocumented); this leaves room for button labels and block containers.
MESSAGE_TEXT_BUDGET = 11_000


def help_blocks(lang: str) -> list[Block]:
    return [
        section(translate(lang, "help.intro")),
        section(translate(lang, "help.commands")),
        context(translate(lang, "help.home")),
    ]


def notice_blocks(lang: str, notice_key: str, user_text: str | None = None) -> list[Block]:
    """A notice, with the person's own words quoted back whole (escaped, over as many sections as they take)."""
    blocks = [section(translate(lang, notice_key))]
    if user_text:
        blocks += quoted_sections(user_text)
    return blocks


def words_elsewhere_blocks(lang: str, notice_key: str, sent_as_file: bool) -> list[Block]:
    """A notice whose person's words are too long to quote back: they are in a file in the DM (or could not go)."""
    return [
        section(translate(lang, notice_key)),
        section(translate(lang, "notice.words_in_file" if sent_as_file else "notice.words_not_sent")),
    ]


def fits_in_a_message(blocks: list[Block]) -> bool:
    """Whether Slack takes these blocks as one message: few enough, and not too much text in all."""
    return len(blocks) <= MESSAGE_BLOCKS_MAX and len(readable_text(blocks)) <= MESSAGE_TEXT_BUDGET


def fallback_text(blocks: list[Block]) -> str:
    """The notification text Slack shows where blocks cannot render: the first section's text."""
    return next(block["text"]["text"] for block in blocks if block["type"] == "section")
