"""English or Dutch, from the text alone."""

from __future__ import annotations

import pytest

from coach.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I don't think they hate me.", "en"),
        ("This always happens to me.", "en"),
        ("im done sending cold emails lol", "en"),
        ("Ik denk niet dat ze me dom vinden.", "nl"),
        ("Het gaat altijd mis bij mij.", "nl"),
        ("k ben er klaar mee, ik stuur niks meer", "nl"),
        ("Weer afgewezen. Zie je wel.", "nl"),
        ("Ze vonden me vast dom tijdens de pitch with the client", "nl"),  # mostly Dutch
        ("The pitch went badly and the client said nee", "en"),  # mostly English
    ],
)
def test_the_dominant_language_wins(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂🙂", "12345", "<@U123>", "ok", "\x00\x01"])
def test_undecidable_text_is_english(text):
    assert detect_language(text) == "en"


def test_not_a_string_is_english():
    assert detect_language(None) == "en"  # type: ignore[arg-type]
