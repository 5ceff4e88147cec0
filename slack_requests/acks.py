"""Acknowledgements: the plain one for listeners whose work comes after Slack has its answer, and the
answers a modal submission gets inside it."""

from __future__ import annotations

from slack_bolt import Ack

from blocks.kit import Block
from coach.i18n import translate


def acknowledge(ack: Ack) -> None:
    ack()


def show_errors(ack: Ack, errors: dict[str, str]) -> None:
    """The modal stays open with a message under each field that needs another look."""
    ack(response_action="errors", errors=errors)


def keep_open_unsaved(ack: Ack, block_id: str, lang: str, submit_key: str) -> None:
    """The database failed: keep the modal open, everything typed still in it, and say so on `block_id`.

    `submit_key` names the modal's own submit button, the one to press again.
    """
    show_errors(ack, {block_id: translate(lang, "field.not_saved", button=translate(lang, submit_key))})


def replace_view(ack: Ack, view: Block) -> None:
    """The modal turns into `view`."""
    ack(response_action="update", view=view)
