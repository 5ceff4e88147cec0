"""One `state.values` filler for the page's reports and the tests' answers: inputs nobody touched keep
their initial values, as in Slack, and both ways in give the same state."""

from __future__ import annotations

import pytest

from slack_standin.view_state import fill_in, view_state

ONE = {"text": {"type": "plain_text", "text": "One"}, "value": "1"}
TWO = {"text": {"type": "plain_text", "text": "Two"}, "value": "2"}


def entry(block_id: str, element: dict) -> dict:
    return {"type": "input", "block_id": block_id, "element": {"action_id": "a", **element}}


VIEW = {
    "type": "modal",
    "blocks": [
        entry("story", {"type": "plain_text_input", "initial_value": "As it was"}),
        entry("empty", {"type": "plain_text_input"}),
        entry("kind", {"type": "static_select", "options": [ONE, TWO], "initial_option": TWO}),
        entry("boxes", {"type": "checkboxes", "options": [ONE, TWO], "initial_options": [ONE]}),
        entry("people", {"type": "multi_users_select", "initial_users": ["U0ANNA"]}),
        entry("date", {"type": "datepicker", "initial_date": "2026-11-27"}),
        {"type": "actions", "block_id": "buttons", "elements": [{"type": "button", "action_id": "go"}]},
        {
            "type": "section",
            "block_id": "pick",
            "text": {"type": "mrkdwn", "text": "Pick"},
            "accessory": {"type": "static_select", "action_id": "p", "options": [ONE], "initial_option": ONE},
        },
    ],
}


def test_untouched_inputs_keep_their_initial_values_and_other_elements_are_left_out():
    assert (
        fill_in(VIEW, {})
        == view_state(VIEW, {})
        == {
            "story": {"a": {"type": "plain_text_input", "value": "As it was"}},
            "empty": {"a": {"type": "plain_text_input", "value": None}},
            "kind": {"a": {"type": "static_select", "selected_option": TWO}},
            "boxes": {"a": {"type": "checkboxes", "selected_options": [ONE]}},
            "people": {"a": {"type": "multi_users_select", "selected_users": ["U0ANNA"]}},
            "date": {"a": {"type": "datepicker", "selected_date": "2026-11-27"}},
        }
    )


def test_the_tests_answers_and_the_pages_strings_give_the_same_state():
    answers = {"story": "New", "kind": "1", "boxes": ["1", "2"], "people": [], "date": None, "pick": "1"}
    reported = {"story": ["New"], "kind": ["1"], "boxes": ["1", "2"], "people": [], "date": [""]}
    entered = {**{block: {"a": strings} for block, strings in reported.items()}, "pick": {"p": ["1"]}}
    state = fill_in(VIEW, answers)
    assert state == view_state(VIEW, entered)
    assert state["kind"]["a"]["selected_option"] == ONE
    assert state["boxes"]["a"]["selected_options"] == [ONE, TWO]
    assert state["date"]["a"]["selected_date"] is None
    assert state["pick"]["p"]["selected_option"] == ONE
    assert "buttons" not in state


def test_an_answer_the_view_does_not_offer_is_a_mistake_in_the_test():
    with pytest.raises(ValueError, match="'3' is not an option of kind"):
        fill_in(VIEW, {"kind": "3"})
    with pytest.raises(ValueError, match="'3' is not an option of boxes"):
        fill_in(VIEW, {"boxes": ["1", "3"]})
