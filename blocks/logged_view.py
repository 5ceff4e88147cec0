"""What the modal turns into once a no is saved."""

from __future__ import annotations

from blocks.kit import Block, context, divider, header, modal, section
from coach.i18n import translate

CALLBACK_ID = "no_logged"


def logged_view(lang: str, *, this_week: int, counts_in_tally: bool) -> Block:
    blocks = [
        header(translate(lang, "logged.headline")),
        section(translate(lang, "logged.body")),
        section(translate(lang, "logged.this_week", count=this_week)),
    ]
    if not counts_in_tally:
        blocks.append(context(translate(lang, "logged.not_in_tally")))
    blocks += [divider(), section(translate(lang, "logged.next"))]
    return modal(
        title=translate(lang, "logged.title"),
        close=translate(lang, "logged.close"),
        callback_id=CALLBACK_ID,
        blocks=blocks,
    )
