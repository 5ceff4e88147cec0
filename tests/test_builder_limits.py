"""Every builder in blocks/, in both languages, fits every one of Slack's limits whatever it is given:
2,000-character texts of `&`, `<`, emoji and line breaks (a person's longest), and the most of everything.

Each view and message is checked as the Slack stand-in checks it (slack_sdk's models, `to_dict()` on
every block, and the limits they leave out). Where Nope shows a person's text whole, every character
of it is checked to be there.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blocks import reflection_views as steps
from blocks.data_rights_views import delete_confirmation_modal, delete_failed_view, deleted_view
from blocks.digest_message import digest_blocks
from blocks.direct_messages import (
    brave_step_done_blocks,
    channel_lost_blocks,
    feedback_question_blocks,
    reminder_blocks,
    reminder_failed_blocks,
)
from blocks.goal_views import goal_modal, goal_set_view
from blocks.home_view import home_view
from blocks.kit import readable_text
from blocks.log_rejection_modal import log_rejection_modal
from blocks.logged_view import logged_view
from blocks.long_text import MARKS
from blocks.messages import (
    fallback_text,
    fits_in_a_message,
    help_blocks,
    notice_blocks,
    words_elsewhere_blocks,
)
from blocks.metadata import ModalMetadata
from blocks.mrkdwn import escape
from blocks.settings_view import manager_section, not_a_manager_view, settings_modal, settings_saved_view
from coach.catalog import KINDS, STORY_MAX_CHARS
from coach.i18n import LANGUAGES, catalog
from coach.library import WHO_SAID_NO, asking_tip
from coach.progress import GOAL_PERIODS
from coach.records import BraveStep, Comeback, Goal, GoalProgress, LoggedRejection, OpenReflection, PersonalProgress
from coach.traps import TRAP_IDS
from digest.anonymity import MIN_GROUP, AnonymousWeek, Contribution
from digest.content import WeekActivity, build_digest
from digest.settings import WorkspaceSettings
from digest.weeks import previous_weeks
from slack_standin.web_api import check_message, check_view
from use_cases.goals import TARGET_MAX
from use_cases.home import HomeContent
from use_cases.reflection import TEXT_MAX_CHARS
from use_cases.settings import MIN_GROUP_MAX, RETENTION_MAX, TEAM_GOAL_MAX, SettingsForm

# A handful of examples each: every one is a 2,000-character worst case, so a few say a lot, in seconds.
LIMITS = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
LONGEST = max(STORY_MAX_CHARS, TEXT_MAX_CHARS)
WORST_TEXTS = [
    "&" * LONGEST,  # 5 characters each once escaped
    "<" * LONGEST,
    "😀" * LONGEST,
    "\n" * LONGEST,
    ("<!channel> & <@U1> " * LONGEST)[:LONGEST],
    "*" * LONGEST,
    ("word " * LONGEST)[:LONGEST],
    "x" * LONGEST,
]
# The worst cases, and any mix of what makes them bad, up to a person's longest text.
texts = st.one_of(
    st.sampled_from(WORST_TEXTS),
    st.text(alphabet=st.sampled_from("&<> \n*_~x😀é"), min_size=1, max_size=LONGEST),
)
langs = st.sampled_from(LANGUAGES)
NOTICE_KEYS = [key for key in catalog("en") if key.startswith(("error.", "notice."))]


def valid_view(view: dict) -> None:
    check_view(view)


def valid_message(blocks: list[dict]) -> None:
    check_message(blocks, fallback_text(blocks))


def kept_whole(text: str, blocks: list[dict]) -> bool:
    """Every character of the person's text is shown, escaped and in order: only line breaks, spaces,
    quote marks and the formatting reopened after a cut may come between (a button beside them does not count)."""
    between = re.compile(rf"[\s>{re.escape(MARKS)}]")
    return between.sub("", escape(text)) in between.sub("", readable_text(blocks))


@LIMITS
@given(lang=langs, story=texts)
def test_the_log_a_no_form_and_its_acknowledgement(lang, story):
    valid_view(log_rejection_modal(lang, "America/Argentina/Buenos_Aires", story))
    goal = GoalProgress(target=TARGET_MAX, period="month", collected=10**6)
    valid_view(logged_view(lang, rejection_id=2**63 - 1, this_week=10**6, counts_in_tally=False, goal=goal))


@LIMITS
@given(lang=langs, text=texts, key=st.sampled_from(NOTICE_KEYS))
def test_notices_hand_back_a_persons_longest_text_whole_in_one_message(lang, text, key):
    blocks = notice_blocks(lang, key, text)
    assert fits_in_a_message(blocks)
    valid_message(blocks)
    assert kept_whole(text, blocks)
    valid_message(help_blocks(lang))
    for sent in (True, False):
        valid_message(words_elsewhere_blocks(lang, key, sent))


@LIMITS
@given(lang=langs, text=st.text(alphabet=st.sampled_from("&<> \nx😀"), min_size=2000, max_size=20_000))
def test_a_notice_nope_sends_is_one_slack_takes_however_long_the_text(lang, text):
    # Beyond what one message holds, the words go as a file (slack_api/modals.py): never a refused notice.
    blocks = notice_blocks(lang, "notice.story_trimmed", text)
    if fits_in_a_message(blocks):
        valid_message(blocks)


@LIMITS
@given(lang=langs, brave_step=texts, question=texts, who=st.sampled_from(WHO_SAID_NO), error=texts)
def test_direct_messages_show_a_brave_step_whole(lang, brave_step, question, who, error):
    for blocks in (
        reminder_blocks(lang, 2**63 - 1, brave_step),
        reminder_failed_blocks(lang, brave_step),
        brave_step_done_blocks(lang, brave_step),
    ):
        valid_message(blocks)
        assert kept_whole(brave_step, blocks)
    feedback = feedback_question_blocks(lang, question, asking_tip(who, lang))
    valid_message(feedback)
    assert kept_whole(question, feedback)
    valid_message(channel_lost_blocks(lang, "C" + "0" * 20, error))


def metadata_showing(lang: str, phrases: list[str]) -> ModalMetadata:
    """The most a modal carries: its encoding keeps it within Slack's 3,000 by dropping phrases."""
    zone = "America/Argentina/Buenos_Aires"
    return ModalMetadata(lang, zone, reflection_id=2**63 - 1, revision=10**6, shown=tuple(phrases))


