"""The App Home tab: the person's own log, goal, open reflections, brave steps and comebacks.

A brave step on a Home line is shortened with "…" when it would not fit in one section: the person
has it whole in their reminder, their reflection and their export. Each list shows at most
`LIST_MAX` items, whatever it is given, so the tab stays within Slack's 100 blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from blocks.goal_views import goal_line
from blocks.kit import Block, actions, button, context, divider, fields_section, header, section
from blocks.long_text import SECTION_TEXT_MAX, line_sections, shortened
from blocks.mrkdwn import escape, local_date
from coach.i18n import translate
from use_cases.home import HomeContent

LOG_REJECTION_ACTION = "open_log_no"
SET_GOAL_ACTION = "open_goal"
REFLECT_ACTION = "open_reflection"
BRAVE_STEP_DONE_ACTION = "brave_step_done"
# Storage hands over three or five of each; a Home with more would still fit within Slack's limits.
LIST_MAX = 5


def _kind(lang: str, kind: str) -> str:
    return translate(lang, f"kind.{kind}")


def _step_line(lang: str, key: str, brave_step: str, **values: str) -> str:
    """A Home line with a brave step in it, the step shortened to what one section holds beside the rest."""
    room = SECTION_TEXT_MAX - len(translate(lang, key, step="", **values))
    return translate(lang, key, step=shortened(escape(brave_step), room), **values)


def _recent(lang: str, content: HomeContent) -> list[Block]:
    if not content.progress.recent:
        return [section(translate(lang, "home.empty"))]
    lines = [
        translate(
            lang,
            "home.recent_line",
            date=local_date(entry.logged_at),
            kind=_kind(lang, entry.kind),
            feeling=translate(lang, f"feeling.{entry.feeling}"),
            intensity=entry.intensity,
        )
        for entry in content.progress.recent[:LIST_MAX]
    ]
    return line_sections(lines)


def _goal(lang: str, content: HomeContent) -> list[Block]:
    if content.goal is None:
        text, button_key = translate(lang, "home.goal_none"), "home.goal_set_button"
    else:
        text, button_key = goal_line(lang, content.goal), "home.goal_change_button"
    return [
        header(translate(lang, "home.goal_header")),
        section(text, accessory=button(translate(lang, button_key), SET_GOAL_ACTION)),
    ]


def _open_reflections(lang: str, content: HomeContent) -> list[Block]:
    if not content.open_reflections:
        return []
    return [header(translate(lang, "home.open_header"))] + [
        section(
            translate(lang, "home.open_line", date=local_date(item.logged_at), kind=_kind(lang, item.kind)),
            accessory=button(translate(lang, "home.reflect_button"), REFLECT_ACTION, value=str(item.rejection_id)),
        )
        for item in content.open_reflections[:LIST_MAX]
    ]


def _steps(lang: str, content: HomeContent) -> list[Block]:
    if not content.open_brave_steps:
        return []
    return [header(translate(lang, "home.steps_header"))] + [
        section(
            _step_line(
                lang,
                "home.step_line",
                step.text,
                due=local_date(step.due_at) if step.due_at else translate(lang, "home.step_no_date"),
            ),
            accessory=button(
                translate(lang, "reminder.done_button"), BRAVE_STEP_DONE_ACTION, value=str(step.reflection_id)
            ),
        )
        for step in content.open_brave_steps[:LIST_MAX]
    ]


def _comebacks(lang: str, content: HomeContent) -> list[Block]:
    if not content.comebacks:
        return []
    lines = [
        _step_line(
            lang,
            "home.comeback_line",
            comeback.brave_step,
            date=local_date(comeback.logged_at),
            kind=_kind(lang, comeback.kind),
        )
        for comeback in content.comebacks[:LIST_MAX]
    ]
    return [header(translate(lang, "home.comebacks_header")), *line_sections(lines)]


def home_view(lang: str, content: HomeContent, manager: Sequence[Block] = ()) -> Block:
    """The person's own log; `manager` is the Manager section, for those who manage Nope."""
    progress = content.progress
    blocks: list[Block] = [
        header(translate(lang, "home.header")),
        section(translate(lang, "home.intro")),
        fields_section(
            [
                translate(lang, "home.total", value=progress.total),
                translate(lang, "home.this_week", value=progress.this_week),
                translate(lang, "home.streak", count=progress.streak_weeks),
            ]
        ),
        actions(button(translate(lang, "home.log_button"), LOG_REJECTION_ACTION, primary=True)),
        divider(),
        *_goal(lang, content),
        *_open_reflections(lang, content),
        *_steps(lang, content),
        *_comebacks(lang, content),
        header(translate(lang, "home.recent_header")),
        *_recent(lang, content),
        context(translate(lang, "home.privacy")),
        *manager,
    ]
    return {"type": "home", "blocks": blocks}
