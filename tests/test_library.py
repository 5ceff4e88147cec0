"""Reframes, feedback questions, asking tips and brave steps: fitted, varied, complete in both languages."""

from __future__ import annotations

import string

import pytest

from coach.catalog import KINDS
from coach.content import content
from coach.library import WHO_SAID_NO, Phrase, asking_tip, brave_steps, feedback_questions, reframes
from coach.traps import TRAP_IDS

LANGS = ["en", "nl"]
# Phrases are shown in Slack sections and carried in a modal's private metadata: keep them short.
MAX_PHRASE_CHARS = 160


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def flatten(tree: object, path: str = "") -> dict[str, str]:
    """Every text in a content file, by its path of keys (phrase ids end the path)."""
    if isinstance(tree, str):
        return {path: tree}
    assert isinstance(tree, dict), path
    return {key: text for name, child in tree.items() for key, text in flatten(child, f"{path}/{name}").items()}


def test_both_languages_have_the_same_keys_and_placeholders():
    english, dutch = flatten(content("en")), flatten(content("nl"))

    assert english.keys() == dutch.keys()
    for key in english:
        assert placeholders(english[key]) == placeholders(dutch[key]), key
        assert english[key] != dutch[key] or english[key].endswith("?") is False, key


def test_every_kind_trap_and_person_has_its_own_words():
    for lang in LANGS:
        words = content(lang)
        assert set(words["reframes"]["kind"]) == set(KINDS)
        assert set(words["reframes"]["trap"]) == set(TRAP_IDS)
        assert set(words["feedback_questions"]["kind"]) == set(KINDS)
        assert set(words["feedback_questions"]["who"]) == set(WHO_SAID_NO)
        assert set(words["brave_steps"]["kind"]) == set(KINDS)
        assert set(words["asking_tips"]) == {*WHO_SAID_NO, "general"}
        assert set(words["counter_questions"]) == {*TRAP_IDS, "general"}


@pytest.mark.parametrize("lang", LANGS)
def test_phrase_ids_are_unique_and_texts_short(lang):
    texts = flatten(content(lang))
    phrase_ids = [path.rsplit("/", 1)[1] for path in texts if path.count(".") >= 2]

    assert len(phrase_ids) == len(set(phrase_ids))
    assert all(0 < len(text) <= MAX_PHRASE_CHARS for text in texts.values())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_gets_the_asked_number_of_distinct_phrases(lang, kind):
    for count in (1, 3, 5):
        for phrases in (
            reframes(kind, [], lang, count=count),
            feedback_questions(kind, "peer", lang, count=count),
            brave_steps(kind, lang, count=count),
        ):
            assert len(phrases) == count
            assert len({phrase.id for phrase in phrases}) == count
            assert all(isinstance(phrase, Phrase) and phrase.text for phrase in phrases)


def test_phrases_are_fitted_to_the_kind_of_no():
    job = reframes("job_application", [], "en")
    pitch = reframes("sales_pitch", [], "en")

    assert all(phrase.id.startswith("reframe.kind.job_application.") for phrase in job)
    assert all(phrase.id.startswith("reframe.kind.sales_pitch.") for phrase in pitch)
    assert brave_steps("idea_at_work", "en")[0].id.startswith("step.kind.idea_at_work.")


def test_reframes_lean_on_the_traps_found():
    phrases = reframes("job_application", ["mind_reading", "avoidance"], "en", count=4)
    ids = [phrase.id for phrase in phrases]

    assert ids[0].startswith("reframe.trap.mind_reading.")
    assert any(phrase_id.startswith("reframe.kind.job_application.") for phrase_id in ids)
    assert any(phrase_id.startswith("reframe.trap.avoidance.") for phrase_id in ids)


def test_feedback_questions_fit_who_said_no_and_the_kind():
    recruiter = feedback_questions("job_application", "recruiter", "en")
    manager = feedback_questions("idea_at_work", "manager", "en")

    assert recruiter[0].id.startswith("question.who.recruiter.")
    assert any(phrase.id.startswith("question.kind.job_application.") for phrase in recruiter)
    assert manager[0].id.startswith("question.who.manager.")
    assert {phrase.id for phrase in recruiter}.isdisjoint(phrase.id for phrase in manager)


def test_avoid_gives_other_phrases_and_repeats_only_when_nothing_else_is_left():
    first = reframes("outreach", ["labelling"], "en")
    second = reframes("outreach", ["labelling"], "en", avoid=[phrase.id for phrase in first])

    assert {phrase.id for phrase in first}.isdisjoint(phrase.id for phrase in second)

    everything = brave_steps("social", "en", count=100)
    again = brave_steps("social", "en", count=3, avoid=[phrase.id for phrase in everything])
    assert len(again) == 3
    assert [phrase.id for phrase in again] == [phrase.id for phrase in everything[:3]]


def test_the_same_question_gives_the_same_answer():
    for _ in range(3):
        assert reframes("creative_work", ["overgeneralising"], "nl") == reframes(
            "creative_work", ["overgeneralising"], "nl"
        )
        assert feedback_questions("social", "friend", "nl") == feedback_questions("social", "friend", "nl")


def test_the_same_ids_in_both_languages():
    english = [phrase.id for phrase in feedback_questions("sales_pitch", "client", "en", count=5)]
    dutch = [phrase.id for phrase in feedback_questions("sales_pitch", "client", "nl", count=5)]

    assert english == dutch


def test_unknown_kind_person_trap_or_language_falls_back_instead_of_failing():
    assert reframes("no_such_kind", ["no_such_trap"], "fr") == reframes("other", [], "en")
    assert brave_steps("no_such_kind", "en") == brave_steps("other", "en")
    assert [phrase.id for phrase in feedback_questions("other", "stranger", "en", count=3)] == [
        "question.kind.other.1",
        "question.kind.other.2",
        "question.kind.other.3",
    ]
    assert asking_tip("stranger", "en") == content("en")["asking_tips"]["general"]
    assert reframes("other", [], "en", count=0) == []
    assert reframes("other", [], "en", count=-1) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("who", WHO_SAID_NO)
def test_each_person_gets_a_short_asking_tip(lang, who):
    tip = asking_tip(who, lang)

    assert tip != asking_tip("general", lang)
    assert 1 <= tip.count(".") <= 2
