"""Every view and message Nope builds is valid Block Kit (checked by slack_sdk.models), in both languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from blocks.home_view import home_view
from blocks.log_no_modal import STORY_BLOCK, ModalMetadata, log_no_modal
from blocks.logged_view import logged_view
from blocks.messages import fallback_text, help_blocks, notice_blocks
from blocks.mrkdwn import escape, quote
from coach.catalog import FEELINGS, KINDS, STORY_MAX_CHARS
from coach.i18n import LANGUAGES, catalog
from coach.records import LoggedNo, PersonalProgress

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
FULL_PROGRESS = PersonalProgress(
    total=120,
    this_week=3,
    streak_weeks=9,
    recent=tuple(
        LoggedNo(NOW - timedelta(days=n), KINDS[n % len(KINDS)], "explicit", FEELINGS[n % len(FEELINGS)], 5)
        for n in range(5)
    ),
)
EMPTY_PROGRESS = PersonalProgress(total=0, this_week=0, streak_weeks=0, recent=())
NOTICE_KEYS = [key for key in catalog("en") if key.startswith(("error.", "notice."))]


def valid_view(view: dict) -> dict:
    View(**view).validate_json()
    return view


def valid_blocks(blocks: list[dict]) -> list[dict]:
    for block in blocks:
        Block.parse(block).validate_json()
    return blocks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_log_no_modal_is_valid_empty_and_prefilled(lang):
    valid_view(log_no_modal(lang, "Europe/Amsterdam"))
    prefilled = valid_view(log_no_modal(lang, "Europe/Amsterdam", story="x" * (STORY_MAX_CHARS + 500)))
    story = next(block for block in prefilled["blocks"] if block.get("block_id") == STORY_BLOCK)
    assert len(story["element"]["initial_value"]) == STORY_MAX_CHARS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_modal_remembers_language_and_timezone(lang):
    metadata = ModalMetadata.decode(log_no_modal(lang, "America/Chicago")["private_metadata"])
    assert metadata == ModalMetadata(lang, "America/Chicago")


@pytest.mark.parametrize("raw", [None, "", "not json", "[1]", '{"lang": "fr", "tz": 5}'])
def test_unreadable_metadata_falls_back_to_english_utc(raw):
    assert ModalMetadata.decode(raw) == ModalMetadata("en", "UTC")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("this_week", [1, 2, 40])
@pytest.mark.parametrize("counts_in_tally", [True, False])
def test_logged_view_is_valid(lang, this_week, counts_in_tally):
    valid_view(logged_view(lang, this_week=this_week, counts_in_tally=counts_in_tally))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("progress", [FULL_PROGRESS, EMPTY_PROGRESS], ids=["full", "empty"])
def test_home_view_is_valid(lang, progress):
    valid_view(home_view(lang, progress))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_is_valid(lang):
    valid_blocks(help_blocks(lang))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", NOTICE_KEYS)
def test_every_notice_is_valid_with_the_persons_words(lang, key):
    blocks = valid_blocks(notice_blocks(lang, key, "<!here> a story & more\nsecond line"))
    assert fallback_text(blocks) == blocks[0]["text"]["text"]


def test_escape_defuses_mentions_and_entities():
    assert (
        escape("<!channel> & <@U123> <!subteam^S1>")
        == "&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;!subteam^S1&gt;"
    )


def test_quote_escapes_every_line():
    assert quote("<!everyone>\nok") == "> &lt;!everyone&gt;\n> ok"
