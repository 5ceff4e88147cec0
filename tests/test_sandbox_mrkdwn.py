"""The sandbox shows Nope's mrkdwn as Slack does, and never lets a text become markup."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest

from coach.i18n import LANGUAGES, catalog
from sandbox.mrkdwn import Viewer, mrkdwn_to_html

VIEWER = Viewer(
    lang="en",
    zone=ZoneInfo("Europe/Amsterdam"),
    people={"U0ANNA": "Anna"},
    channels={"C0TEAM": "team"},
)


def shown(text: str, viewer: Viewer = VIEWER) -> str:
    return mrkdwn_to_html(text, viewer)


def test_bold_italics_strike_and_code():
    assert shown("*brave* and _kind_ and ~gone~ and `/nope`") == (
        "<strong>brave</strong> and <em>kind</em> and <s>gone</s> and <code>/nope</code>"
    )


def test_markers_inside_words_or_next_to_spaces_stay_as_they_are():
    assert shown("snake_case_name and 2 * 3 * 4") == "snake_case_name and 2 * 3 * 4"


def test_slack_escapes_show_as_the_characters_and_stay_text():
    assert shown("&lt;b&gt;not bold&lt;/b&gt; &amp; more") == "&lt;b&gt;not bold&lt;/b&gt; &amp; more"


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "\"'<>&"])
def test_nothing_in_a_text_becomes_a_tag(text):
    html = shown(text)
    assert "<script" not in html and "<img" not in html and 'onerror="' not in html


def test_links_with_and_without_a_label():
    assert shown("<https://example.com/a?b=1&amp;c=2|the docs>") == (
        '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a>'
    )
    assert 'href="http://example.com"' in shown("<http://example.com>")


@pytest.mark.parametrize("target", ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd"])
def test_only_web_and_mail_addresses_become_links(target):
    html = shown(f"<{target}|click me>")
    assert "<a " not in html
    assert html == "click me"


def test_bulleted_and_numbered_lines_become_lists():
    assert shown("*Commands*\n• `/nope`: log\n• `/nope help`: this") == (
        "<strong>Commands</strong><br><ul><li><code>/nope</code>: log</li><li><code>/nope help</code>: this</li></ul>"
    )
    assert shown("1. first\n2. second") == "<ol><li>first</li><li>second</li></ol>"


def test_quoted_lines_become_one_quote():
    assert shown("> &lt;!channel&gt; said\n> no") == "<blockquote>&lt;!channel&gt; said<br>no</blockquote>"


def test_code_blocks_keep_their_text_as_it_is():
    assert shown("Chart:\n```a *b* <@U0ANNA>\n█ 3```") == "Chart:<pre>a *b* &lt;@U0ANNA&gt;\n█ 3</pre>"


def test_mentions_show_names():
    assert shown("<@U0ANNA> in <#C0TEAM>, <!here>") == (
        '<span class="sb-mention">@Anna</span> in <span class="sb-mention">#team</span>, '
        '<span class="sb-mention">@here</span>'
    )


def test_dates_show_in_the_viewers_language_and_timezone():
    moment = 1764025200  # 2025-11-24 23:00 UTC, already the 25th in Amsterdam
    text = f"<!date^{moment}^{{date_short}}|2025-11-24>"
    assert shown(text) == '<time class="sb-date">25 Nov 2025</time>'
    dutch = Viewer(lang="nl", zone=ZoneInfo("Europe/Amsterdam"))
    assert shown(f"<!date^{moment}^{{date_long}} {{time}}|x>", dutch) == (
        '<time class="sb-date">dinsdag 25 november 2025 00:00</time>'
    )


def test_an_unreadable_date_shows_its_fallback():
    assert shown("<!date^soon^{date}|next &lt;week&gt;>") == '<time class="sb-date">next &lt;week&gt;</time>'


def test_every_emoji_in_nopes_texts_shows_as_the_emoji():
    texts = "\n".join(catalog(lang)[key] for lang in LANGUAGES for key in catalog(lang))
    shortcodes = set(re.findall(r":([a-z0-9_+-]+):", texts))
    assert not [code for code in shortcodes if f":{code}:" in shown(f":{code}:")]
    assert shown(":white_check_mark: *Saved*") == "✅ <strong>Saved</strong>"


def test_shortcodes_the_sandbox_does_not_know_and_times_stay_as_typed():
    assert shown("at 12:30:00 :not_an_emoji:") == "at 12:30:00 :not_an_emoji:"
