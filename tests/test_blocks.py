"""Every view and message Nope builds is valid Block Kit, as the Slack stand-in checks it, in both languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from blocks import reflection_views as steps
from blocks.digest_message import chart_alt_text, digest_blocks
from blocks.direct_messages import (
    brave_step_done_blocks,
    channel_lost_blocks,
    feedback_question_blocks,
    reminder_blocks,
    reminder_failed_blocks,
)
from blocks.goal_views import goal_modal, goal_set_view
from blocks.home_view import HomeContent, home_view
from blocks.log_rejection_modal import STORY_BLOCK, log_rejection_modal
from blocks.logged_view import logged_view
from blocks.long_text import quoted_sections
from blocks.messages import fallback_text, help_blocks, notice_blocks
from blocks.metadata import ModalMetadata
from blocks.mrkdwn import escape
from coach.catalog import FEELINGS, KINDS, STORY_MAX_CHARS
from coach.i18n import LANGUAGES, catalog
from coach.records import BraveStep, Comeback, Goal, GoalProgress, LoggedRejection, OpenReflection, PersonalProgress
from digest.anonymity import Contribution
from digest.content import WeekActivity, build_digest
from digest.weeks import previous_weeks
from slack_standin.web_api import check_message, check_view
from tests.harness import all_text

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
FULL_PROGRESS = PersonalProgress(
    total=120,
    this_week=3,
    streak_weeks=9,
    recent=tuple(
        LoggedRejection(NOW - timedelta(days=n), KINDS[n % len(KINDS)], "explicit", FEELINGS[n % len(FEELINGS)], 5)
        for n in range(5)
    ),
)
EMPTY_PROGRESS = PersonalProgress(total=0, this_week=0, streak_weeks=0, recent=())
NOTICE_KEYS = [key for key in catalog("en") if key.startswith(("error.", "notice."))]


def valid_view(view: dict) -> dict:
    """`view`, once the Slack stand-in has checked it as Slack does (every block, every limit)."""
    check_view(view)
    return view


def valid_blocks(blocks: list[dict]) -> list[dict]:
    """A message's `blocks`, once the Slack stand-in has checked them as Slack does."""
    check_message(blocks, None)
    return blocks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_log_no_modal_is_valid_empty_and_prefilled(lang):
    valid_view(log_rejection_modal(lang, "Europe/Amsterdam"))
    prefilled = valid_view(log_rejection_modal(lang, "Europe/Amsterdam", story="x" * (STORY_MAX_CHARS + 500)))
    story = next(block for block in prefilled["blocks"] if block.get("block_id") == STORY_BLOCK)
    assert len(story["element"]["initial_value"]) == STORY_MAX_CHARS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_modal_remembers_language_and_timezone(lang):
    metadata = ModalMetadata.decode(log_rejection_modal(lang, "America/Chicago")["private_metadata"])
    assert metadata == ModalMetadata(lang, "America/Chicago")


@pytest.mark.parametrize("raw", [None, "", "not json", "[1]", '{"lang": "fr", "tz": 5}'])
def test_unreadable_metadata_falls_back_to_english_utc(raw):
    assert ModalMetadata.decode(raw) == ModalMetadata("en", "UTC")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("this_week", [1, 2, 40])
@pytest.mark.parametrize("counts_in_tally", [True, False])
def test_logged_view_is_valid(lang, this_week, counts_in_tally):
    goal = GoalProgress(target=10, period="month", collected=this_week)
    view = valid_view(
        logged_view(lang, rejection_id=42, this_week=this_week, counts_in_tally=counts_in_tally, goal=goal)
    )
    assert all_text(view).count("10") >= 1
    valid_view(logged_view(lang, rejection_id=42, this_week=this_week, counts_in_tally=counts_in_tally))