@LIMITS
@given(lang=langs, text=texts, phrases=st.lists(texts, max_size=5), evidence=texts)
def test_every_reflection_step_shows_a_persons_words_whole(lang, text, phrases, evidence):
    metadata = metadata_showing(lang, phrases)
    about = steps.AboutTheRejection(kind=KINDS[0], feeling="hurt", logged_at=NOW)
    traps = [steps.SpottedTrap(trap, evidence, evidence) for trap in TRAP_IDS]
    comeback = Comeback(NOW, KINDS[-1], text, text)
    views = [
        steps.feel_view(metadata, about, text),
        steps.story_view(metadata, about, text),
        steps.reframe_view(metadata, traps, True, text),
        steps.feedback_view(metadata, WHO_SAID_NO, WHO_SAID_NO[-1], metadata.shown[0] if metadata.shown else None),
        steps.brave_step_view(metadata, text, NOW.date(), "23:59"),
        steps.remember_view(metadata, comeback),
        steps.remember_view(metadata, Comeback(NOW, KINDS[0], None, text)),
    ]
    for view in views:
        valid_view(view)
    for shown in metadata.shown:
        assert kept_whole(shown, views[2]["blocks"]) and kept_whole(shown, views[3]["blocks"])
    assert kept_whole(evidence, views[2]["blocks"])
    assert kept_whole(text, views[5]["blocks"])


def home_of(text: str, count: int) -> HomeContent:
    """A Home with `count` of everything, each brave step and comeback `text`."""
    progress = PersonalProgress(
        total=10**6,
        this_week=10**6,
        streak_weeks=10**4,
        recent=tuple(LoggedRejection(NOW, KINDS[n % len(KINDS)], "explicit", "hurt", 5) for n in range(count)),
    )
    return HomeContent(
        progress=progress,
        goal=GoalProgress(target=TARGET_MAX, period="week", collected=10**6),
        open_reflections=[OpenReflection(n, NOW, KINDS[n % len(KINDS)]) for n in range(count)],
        open_brave_steps=[BraveStep(n, text, NOW if n % 2 else None, None) for n in range(count)],
        comebacks=[Comeback(NOW, KINDS[n % len(KINDS)], text, text) for n in range(count)],
    )


def most_settings(language: str) -> WorkspaceSettings:
    return WorkspaceSettings(
        workspace_id="T" + "0" * 20,
        language=language,
        timezone="America/Argentina/ComodRivadavia",  # a zone the form does not list
        min_group=MIN_GROUP_MAX,
        team_goal=TEAM_GOAL_MAX,
        retention_months=RETENTION_MAX,
        channels=tuple(f"C{n:020d}" for n in range(10)),
    )


@LIMITS
@given(lang=langs, text=texts, count=st.integers(min_value=0, max_value=100))
def test_the_home_fits_with_the_most_and_longest_of_everything(lang, text, count):
    week = AnonymousWeek(shown=True, rejections=10**6, people=10**6, breakdown=(), other_rejections=None)
    manager = manager_section(lang, most_settings(lang), week)
    valid_view(home_view(lang, home_of(text, count), manager))


@LIMITS
@given(lang=langs, managers=st.integers(min_value=0, max_value=100))
def test_settings_goals_and_data_rights_views(lang, managers):
    metadata = metadata_showing(lang, [])
    form = SettingsForm(most_settings(lang), managers=[f"U{n:020d}" for n in range(managers)])
    notes = [f"<#C{n:020d}>" for n in range(10)]
    for view in (
        settings_modal(metadata, form),
        settings_saved_view(lang, form.settings, notes),
        not_a_manager_view(lang),
        goal_modal(metadata, Goal(TARGET_MAX, GOAL_PERIODS[-1])),
        goal_set_view(lang, Goal(TARGET_MAX, GOAL_PERIODS[-1]), GoalProgress(TARGET_MAX, GOAL_PERIODS[-1], 10**6)),
        delete_confirmation_modal(metadata),
        deleted_view(lang),
        delete_failed_view(lang),
    ):
        valid_view(view)


@LIMITS
@given(lang=langs, people=st.integers(min_value=0, max_value=300), rejections=st.integers(1, 10**6))
def test_the_digest_fits_with_the_most_people_kinds_and_no_s(lang, people, rejections):
    week = date(2026, 11, 23)
    contributions = {
        start: [Contribution(kind, f"U{n}", rejections) for n in range(people) for kind in KINDS]
        for start in previous_weeks(week, 8)
    }
    activity = WeekActivity(10**6, 10**6, reflecting_people=people, asking_people=people)
    digest = build_digest(lang, week, contributions, activity, TEAM_GOAL_MAX, MIN_GROUP)
    valid_message(digest_blocks(digest, MIN_GROUP))
