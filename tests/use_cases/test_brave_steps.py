"""A brave step's reminder, planned through the platform, and the step marked done."""

from __future__ import annotations

from datetime import timedelta

from tests.use_cases.platform import ANNA, BRAM
from use_cases import brave_steps, reflection
from use_cases.home import home_content
from use_cases.log_rejection import RejectionAnswers, check, log_rejection
from use_cases.messages import BraveStepReminder, ReminderNotScheduled
from use_cases.reflection import BRAVE_STEP, StepAnswers


def planned(core, day_offset: int = 2, text: str = "Ask Sam for coffee") -> int:
    answers = RejectionAnswers("social", "left_out", "hurt", "2", None, True)
    rid = reflection.start(core, ANNA, log_rejection(core, ANNA, check(answers, "en")).rejection_id).reflection_id
    day = str(core.clock().date() + timedelta(days=day_offset))
    reflection.submit_step(core, ANNA, rid, BRAVE_STEP, StepAnswers(text, day=day, clock_time="09:30"))
    return rid


def test_the_reminder_is_scheduled_for_the_chosen_moment_and_replaced_when_replanned(core, platform):
    rid = planned(core)
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    [(first_id, first)] = platform.scheduled.items()
    assert first.message == BraveStepReminder("en", rid, "Ask Sam for coffee")
    assert first.at.astimezone(ANNA.zone).strftime("%H:%M") == "09:30"

    day = str(core.clock().date() + timedelta(days=3))
    reflection.submit_step(core, ANNA, rid, BRAVE_STEP, StepAnswers("Call Sam", day=day, clock_time="10:00"))
    brave_steps.plan_reminder(core, ANNA, rid, platform)

    assert platform.cancelled == [first_id]
    assert platform.scheduled["Q2"].message.brave_step == "Call Sam"


def test_a_step_the_platform_will_not_schedule_is_sent_at_once(core, platform):
    rid = planned(core)
    platform.refuse_scheduling = True

    brave_steps.plan_reminder(core, ANNA, rid, platform)

    assert platform.scheduled == {}
    assert platform.sent == [(ANNA.user_id, ReminderNotScheduled("en", "Ask Sam for coffee"))]


def test_with_the_platform_away_nothing_is_scheduled_and_nothing_is_left_to_cancel(core, platform):
    rid = planned(core)
    platform.refuse = True
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    platform.refuse = False

    brave_steps.plan_reminder(core, ANNA, rid, platform)

    assert platform.cancelled == [] and len(platform.scheduled) == 1


def test_a_done_step_becomes_a_comeback_once_and_only_for_its_owner(core):
    rid = planned(core)

    assert brave_steps.mark_done(core, BRAM, rid) is None
    assert brave_steps.mark_done(core, ANNA, rid) == "Ask Sam for coffee"
    home = home_content(core, ANNA)
    assert [comeback.brave_step for comeback in home.comebacks] == ["Ask Sam for coffee"]
    assert home.open_brave_steps == []
