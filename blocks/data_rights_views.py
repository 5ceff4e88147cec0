"""The modal that confirms `/nope delete`, and what it turns into once the deletion is done (or failed)."""

from __future__ import annotations

from blocks.kit import Block, context, header, modal, section
from blocks.metadata import ModalMetadata
from coach.i18n import translate

CALLBACK_ID = "data_delete"
DONE_CALLBACK_ID = "data_delete_done"


def delete_confirmation_modal(metadata: ModalMetadata) -> Block:
    lang = metadata.lang
    return modal(
        title=translate(lang, "data.delete_title"),
        submit=translate(lang, "data.delete_submit"),
        close=translate(lang, "data.delete_keep"),
        callback_id=CALLBACK_ID,
        blocks=[
            section(translate(lang, "data.delete_what")),
            section(translate(lang, "data.delete_tallies_stay")),
            section(translate(lang, "data.delete_final")),
            context(translate(lang, "data.delete_export_first")),
        ],
        private_metadata=metadata.encode(),
    )


def deleted_view(lang: str) -> Block:
    return modal(
        title=translate(lang, "data.delete_title"),
        close=translate(lang, "data.close"),
        callback_id=DONE_CALLBACK_ID,
        blocks=[header(translate(lang, "data.deleted_headline")), section(translate(lang, "data.deleted"))],
    )


def delete_failed_view(lang: str) -> Block:
    return modal(
        title=translate(lang, "data.delete_title"),
        close=translate(lang, "data.close"),
        callback_id=DONE_CALLBACK_ID,
        blocks=[section(translate(lang, "data.delete_failed"))],
    )
