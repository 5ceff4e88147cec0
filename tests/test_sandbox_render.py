"""The sandbox draws every view and message Nope builds (in English and Dutch) without an unknown-element
fallback, with each label, option and button a person would see, and every Block Kit element Nope uses."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

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
from blocks.home_view import HomeContent, home_view
from blocks.log_rejection_modal import log_rejection_modal
from blocks.logged_view import logged_view
from blocks.messages import help_blocks, notice_blocks
from blocks.metadata import ModalMetadata
from blocks.settings_view import SettingsForm, manager_section, not_a_manager_view, settings_modal, settings_saved_view
from coach.i18n import LANGUAGES
from coach.records import Comeback, Goal, GoalProgress
from digest.anonymity import AnonymousWeek
from digest.settings import WorkspaceSettings
from sandbox.mrkdwn import Viewer
from sandbox.render import UNKNOWN_CLASS, render_blocks, render_home, render_modal
from tests.harness import all_text
from tests.test_blocks import ABOUT, EMPTY_PROGRESS, FULL_HOME, LONG, NOTICE_KEYS, NOW, PHRASES, sample_digest

VIEWER = Viewer(people={"U0ANNA": "Anna", "U0BRAM": "Bram"}, channels={"C0TEAM": "team", "C0NEWS": "news"})
SETTINGS = WorkspaceSettings(workspace_id="T1", channels=("C0TEAM",), team_goal=20)


class VisibleText(HTMLParser):
    """The words a person sees on the page: text, option labels and placeholders, and typed values."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts += [value or "" for name, value in attrs if name in {"placeholder", "value", "alt"}]


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def views(lang: str) -> list[dict]:
    metadata = ModalMetadata(lang, "Europe/Amsterdam", reflection_id=3, revision=1, shown=PHRASES)
    traps = [steps.SpottedTrap("overgeneralising", "always <!channel>", "Is that really so?")]
    goal = GoalProgress(target=10, period="month", collected=4)
    who = ("recruiter", "client", "manager", "peer", "friend")
    return [
        log_rejection_modal(lang, "Europe/Amsterdam", story="The <b>recruiter</b> & me"),
        logged_view(lang, rejection_id=4, this_week=2, counts_in_tally=False, goal=goal),
        steps.feel_view(metadata, ABOUT, LONG),
        steps.story_view(metadata, ABOUT, None),
        steps.reframe_view(metadata, traps, True, "A new story"),
        steps.reframe_view(metadata, [], False, None),
        steps.feedback_view(metadata, who, "manager", PHRASES[1]),
        steps.brave_step_view(metadata, "Call back", NOW.date(), "09:00"),
        steps.remember_view(metadata, Comeback(NOW, "social", "story", "Called <@U2>")),
        steps.remember_view(metadata, None),
        goal_modal(metadata, Goal(target=5, period="week")),
        goal_set_view(lang, Goal(3, "month"), GoalProgress(3, "month", 4)),
        settings_modal(metadata, SettingsForm(SETTINGS, managers=("U0BRAM",))),
        settings_saved_view(lang, SETTINGS, ["A note"]),
        not_a_manager_view(lang),
        delete_confirmation_modal(metadata),
        deleted_view(lang),
        delete_failed_view(lang),
    ]


def homes(lang: str) -> list[dict]:
    week = AnonymousWeek(rejections=12, people=4, breakdown=(), other_rejections=None, shown=True)
    return [
        home_view(lang, FULL_HOME, manager_section(lang, SETTINGS, week)),
        home_view(lang, HomeContent(progress=EMPTY_PROGRESS)),
    ]


def messages(lang: str) -> list[list[dict]]:
    words = "Email <!channel> & <@U9> " + "x" * 300
    return [
        help_blocks(lang),
        *[notice_blocks(lang, key, "<!here> my words\nsecond line") for key in NOTICE_KEYS],
        *[digest_blocks(sample_digest(lang, people), 3) for people in (0, 2, 3, 40)],
        feedback_question_blocks(lang, "What was missing?", "Ask soon."),
        reminder_blocks(lang, 12, words),
        reminder_failed_blocks(lang, words),
        brave_step_done_blocks(lang, words),
        channel_lost_blocks(lang, "C0TEAM", "not_in_channel"),
    ]


