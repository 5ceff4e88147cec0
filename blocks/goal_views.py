"""Bravery goals: the modal that sets one, and the line that shows its progress."""

from __future__ import annotations

from blocks.kit import Block, context, header, input_block, modal, option, section
from blocks.metadata import ModalMetadata
from coach.i18n import translate
from coach.progress import GOAL_PERIODS
from coach.records import Goal, GoalProgress
from use_cases.goals import SUGGESTED_GOAL, TARGET_MAX, TARGET_MIN

CALLBACK_ID = "bravery_goal"
SET_CALLBACK_ID = "bravery_goal_set"
TARGET_BLOCK, TARGET_ACTION = "goal_target", "goal_target_input"
PERIOD_BLOCK, PERIOD_ACTION = "goal_period", "goal_period_choice"


def goal_modal(metadata: ModalMetadata, current: Goal | None) -> Block:
    lang = metadata.lang
    goal = current or SUGGESTED_GOAL
    periods = [option(translate(lang, f"goal.period.{period}"), period) for period in GOAL_PERIODS]
    blocks = [
        context(translate(lang, "goal.intro")),
        input_block(
            TARGET_BLOCK,
            translate(lang, "goal.target_label"),
            {
                "type": "number_input",
                "action_id": TARGET_ACTION,
                "is_decimal_allowed": False,
                "min_value": str(TARGET_MIN),
                "max_value": str(TARGET_MAX),
                "initial_value": str(goal.target),
            },
        ),
        input_block(
            PERIOD_BLOCK,
            translate(lang, "goal.period_label"),
            {
                "type": "radio_buttons",
                "action_id": PERIOD_ACTION,
                "options": periods,
                "initial_option": periods[GOAL_PERIODS.index(goal.period)],
            },
        ),
    ]
    return modal(
        title=translate(lang, "goal.title"),
        submit=translate(lang, "goal.submit"),
        close=translate(lang, "reflect.close"),
        callback_id=CALLBACK_ID,
        blocks=blocks,
        private_metadata=metadata.encode(),
    )


def goal_line(lang: str, progress: GoalProgress) -> str:
    line = translate(lang, f"goal.progress.{progress.period}", collected=progress.collected, target=progress.target)
    return f"{line}\n{translate(lang, 'goal.reached')}" if progress.reached else line


def goal_set_view(lang: str, goal: Goal, progress: GoalProgress) -> Block:
    period = translate(lang, f"goal.period.{goal.period}").lower()
    return modal(
        title=translate(lang, "goal.title"),
        close=translate(lang, "reflect.done"),
        callback_id=SET_CALLBACK_ID,
        blocks=[
            header(translate(lang, "goal.set", target=goal.target, period=period)),
            section(goal_line(lang, progress)),
        ],
    )
