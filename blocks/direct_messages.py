"""What Nope sends to one person in their DM: a feedback question, a brave step's reminder and its
celebration, and the notice that a digest channel stopped working.

A brave step is the person's own text, up to 2,000 characters, which escaping can make 10,000: each
message shows it whole, over as many sections as it takes.
"""

from __future__ import annotations

from blocks.home_view import BRAVE_STEP_DONE_ACTION
from blocks.kit import Block, actions, button, section
from blocks.long_text import filled_sections, quoted_sections
from blocks.mrkdwn import escape
from coach.i18n import translate


def feedback_question_blocks(lang: str, question: str, asking_tip: str) -> list[Block]:
    return [
        section(translate(lang, "feedback.dm_intro")),
        *quoted_sections(question),
        *filled_sections(lang, "feedback.dm_tip", tip=escape(asking_tip)),
    ]


def reminder_blocks(lang: str, reflection_id: int, brave_step: str) -> list[Block]:
    """The scheduled reminder; its button marks the step done."""
    return [
        *filled_sections(lang, "reminder.text", step=escape(brave_step)),
        actions(
            button(
                translate(lang, "reminder.done_button"), BRAVE_STEP_DONE_ACTION, value=str(reflection_id), primary=True
            )
        ),
    ]


def reminder_failed_blocks(lang: str, brave_step: str) -> list[Block]:
    return filled_sections(lang, "reminder.failed", step=escape(brave_step))


def brave_step_done_blocks(lang: str, brave_step: str) -> list[Block]:
    return filled_sections(lang, "reminder.done", step=escape(brave_step))


def channel_lost_blocks(lang: str, channel_id: str, error: str) -> list[Block]:
    # The channel id comes from the workspace's settings, never from a person's text.
    return filled_sections(lang, "digest.channel_lost", channel=channel_id, error=escape(error))
