"""What a person entered in a modal, as Slack sends it: `view.state.values`, one shape per element type.

The page reports each element as a list of strings (the text typed, the option values ticked, the
date picked); the options' full objects come from the view itself, as Slack takes them from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox.render import State, all_options, block_id_of

TEXT_TYPES = frozenset({"plain_text_input", "number_input"})
SINGLE_OPTION_TYPES = frozenset({"static_select", "radio_buttons"})
MULTI_OPTION_TYPES = frozenset({"checkboxes", "multi_static_select"})
# Pickers whose state is just ids: element type -> the state's key.
ID_PICKERS = {
    "users_select": "selected_user",
    "conversations_select": "selected_conversation",
    "channels_select": "selected_channel",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
}
MULTI_ID_PICKERS = {
    "multi_users_select": "selected_users",
    "multi_conversations_select": "selected_conversations",
    "multi_channels_select": "selected_channels",
}


def element_state(element: Mapping[str, Any], entered: list[str]) -> dict[str, Any]:
    """One element's state in Slack's format, from the strings the page reported for it."""
    kind = str(element.get("type"))
    first = entered[0] if entered and entered[0] != "" else None
    state: dict[str, Any] = {"type": kind}
    if kind in TEXT_TYPES:
        state["value"] = first
    elif kind in SINGLE_OPTION_TYPES:
        state["selected_option"] = next((o for o in all_options(element) if o.get("value") == first), None)
    elif kind in MULTI_OPTION_TYPES:
        state["selected_options"] = [o for o in all_options(element) if o.get("value") in entered]
    elif kind in ID_PICKERS:
        state[ID_PICKERS[kind]] = first
    elif kind in MULTI_ID_PICKERS:
        state[MULTI_ID_PICKERS[kind]] = [value for value in entered if value]
    return state


def interactive_elements(view: Mapping[str, Any]) -> Iterable[tuple[str, Mapping[str, Any]]]:
    """(block id, element) for every element whose state Slack reports: inputs and actions."""
    for index, block in enumerate(view.get("blocks") or []):
        block_id = block_id_of(block, index)
        if block.get("type") == "input" and block.get("element"):
            yield block_id, block["element"]
        elif block.get("type") == "actions":
            for element in block.get("elements") or []:
                yield block_id, element
        elif block.get("type") == "section" and block.get("accessory"):
            yield block_id, block["accessory"]


def view_state(view: Mapping[str, Any], entered: Mapping[str, Mapping[str, list[str]]]) -> State:
    """`state.values` for `view`: what the page reported (block id -> action id -> strings).

    Buttons have no state; an element the page said nothing about is left out, as Slack leaves out
    elements nobody touched that have no initial value.
    """
    values: dict[str, dict[str, dict[str, Any]]] = {}
    for block_id, element in interactive_elements(view):
        action_id = str(element.get("action_id", ""))
        reported = entered.get(block_id, {}).get(action_id)
        if element.get("type") == "button" or reported is None:
            continue
        values.setdefault(block_id, {})[action_id] = element_state(element, [str(value) for value in reported])
    return values
