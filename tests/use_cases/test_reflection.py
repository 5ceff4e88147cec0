"""The reflection's steps as use cases: the flow, the phrases offered, what is saved, and whose it is."""

from __future__ import annotations

from datetime import timedelta

from storage.models import Reflection
from tests.use_cases.platform import ANNA, BRAM
from use_cases import reflection
from use_cases.core import Invalid
from use_cases.log_rejection import RejectionAnswers, check, log_rejection
from use_cases.messages import FeedbackQuestion
from use_cases.reflection import BRAVE_STEP, FEEDBACK, FEEL, REFRAME, REMEMBER, STORY, StepAnswers


def logged(core, person=ANNA, kind: str = "sales_pitch") -> int:
    answers = RejectionAnswers(kind, "explicit", "embarrassed", "3", None, True)
    return log_rejection(core, person, check(answers, person.lang)).rejection_id


def test_the_steps_follow_each_other_and_each_is_saved_as_the_person_goes(core):
    first = reflection.start(core, ANNA, logged(core))
    assert (first.step, first.about.kind, first.about.feeling, first.offered) == (
        FEEL,
        "sales_pitch",
        "embarrassed",
        None,
    )
    rid = first.reflection_id

    story = reflection.submit_step(core, ANNA, rid, FEEL, StepAnswers(text="My face went hot."))
    assert story.step == STORY and story.text is None
    reframe = reflection.submit_step(core, ANNA, rid, STORY, StepAnswers(text="They always say no to me."))
    assert reframe.step == REFRAME
    assert [trap.trap_id for trap in reframe.traps] == ["overgeneralising"]
    assert len(reframe.offered) == 3 and reframe.had_story
    feedback = reflection.submit_step(core, ANNA, rid, REFRAME, StepAnswers(text=reframe.offered[0]))
    assert (feedback.step, feedback.who, len(feedback.offered)) == (FEEDBACK, "client", 4)
    brave = reflection.submit_step(core, ANNA, rid, FEEDBACK, StepAnswers(who="manager"))
    assert brave.step == BRAVE_STEP and brave.default_day == (core.clock() + timedelta(days=1)).date()

    again = reflection.start(core, ANNA, None)  # the latest no: the same reflection, with what was saved
    assert (again.reflection_id, again.text) == (rid, "My face went hot.")


def test_a_second_reflection_is_offered_other_phrases_than_the_first(core):
    first = reflection.start(core, ANNA, logged(core)).reflection_id
    second = reflection.start(core, ANNA, logged(core)).reflection_id

    offered_first = reflection.skip_step(core, ANNA, first, STORY).offered
    offered_second = reflection.skip_step(core, ANNA, second, STORY).offered

    assert not set(offered_first) & set(offered_second)


def test_a_brave_step_must_be_in_the_future_and_within_120_days(core):
    rid = reflection.start(core, ANNA, logged(core)).reflection_id
    today = core.clock().date()

    past = reflection.submit_step(
        core, ANNA, rid, BRAVE_STEP, StepAnswers("Call Sam", day=str(today), clock_time="08:00")
    )
    far = today + timedelta(days=130)
    too_far = reflection.submit_step(
        core, ANNA, rid, BRAVE_STEP, StepAnswers("Call Sam", day=str(far), clock_time="09:00")
    )
    too_long = reflection.submit_step(core, ANNA, rid, FEEL, StepAnswers(text="x" * 2001))
    done = reflection.submit_step(
        core, ANNA, rid, BRAVE_STEP, StepAnswers("Call Sam", day=str(today + timedelta(days=2)), clock_time="09:00")
    )

    assert isinstance(past, Invalid) and set(past.errors) == {"when"}
    assert isinstance(too_far, Invalid) and set(too_far.errors) == {"when"}
    assert isinstance(too_long, Invalid) and set(too_long.errors) == {"text"}
    assert done.step == REMEMBER and done.comeback is None


def test_nobody_reflects_on_someone_elses_no(core):
    annas = logged(core)
    rid = reflection.start(core, ANNA, annas).reflection_id

    assert reflection.start(core, BRAM, annas) is None
    assert reflection.submit_step(core, BRAM, rid, FEEL, StepAnswers(text="mine now")) is None
    assert reflection.skip_step(core, BRAM, rid, FEEL) is None
    assert reflection.pick_who(core, BRAM, rid, "friend") is None
    assert reflection.start(core, ANNA, annas).text is None  # nothing of Bram's reached Anna's reflection


def test_a_picked_phrase_lands_in_the_edit_box_with_the_same_offer(core):
    rid = reflection.start(core, ANNA, logged(core)).reflection_id
    offer = reflection.skip_step(core, ANNA, rid, STORY).offered

    picked = reflection.use_phrase(core, ANNA, rid, REFRAME, offer[1], offer)

    assert (picked.step, picked.text, picked.offered) == (REFRAME, offer[1], offer)


def test_the_feedback_question_goes_to_the_person_with_a_tip_for_who_said_no(core, platform):
    rid = reflection.start(core, BRAM, logged(core, BRAM, kind="job_application")).reflection_id
    offer = reflection.pick_who(core, BRAM, rid, "recruiter").offered

    asked = reflection.ask_question(core, BRAM, rid, offer[0], offer, platform)

    assert asked.asked == offer[0] and asked.who == "recruiter"
    [(user_id, message)] = platform.sent
    assert user_id == BRAM.user_id and isinstance(message, FeedbackQuestion)
    assert (message.lang, message.question) == ("nl", offer[0]) and message.tip


def test_a_question_that_cannot_be_sent_is_not_saved_as_asked_and_the_screen_says_so(core, platform):
    rid = reflection.start(core, ANNA, logged(core)).reflection_id
    offer = reflection.skip_step(core, ANNA, rid, REFRAME).offered
    platform.refuse = True

    unsent = reflection.ask_question(core, ANNA, rid, offer[0], offer, platform)

    assert (unsent.step, unsent.not_sent, unsent.asked, unsent.offered) == (FEEDBACK, offer[0], None, offer)
    with core.sessions() as session:
        saved = session.get(Reflection, rid)
        assert (saved.feedback_question, saved.feedback_asked_at) == (None, None)
    platform.refuse = False
    asked = reflection.ask_question(core, ANNA, rid, offer[0], offer, platform)
    assert (asked.asked, asked.not_sent) == (offer[0], None)
