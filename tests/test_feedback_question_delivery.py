"""A feedback question counts as asked only once it reached the person's DM; when it did not, the
reflection says so, through the real app and the stand-in."""

from __future__ import annotations

from blocks import reflection_views as steps
from tests.conftest import ANNA
from tests.harness import all_text, sections_with_button, updated_view
from tests.test_reflection_flow import reflect_on_a_new_no, skip_to, stored_reflections
from use_cases.reflection import FEEDBACK


def test_a_question_slack_would_not_deliver_is_not_counted_as_asked_and_the_person_is_told(
    slack, web_api, database_url
):
    feedback = skip_to(slack, web_api, reflect_on_a_new_no(slack, web_api), FEEDBACK)
    question = sections_with_button(feedback, steps.ASK_QUESTION_ACTION)[0]["text"]["text"]
    updates_before = len(web_api.calls("views.update"))
    web_api.fail("chat.postMessage", status=500, times=2)

    slack.click_in_modal(ANNA, feedback, steps.ASK_QUESTION_ACTION, "0")

    shown = updated_view(web_api, count=updates_before + 1)
    assert "could not send this question to your DM" in all_text(shown["blocks"][0])
    assert "Sent to your DM" not in all_text(shown)
    # The question keeps its button, to ask again.
    assert question in [section["text"]["text"] for section in sections_with_button(shown, steps.ASK_QUESTION_ACTION)]
    [reflection] = stored_reflections(database_url)
    assert (reflection.feedback_question, reflection.feedback_asked_at) == (None, None)
    assert all(not call.reply.get("ok") for call in web_api.calls("chat.postMessage"))
