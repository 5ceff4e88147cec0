"""What a person sees when Nope's storage does not answer and the surface has no field to say it on."""

from __future__ import annotations

from blocks.kit import Block, modal, section
from coach.i18n import translate

CALLBACK_ID = "storage_unavailable"
NOTICE_KEY = "error.storage_unavailable_retry"


def storage_unavailable_modal(lang: str) -> Block:
    """Pushed on top of the modal a button was pressed in: closing it shows that modal again, unchanged."""
    return modal(
        title=translate(lang, "error.storage_unavailable_title"),
        close=translate(lang, "reflect.close"),
        callback_id=CALLBACK_ID,
        blocks=[section(translate(lang, NOTICE_KEY))],
    )
