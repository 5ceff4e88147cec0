"""Logging a no, with nothing but plain values in and out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach.records import Goal
from tests.use_cases.platform import ANNA, BRAM, CARL
from use_cases import log_rejection
from use_cases.core import Invalid, StorageUnavailable
from use_cases.goals import save_goal
from use_cases.log_rejection import Logged, RejectionAnswers, SwitchedOff
from use_cases.settings import change

ANSWERS = RejectionAnswers("job_application", "silence", "hurt", "4", "They never wrote back.", True)


def test_a_checked_no_is_logged_and_counted_this_week_with_the_goal(core, clock):
    save_goal(core, ANNA, Goal(target=3, period="week"))
    new = log_rejection.check(ANSWERS, ANNA.lang)
    log_rejection.log_rejection(core, ANNA, new)
    clock.advance(timedelta(hours=1))

    logged = log_rejection.log_rejection(core, ANNA, new)

    assert isinstance(logged, Logged)
    assert (logged.this_week, logged.counts_in_tally, logged.goal.collected, logged.goal.target) == (2, True, 2, 3)
    # Other people's no's, in this workspace or another, count for nobody else.
    assert log_rejection.log_rejection(core, BRAM, new).this_week == 1
    assert log_rejection.log_rejection(core, CARL, new).this_week == 1


def test_every_missing_choice_and_a_long_story_are_named_in_the_persons_language():
    checked = log_rejection.check(RejectionAnswers(None, "nope", None, "9", "x" * 2001, True), "nl")

    assert isinstance(checked, Invalid)
    assert set(checked.errors) == {"kind", "form", "feeling", "intensity", "story"}
    assert "2001" in checked.errors["story"] and "2000" in checked.errors["story"]
    assert checked.errors != log_rejection.check(RejectionAnswers(None, None, None, None, None, True), "en").errors


def test_nothing_is_logged_once_a_manager_switched_nope_off(core):
    change(core, ANNA.workspace_id, {"enabled": False})

    assert log_rejection.log_rejection(core, ANNA, log_rejection.check(ANSWERS, "en")) == SwitchedOff()
    assert not log_rejection.is_switched_on(core, ANNA.workspace_id)
    assert log_rejection.is_switched_on(core, CARL.workspace_id)


def test_a_database_that_does_not_answer_is_storage_unavailable(core):
    core.sessions.kw["bind"].dispose()
    core.sessions.configure(bind=_unreachable_engine())
    with pytest.raises(StorageUnavailable):
        log_rejection.log_rejection(core, ANNA, log_rejection.check(ANSWERS, "en"))


def _unreachable_engine():
    from storage.db import create_db_engine

    # Nothing listens on port 9 (discard): every connection is refused.
    return create_db_engine("postgresql://nope@127.0.0.1:9/nope")
