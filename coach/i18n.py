"""Every word a person reads, in English and Dutch, from the catalogs in `locales/`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("en", "nl")
DEFAULT_LANGUAGE = "en"
LOCALES_DIR = Path(__file__).with_name("locales")


def language_for_locale(locale: str | None) -> str:
    """Map a platform locale such as `nl-NL` or `en-US` to one of our languages."""
    if locale:
        prefix = locale.replace("_", "-").split("-")[0].lower()
        if prefix in LANGUAGES:
            return prefix
    return DEFAULT_LANGUAGE


@cache
def catalog(lang: str) -> dict[str, str]:
    path = LOCALES_DIR / f"{lang if lang in LANGUAGES else DEFAULT_LANGUAGE}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def translate(lang: str, key: str, /, **values: object) -> str:
    """The text for `key`; with a `count` value, picks the `_one` / `_other` form."""
    texts = catalog(lang)
    if "count" in values:
        key = f"{key}_one" if values["count"] == 1 else f"{key}_other"
    return texts[key].format(**values)
