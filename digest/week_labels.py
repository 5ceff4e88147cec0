"""A week's short name for the digest's charts: its Monday as "23 Nov" or "23 nov", in the digest's language."""

from __future__ import annotations

from datetime import date

from coach.i18n import translate


def week_label(lang: str, week_start: date) -> str:
    months = translate(lang, "digest.months_short").split()
    return f"{week_start.day} {months[week_start.month - 1]}"
