"""The App Home tab: the person's own log, and nobody else's."""

from __future__ import annotations

from blocks.kit import Block, actions, button, context, divider, fields_section, header, section
from blocks.mrkdwn import local_date
from coach.i18n import translate
from coach.records import PersonalProgress

LOG_NO_ACTION = "open_log_no"


def home_view(lang: str, progress: PersonalProgress) -> Block:
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
        actions(button(translate(lang, "home.log_button"), LOG_NO_ACTION, primary=True)),
        divider(),
        header(translate(lang, "home.recent_header")),
    ]
    if progress.recent:
        lines = [
            translate(
                lang,
                "home.recent_line",
                date=local_date(entry.logged_at),
                kind=translate(lang, f"kind.{entry.kind}"),
                feeling=translate(lang, f"feeling.{entry.feeling}"),
                intensity=entry.intensity,
            )
            for entry in progress.recent
        ]
        blocks.append(section("\n".join(lines)))
    else:
        blocks.append(section(translate(lang, "home.empty")))
    blocks.append(context(translate(lang, "home.privacy")))
    return {"type": "home", "blocks": blocks}