FULL_HOME = HomeContent(
    progress=FULL_PROGRESS,
    goal=GoalProgress(target=10, period="week", collected=12),
    open_reflections=[OpenReflection(7, NOW, kind) for kind in KINDS[:3]],
    open_brave_steps=[BraveStep(1, "<!channel> " + "x" * 1900, NOW, None), BraveStep(2, "Ask Sam", None, None)],
    comebacks=[Comeback(NOW, kind, "story " * 300, "step & <@U1> " * 100) for kind in KINDS[:3]],
)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("content", [FULL_HOME, HomeContent(progress=EMPTY_PROGRESS)], ids=["full", "empty"])
def test_home_view_is_valid(lang, content):
    view = valid_view(home_view(lang, content))
    assert "<!channel>" not in all_text(view) and "<@U1>" not in all_text(view)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_is_valid(lang):
    valid_blocks(help_blocks(lang))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", NOTICE_KEYS)
def test_every_notice_is_valid_with_the_persons_words(lang, key):
    blocks = valid_blocks(notice_blocks(lang, key, "<!here> a story & more\nsecond line"))
    assert fallback_text(blocks) == blocks[0]["text"]["text"]


def test_escape_defuses_mentions_and_entities():
    assert escape("<!channel> & <@U123> <!subteam^S1>") == "&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;!subteam^S1&gt;"


def test_quote_escapes_every_line():
    assert all_text(quoted_sections("<!everyone>\nok")) == "> &lt;!everyone&gt;\n> ok"


def test_a_long_line_cut_between_sections_is_quoted_on_both_sides_of_the_cut():
    texts = [block["text"]["text"] for block in quoted_sections("one more try " * 400)]

    assert len(texts) == 2 and all(text.startswith("> ") and len(text) <= 3000 for text in texts)
    assert "\n" not in "".join(texts)


def test_a_long_brave_step_cut_between_sections_is_bold_on_both_sides_of_the_cut():
    brave_step = " ".join(["Call back"] * 400)
    memory = steps.remember_view(ModalMetadata("en", "UTC"), Comeback(NOW, "social", None, brave_step))
    texts = [block["text"]["text"] for block in memory["blocks"] if block["type"] == "section"][:2]

    assert texts[0].startswith("On ") and texts[0].endswith("Call*")
    assert texts[1].startswith("*back Call") and texts[1].endswith("Call back*. You came back then. You can now.")


LONG = "A very long sentence <!here> & more. " * 60  # over 2,000 characters of someone's words
ABOUT = steps.AboutTheRejection(kind="idea_at_work", feeling="hurt", logged_at=NOW)
PHRASES = ("A first reframe that is rather long. " * 8, "Second", "Third <b>")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("saved", [None, LONG], ids=["fresh", "saved"])
def test_every_reflection_step_is_valid(lang, saved):
    metadata = ModalMetadata(lang, "Europe/Amsterdam", reflection_id=3, revision=2, shown=PHRASES)
    traps = [steps.SpottedTrap("overgeneralising", "always <!channel>", "Is that really so?")]
    views = [
        steps.feel_view(metadata, ABOUT, saved),
        steps.story_view(metadata, ABOUT, saved),
        steps.reframe_view(metadata, traps, True, saved),
        steps.reframe_view(metadata, [], True, None),
        steps.reframe_view(metadata, [], False, None),
        steps.feedback_view(metadata, ("recruiter", "client", "manager", "peer", "friend"), "manager", None),
        steps.feedback_view(metadata, ("recruiter", "client", "manager", "peer", "friend"), "peer", "Second"),
        steps.brave_step_view(metadata, saved, NOW.date(), "09:00"),
        steps.remember_view(metadata, None),
        steps.remember_view(metadata, Comeback(NOW, "social", saved, "Called <@U2>")),
        steps.remember_view(metadata, Comeback(NOW, "social", None, "Called back")),
    ]
    for view in views:
        valid_view(view)
        text = all_text(view)
        assert "<!channel>" not in text and "<!here>" not in text and "<@U2>" not in text
        assert len(view["title"]["text"]) <= 24


