"""The private modal in which a person logs a no."""

from __future__ import annotations

from blocks.kit import Block, context, input_block, modal, option, static_select
from blocks.metadata import ModalMetadata
from coach.catalog import FEELINGS, FORMS, INTENSITIES, KINDS, STORY_MAX_CHARS
from coach.i18n import translate

CALLBACK_ID = "log_no"
KIND_BLOCK, KIND_ACTION = "kind", "kind_select"
FORM_BLOCK, FORM_ACTION = "form", "form_choice"
FEELING_BLOCK, FEELING_ACTION = "feeling", "feeling_select"
INTENSITY_BLOCK, INTENSITY_ACTION = "intensity", "intensity_select"
STORY_BLOCK, STORY_ACTION = "story", "story_input"
TALLY_BLOCK, TALLY_ACTION = "tally", "tally_choice"
TALLY_VALUE = "count_in_tally"
DEFAULT_INTENSITY = 3


def _choices(lang: str, action_id: str, prefix: str, values: tuple[object, ...]) -> Block:
    options = [option(translate(lang, f"{prefix}.{value}"), str(value)) for value in values]
    return static_select(action_id, translate(lang, "log.choose"), options)


def log_rejection_modal(lang: str, timezone_name: str, story: str | None = None) -> Block:
    """The form: kind, form, feeling, intensity, optional private story, tally opt-in (on)."""
    intensity = _choices(lang, INTENSITY_ACTION, "intensity", INTENSITIES)
    intensity["initial_option"] = option(translate(lang, f"intensity.{DEFAULT_INTENSITY}"), str(DEFAULT_INTENSITY))
    forms = [option(translate(lang, f"form.{form}"), form) for form in FORMS]
    story_input: Block = {
        "type": "plain_text_input",
        "action_id": STORY_ACTION,
        "multiline": True,
        "max_length": STORY_MAX_CHARS,
        "placeholder": {"type": "plain_text", "text": translate(lang, "log.story_placeholder")},
    }
    if story:
        story_input["initial_value"] = story[:STORY_MAX_CHARS]
    tally_option = option(translate(lang, "log.tally_option"), TALLY_VALUE)
    blocks = [
        context(translate(lang, "log.intro")),
        input_block(KIND_BLOCK, translate(lang, "log.kind_label"), _choices(lang, KIND_ACTION, "kind", KINDS)),
        input_block(
            FORM_BLOCK,
            translate(lang, "log.form_label"),
            {"type": "radio_buttons", "action_id": FORM_ACTION, "options": forms},
        ),
        input_block(
            FEELING_BLOCK,
            translate(lang, "log.feeling_label"),
            _choices(lang, FEELING_ACTION, "feeling", FEELINGS),
        ),
        input_block(INTENSITY_BLOCK, translate(lang, "log.intensity_label"), intensity),
        input_block(
            STORY_BLOCK,
            translate(lang, "log.story_label"),
            story_input,
            optional=True,
            hint=translate(lang, "log.story_hint"),
        ),
        input_block(
            TALLY_BLOCK,
            translate(lang, "log.tally_label"),
            {
                "type": "checkboxes",
                "action_id": TALLY_ACTION,
                "options": [tally_option],
                "initial_options": [tally_option],
            },
            optional=True,
            hint=translate(lang, "log.tally_hint"),
        ),
    ]
    return modal(
        title=translate(lang, "log.title"),
        submit=translate(lang, "log.submit"),
        close=translate(lang, "log.cancel"),
        callback_id=CALLBACK_ID,
        blocks=blocks,
        private_metadata=ModalMetadata(lang, timezone_name).encode(),
    )
