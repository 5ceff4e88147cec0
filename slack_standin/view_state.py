"""What a person entered in a view, as Slack sends it: `view.state.values`, one shape per element type.

Two ways in: the sandbox's page reports each element as a list of strings (`view_state`), the tests
answer per block (`fill_in`). Either way the options' full objects come from the view itself, as
Slack takes them from it, and an input nobody touched reports its initial value, as in Slack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from slack_standin.block_kit import Placed, State, all_options, interactive_elements

# What the page reports for a view: block id -> action id -> the strings entered.
Entered = Mapping[str, Mapping[str, Sequence[str]]]
# A test's answer for one block: an option value, a list of option values or ids, a text, or None
# for "left empty".
Answer = str | Sequence[str] | None

# The key of each element type's state; an untouched element reports its `initial_…` field there
# (`value` <- `initial_value`, `selected_users` <- `initial_users`, ...).
STATE_KEYS = {
    "plain_text_input": "value",
    "number_input": "value",
    "static_select": "selected_option",
    "radio_buttons": "selected_option",
    "checkboxes": "selected_options",
    "multi_static_select": "selected_options",
    "users_select": "selected_user",
    "conversations_select": "selected_conversation",
    "channels_select": "selected_channel",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
    "multi_users_select": "selected_users",
    "multi_conversations_select": "selected_conversations",
    "multi_channels_select": "selected_channels",
}
LIST_KEYS = frozenset({"selected_options", "selected_users", "selected_conversations", "selected_channels"})


def element_state(element: Mapping[str, Any], entered: Sequence[str]) -> dict[str, Any]:
    """One element's state in Slack's format, from the strings entered in it."""
    kind = str(element.get("type"))
    key = STATE_KEYS.get(kind)
    if key is None:
        return {"type": kind}
    first = entered[0] if entered and entered[0] != "" else None
    chosen: Any
    if key == "selected_options":
        chosen = [option for option in all_options(element) if option.get("value") in entered]
    elif key in LIST_KEYS:
        chosen = [value for value in entered if value]
    elif key == "selected_option":
        chosen = next((option for option in all_options(element) if option.get("value") == first), None)
    else:
        chosen = first
    return {"type": kind, key: chosen}


def _untouched_state(element: Mapping[str, Any]) -> dict[str, Any]:
    """An input's state when nobody touched it: its initial value, or nothing."""
    kind = str(element.get("type"))
    key = STATE_KEYS.get(kind)
    if key is None:
        return {"type": kind}
    initial = element.get("initial_" + key.removeprefix("selected_"))
    return {"type": kind, key: initial if initial is not None else ([] if key in LIST_KEYS else None)}


def view_state(view: Mapping[str, Any], entered: Entered) -> State:
    """`state.values` for `view` from what the page reported (block id -> action id -> strings).

    Buttons have no state; an input the page said nothing about keeps its initial value; any other
    element it said nothing about is left out, as Slack leaves out elements nobody used.
    """
    values: dict[str, dict[str, dict[str, Any]]] = {}
    for placed in interactive_elements(view):
        action_id = str(placed.element.get("action_id", ""))
        reported = entered.get(placed.block_id, {}).get(action_id)
        if placed.element.get("type") == "button" or (reported is None and not placed.in_input):
            continue
        state = _untouched_state(placed.element) if reported is None else element_state(placed.element, reported)
        values.setdefault(placed.block_id, {})[action_id] = state
    return values


def fill_in(view: Mapping[str, Any], answers: Mapping[str, Answer]) -> State:
    """`state.values` for `view` from a test's answers (block id -> answer); other inputs keep their
    initial values. An option value the view does not offer is a mistake in the test: ValueError."""
    entered: dict[str, dict[str, list[str]]] = {}
    for placed in interactive_elements(view):
        if placed.block_id in answers:
            strings = _strings(answers[placed.block_id])
            _check_offered(placed, strings)
            entered[placed.block_id] = {str(placed.element.get("action_id", "")): strings}
    return view_state(view, entered)


def _strings(answer: Answer) -> list[str]:
    if answer is None:
        return []
    return [answer] if isinstance(answer, str) else list(answer)


def _check_offered(placed: Placed, strings: list[str]) -> None:
    offered = {option.get("value") for option in all_options(placed.element)}
    missing = [value for value in strings if offered and value not in offered]
    if missing:
        raise ValueError(f"{missing[0]!r} is not an option of {placed.block_id}")