def test_every_step_but_the_last_can_be_skipped():
    metadata = ModalMetadata("en", "UTC", reflection_id=1, shown=PHRASES)
    skippable = steps.feel_view(metadata, ABOUT, None)
    last = steps.remember_view(metadata, None)
    assert "reflect_skip" in str(skippable["blocks"])
    assert "reflect_skip" not in str(last["blocks"]) and "submit" not in last


@pytest.mark.parametrize("lang", LANGUAGES)
def test_goal_views_are_valid(lang):
    metadata = ModalMetadata(lang, "UTC")
    valid_view(goal_modal(metadata, None))
    valid_view(goal_modal(metadata, Goal(target=100, period="week")))
    valid_view(goal_set_view(lang, Goal(3, "month"), GoalProgress(3, "month", 4)))


def test_metadata_stays_within_slacks_limit_whatever_the_phrases():
    metadata = ModalMetadata("nl", "America/Argentina/Buenos_Aires", reflection_id=10**12, shown=("é" * 1500,) * 5)
    encoded = metadata.encode()
    assert len(encoded) <= 3000
    assert ModalMetadata.decode(encoded).reflection_id == 10**12


def sample_digest(lang: str, people: int, history_weeks: int = 8):
    week = date(2026, 11, 23)
    weeks = previous_weeks(week, history_weeks)
    contributions = {
        start: [Contribution(kind, f"U{n}", n + 1) for n in range(people) for kind in KINDS[: 1 + n % len(KINDS)]]
        for start in weeks
    }
    return build_digest(lang, week, contributions, WeekActivity(4, 2, reflecting_people=3, asking_people=3), 30, 3)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("people", [0, 2, 3, 40], ids=["empty", "below-k", "exactly-k", "many"])
def test_every_digest_message_is_valid(lang, people):
    digest = sample_digest(lang, people)
    blocks = valid_blocks(digest_blocks(digest, 3))
    assert len(blocks) <= 50
    assert blocks[0]["type"] == "header"
    text = all_text(blocks)
    if people < 3:
        assert not any(str(number) in text for number in range(4, 100))
    else:
        assert f"*{people}" in text


ALT_TEXT_WEEKS = {
    "en": "5 Oct: 7; 12 Oct: hidden; 19 Oct: 0; 26 Oct: 3; 2 Nov: 4; 9 Nov: 5; 16 Nov: hidden; 23 Nov (this week): 14",
    "nl": "5 okt: 7; 12 okt: verborgen; 19 okt: 0; 26 okt: 3; 2 nov: 4; 9 nov: 5; 16 nov: verborgen; "
    "23 nov (deze week): 14",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_charts_alt_text_reads_every_week_with_hidden_weeks_called_hidden(lang):
    digest = sample_digest(lang, 3)
    counts = (7, None, 0, 3, 4, 5, None, 14)
    digest = replace(
        digest, history=tuple((week, count) for (week, _), count in zip(digest.history, counts, strict=True))
    )
    alt = chart_alt_text(digest)
    assert alt.startswith("Bar chart" if lang == "en" else "Staafdiagram")
    assert alt.endswith(": " + ALT_TEXT_WEEKS[lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_direct_message_is_valid_and_escapes_the_persons_words(lang):
    words = "Email <!channel> & <@U9> " + "x" * 1500
    messages = [
        feedback_question_blocks(lang, "What was missing for you?", "Ask soon, keep it short."),
        reminder_blocks(lang, 12, words),
        reminder_failed_blocks(lang, words),
        brave_step_done_blocks(lang, words),
        channel_lost_blocks(lang, "C0TEAM", "not_in_channel"),
    ]
    for blocks in messages:
        text = all_text(valid_blocks(blocks))
        assert "<!channel>" not in text and "<@U9>" not in text