def words_a_person_reads(node: object) -> list[str]:
    """Labels, option texts, button texts and placeholders: every plain_text in the blocks."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "plain_text":
            found.append(node["text"])
        for value in node.values():
            found += words_a_person_reads(value)
    elif isinstance(node, list):
        for item in node:
            found += words_a_person_reads(item)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_modal_renders_with_everything_a_person_reads(lang):
    for view in views(lang):
        html = render_modal(view, Viewer(lang=lang, people=VIEWER.people, channels=VIEWER.channels))
        assert UNKNOWN_CLASS not in html, view["callback_id"]
        shown = visible(html)
        missing = [words for words in words_a_person_reads(view) if words.split("\n")[0] not in shown]
        assert not missing, (view["callback_id"], missing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_home_renders(lang):
    for view in homes(lang):
        html = render_home(view, Viewer(lang=lang))
        assert UNKNOWN_CLASS not in html
        assert all(words in visible(html) for words in words_a_person_reads(view))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_and_shows_escaped_words_as_words(lang):
    for blocks in messages(lang):
        html = render_blocks(blocks, Viewer(lang=lang))
        assert UNKNOWN_CLASS not in html
        shown = visible(html)
        assert "<!channel>" not in all_text(blocks)
        # What Nope escaped so it pings nobody is shown as the characters the person typed.
        if "&lt;!channel&gt;" in all_text(blocks):
            assert "<!channel>" in shown and "&lt;" not in shown


def test_every_element_nope_uses_becomes_its_control():
    image = {"type": "image", "image_url": "https://example.com/chart.png", "alt_text": "a chart"}
    option = {"text": {"type": "plain_text", "text": "One"}, "value": "1"}
    second = {"text": {"type": "plain_text", "text": "Two"}, "value": "2"}

    def entry(block_id: str, element: dict) -> dict:
        return {
            "type": "input",
            "block_id": block_id,
            "label": {"type": "plain_text", "text": block_id},
            "element": element,
        }

    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Title"}},
        {
            "type": "section",
            "fields": [{"type": "mrkdwn", "text": "*left*"}, {"type": "mrkdwn", "text": "right"}],
            "accessory": image,
        },
        {"type": "divider"},
        {"type": "context", "elements": [image, {"type": "mrkdwn", "text": "_small_"}]},
        {**image, "title": {"type": "plain_text", "text": "Weeks"}},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "go",
                    "value": "7",
                    "text": {"type": "plain_text", "text": "Go"},
                    "style": "primary",
                }
            ],
        },
        entry("text", {"type": "plain_text_input", "action_id": "a", "multiline": True, "initial_value": "hi"}),
        entry(
            "number",
            {
                "type": "number_input",
                "action_id": "a",
                "is_decimal_allowed": False,
                "min_value": "1",
                "max_value": "9",
                "initial_value": "3",
            },
        ),
        entry(
            "select", {"type": "static_select", "action_id": "a", "options": [option, second], "initial_option": second}
        ),
        entry(
            "radio", {"type": "radio_buttons", "action_id": "a", "options": [option, second], "initial_option": option}
        ),
        entry(
            "boxes", {"type": "checkboxes", "action_id": "a", "options": [option, second], "initial_options": [second]}
        ),
        entry("user", {"type": "users_select", "action_id": "a", "initial_user": "U0BRAM"}),
        entry("users", {"type": "multi_users_select", "action_id": "a", "initial_users": ["U0ANNA", "U0BRAM"]}),
        entry("channel", {"type": "conversations_select", "action_id": "a", "initial_conversation": "C0NEWS"}),
        entry(
            "channels", {"type": "multi_conversations_select", "action_id": "a", "initial_conversations": ["C0TEAM"]}
        ),
        entry("date", {"type": "datepicker", "action_id": "a", "initial_date": "2026-11-27"}),
        entry("time", {"type": "timepicker", "action_id": "a", "initial_time": "16:00"}),
    ]
    html = render_blocks(blocks, VIEWER)
    assert UNKNOWN_CLASS not in html
    for control in [
        '<h3 class="sb-header">Title</h3>',
        "<strong>left</strong>",
        'class="sb-thumb" src="https://example.com/chart.png" alt="a chart"',
        '<hr class="sb-divider">',
        "<em>small</em>",
        "<figcaption>Weeks</figcaption>",
        'data-type="button" data-action-id="go" data-block-id="sb-block-5" data-value="7">Go</button>',
        '<textarea rows="4"',
        ">hi</textarea>",
        'type="number" step="1" value="3" min="1" max="9"',
        '<option value="2" selected>Two</option>',
        'type="radio" name="radio.a" value="1" checked',
        'type="checkbox" name="boxes.a" value="2" checked',
        '<option value="U0BRAM" selected>Bram</option>',
        'data-type="multi_users_select" data-action-id="a" data-block-id="users" multiple',
        '<option value="C0NEWS" selected># news</option>',
        'type="date" value="2026-11-27"',
        'type="time" value="16:00"',
    ]:
        assert control in html, control
    assert html.count('<option value="U0ANNA" selected>') == 1  # only in the multi-user picker


def test_what_a_person_entered_stays_when_the_view_is_drawn_again():
    element = {"type": "plain_text_input", "action_id": "a", "initial_value": "from Nope"}
    blocks = [{"type": "input", "block_id": "b", "label": {"type": "plain_text", "text": "L"}, "element": element}]
    state = {"b": {"a": {"type": "plain_text_input", "value": "typed <b>by me</b>"}}}
    html = render_blocks(blocks, VIEWER, state)
    assert 'value="typed &lt;b&gt;by me&lt;/b&gt;"' in html and "from Nope" not in html


def test_an_element_the_sandbox_does_not_know_is_marked_not_dropped():
    html = render_blocks(
        [{"type": "rich_text", "elements": []}, {"type": "actions", "elements": [{"type": "overflow"}]}], VIEWER
    )
    assert html.count(UNKNOWN_CLASS) == 2
    assert "rich_text" in visible(html) and "overflow" in visible(html)


def test_only_web_images_are_loaded():
    html = render_blocks([{"type": "image", "image_url": "javascript:alert(1)", "alt_text": "chart"}], VIEWER)
    assert "<img" not in html and "chart" in visible(html)
