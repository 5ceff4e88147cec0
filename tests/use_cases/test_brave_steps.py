"""A brave step's reminder, planned through the platform, and the step marked done."""

from __future__ import annotations

from datetime import datetime, timedelta

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


def test_a_step_refused_for_good_and_undeliverable_is_given_up_not_tried_forever(core, platform):
    rid = planned(core)
    platform.refuse = True
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    platform.refuse = False

    assert brave_steps.send_owed_reminders(core, lambda _workspace: platform, one_minute_later(core)) == 0
    assert platform.scheduled == {} and platform.sent == []


def test_a_done_step_becomes_a_comeback_once_and_only_for_its_owner(core):
    rid = planned(core)

    assert brave_steps.mark_done(core, BRAM, rid) is None
    assert brave_steps.mark_done(core, ANNA, rid) == "Ask Sam for coffee"
    home = home_content(core, ANNA)
    assert [comeback.brave_step for comeback in home.comebacks] == ["Ask Sam for coffee"]
    assert home.open_brave_steps == []


def replan(core, rid: int, platform) -> None:
    day = str(core.clock().date() + timedelta(days=3))
    reflection.submit_step(core, ANNA, rid, BRAVE_STEP, StepAnswers("Call Sam", day=day, clock_time="10:00"))
    brave_steps.plan_reminder(core, ANNA, rid, platform)


def one_minute_later(core) -> datetime:
    return core.clock() + timedelta(minutes=1)


def test_a_reminder_slack_is_too_busy_to_take_is_owed_and_scheduled_once_a_minute_later(core, platform):
    rid = planned(core)
    platform.busy = True
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    assert platform.scheduled == {} and platform.sent == []  # no "could not schedule" message for a busy minute

    platform.busy = False
    later = one_minute_later(core)
    assert brave_steps.send_owed_reminders(core, lambda _workspace: platform, later) == 1
    assert brave_steps.send_owed_reminders(core, lambda _workspace: platform, later + timedelta(minutes=1)) == 0

    [(scheduled_id, reminder)] = platform.scheduled.items()
    assert reminder.message == BraveStepReminder("en", rid, "Ask Sam for coffee")
    replan(core, rid, platform)
    assert platform.cancelled == [scheduled_id]


def test_a_reminder_whose_answer_was_lost_is_found_not_scheduled_again(core, platform):
    rid = planned(core)
    platform.schedule_answers_lost = True
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    platform.schedule_answers_lost = False

    brave_steps.send_owed_reminders(core, lambda _workspace: platform, one_minute_later(core))

    assert list(platform.scheduled) == ["Q1"]
    replan(core, rid, platform)  # the one found is on record: replanning cancels it
    assert platform.cancelled == ["Q1"]


def test_an_owed_reminder_is_tried_each_minute_and_sent_late_once_its_moment_has_passed(core, platform):
    rid = planned(core, day_offset=1)
    platform.busy = True
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    brave_steps.send_owed_reminders(core, lambda _workspace: platform, one_minute_later(core))
    platform.busy = False

    two_days_later = core.clock() + timedelta(days=2)
    brave_steps.send_owed_reminders(core, lambda _workspace: platform, two_days_later)
    brave_steps.send_owed_reminders(core, lambda _workspace: platform, two_days_later + timedelta(minutes=1))

    assert platform.scheduled == {}
    assert platform.sent == [(ANNA.user_id, BraveStepReminder("en", rid, "Ask Sam for coffee"))]


def test_an_owed_reminder_of_a_step_already_done_is_dropped(core, platform):
    rid = planned(core)
    platform.busy = True
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    platform.busy = False
    brave_steps.mark_done(core, ANNA, rid)

    assert brave_steps.send_owed_reminders(core, lambda _workspace: platform, one_minute_later(core)) == 0
    assert platform.scheduled == {} and platform.sent == []


def test_a_step_saved_whose_own_try_never_ran_is_scheduled_by_the_scheduler(core, platform):
    rid = planned(core)  # saved; the process stopped before the reminder's own try (or the database was away)

    brave_steps.send_owed_reminders(core, lambda _workspace: platform, one_minute_later(core))

    [reminder] = platform.scheduled.values()
    assert reminder.message == BraveStepReminder("en", rid, "Ask Sam for coffee")
