"""The coach's own words in each language, read once from `data/<lang>.json`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from coach.i18n import DEFAULT_LANGUAGE, LANGUAGES

DATA_DIR = Path(__file__).with_name("data")


def language_or_default(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@cache
def content(lang: str) -> dict[str, Any]:
    """Counter-questions, reframes, feedback questions, asking tips and brave steps in `lang`."""
    path = DATA_DIR / f"{language_or_default(lang)}.json"
    return json.loads(path.read_text(encoding="utf-8"))
