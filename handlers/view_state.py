"""Reading what a person entered in a modal (`view.state.values`), whatever shape it arrives in."""

from __future__ import annotations

from typing import Any


def element_state(values: dict[str, Any], block_id: str) -> dict[str, Any]:
    """The state of the one element in input block `block_id` (each of ours holds exactly one)."""
    actions = values.get(block_id)
    element = next(iter(actions.values()), {}) if isinstance(actions, dict) and actions else {}
    return element if isinstance(element, dict) else {}


def chosen_value(values: dict[str, Any], block_id: str) -> str | None:
    """The value of the option picked in a select or radio group, if any."""
    selected = element_state(values, block_id).get("selected_option")
    value = selected.get("value") if isinstance(selected, dict) else None
    return value if isinstance(value, str) else None


def typed_text(values: dict[str, Any], block_id: str) -> str | None:
    """What was typed in a text (or number) input, stripped; None when empty."""
    raw = element_state(values, block_id).get("value")
    return raw.strip() or None if isinstance(raw, str) else None
