"""Reading and validating a submitted log-a-no modal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from blocks import log_rejection_modal as form
from coach.catalog import FEELINGS, FORMS, INTENSITIES, KINDS, STORY_MAX_CHARS
from coach.i18n import translate
from coach.records import NewRejection
from handlers.view_state import chosen_value, element_state, typed_text


@dataclass
class FormReading:
    new_rejection: NewRejection | None
    # block_id -> message, ready for `response_action: errors`
    errors: dict[str, str] = field(default_factory=dict)


def read_log_no(values: dict[str, Any], lang: str) -> FormReading:
    """Turn Slack's `view.state.values` into a NewRejection, or per-field errors in the person's language."""
    errors: dict[str, str] = {}
    kind = chosen_value(values, form.KIND_BLOCK)
    if kind not in KINDS:
        errors[form.KIND_BLOCK] = translate(lang, "field.kind_missing")
    how = chosen_value(values, form.FORM_BLOCK)
    if how not in FORMS:
        errors[form.FORM_BLOCK] = translate(lang, "field.form_missing")
    feeling = chosen_value(values, form.FEELING_BLOCK)
    if feeling not in FEELINGS:
        errors[form.FEELING_BLOCK] = translate(lang, "field.feeling_missing")
    intensity_value = chosen_value(values, form.INTENSITY_BLOCK)
    intensity = int(intensity_value) if intensity_value and intensity_value.isdigit() else None
    if intensity not in INTENSITIES:
        errors[form.INTENSITY_BLOCK] = translate(lang, "field.intensity_missing")
    story = typed_text(values, form.STORY_BLOCK)
    if story and len(story) > STORY_MAX_CHARS:
        errors[form.STORY_BLOCK] = translate(lang, "field.story_too_long", length=len(story), limit=STORY_MAX_CHARS)
    tally_choices = element_state(values, form.TALLY_BLOCK).get("selected_options") or []
    counts_in_tally = any(
        isinstance(choice, dict) and choice.get("value") == form.TALLY_VALUE for choice in tally_choices
    )
    if errors:
        return FormReading(new_rejection=None, errors=errors)
    return FormReading(
        new_rejection=NewRejection(
            kind=str(kind),
            form=str(how),
            feeling=str(feeling),
            intensity=int(intensity or 0),
            story=story,
            counts_in_tally=counts_in_tally,
        )
    )
