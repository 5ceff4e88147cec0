"""What the modal turns into once a no is saved: the acknowledgement and the way forward."""

from __future__ import annotations

from blocks.goal_views import goal_line
from blocks.kit import Block, actions, button, context, divider, header, modal, section
from coach.i18n import translate
from coach.records import GoalProgress

CALLBACK_ID = "no_logged"
REFLECT_NOW_ACTION = "reflect_now"


def logged_view(
    lang: str,
    *,
    rejection_id: int,
    this_week: int,
    counts_in_tally: bool,
    goal: GoalProgress | None = None,
) -> Block:
    blocks = [
        header(translate(lang, "logged.headline")),
        section(translate(lang, "logged.body")),
        section(translate(lang, "logged.this_week", count=this_week)),
    ]
    if goal is not None:
        blocks.append(section(goal_line(lang, goal)))
    if not counts_in_tally:
        blocks.append(context(translate(lang, "logged.not_in_tally")))
    blocks += [
        divider(),
        section(translate(lang, "logged.reflect")),
        actions(
            button(
                translate(lang, "logged.reflect_button"),
                REFLECT_NOW_ACTION,
                value=str(rejection_id),
                primary=True,
            )
        ),
    ]
    return modal(
        title=translate(lang, "logged.title"),
        close=translate(lang, "logged.close"),
        callback_id=CALLBACK_ID,
        blocks=blocks,
    )
