"""`coach_text`: one call from a person's sentence to traps, new stories and feedback questions."""

from __future__ import annotations

import json

import pytest

from coach.coaching import CoachResult, TrapResult, coach_text
from coach.library import feedback_questions, reframes
from coach.traps import counter_question


def test_the_result_has_exactly_the_agreed_shape():
    result = coach_text("This always happens to me.", "en", "job_application", "recruiter")

    assert result.to_dict() == {
        "lang": "en",
        "traps": [
            {"id": "overgeneralising", "evidence": "always", "question": counter_question("overgeneralising", "en")}
        ],
        "reframes": [phrase.text for phrase in reframes("job_application", ["overgeneralising"], "en")],
        "feedback_questions": [phrase.text for phrase in feedback_questions("job_application", "recruiter", "en")],
    }
    json.dumps(result.to_dict())  # plain data, ready for JSON


def test_the_language_is_detected_when_not_given():
    result = coach_text("Ik denk dat ze me vast dom vonden.")

    assert result.lang == "nl"
    assert result.traps == [TrapResult("mind_reading", "ze me vast dom vonden", counter_question("mind_reading", "nl"))]
    assert result.reframes[0] == reframes("other", ["mind_reading"], "nl")[0].text


def test_a_given_language_is_used_and_an_unknown_one_falls_back_to_english():
    assert coach_text("I always fail", "nl").lang == "nl"
    assert coach_text("Ik faal altijd", "fr").lang == "en"


@pytest.mark.parametrize("text", ["", "🙂", "\x00\x1b", "<@U123>", "x" * 10_000])
def test_nothing_to_read_still_gets_helpful_reframes_and_questions(text):
    result = coach_text(text, kind="outreach")

    assert isinstance(result, CoachResult)
    assert result.traps == []
    assert len(result.reframes) == 3
    assert len(result.feedback_questions) == 4
    assert all(result.reframes + result.feedback_questions)


def test_an_unknown_kind_or_person_falls_back():
    result = coach_text("I give up.", "en", kind="no_such_kind", who="stranger")

    assert [trap.id for trap in result.traps] == ["avoidance"]
    assert len(result.reframes) == 3
    assert len(result.feedback_questions) == 4
