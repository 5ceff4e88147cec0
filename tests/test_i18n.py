"""English and Dutch say the same things: the same keys and the same placeholders."""

from __future__ import annotations

import string

import pytest

from coach.catalog import FEELINGS, FORMS, INTENSITIES, KINDS
from coach.i18n import catalog, language_for_locale, translate


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogs_have_the_same_keys_and_placeholders():
    english, dutch = catalog("en"), catalog("nl")
    assert english.keys() == dutch.keys()
    for key in english:
        assert placeholders(english[key]) == placeholders(dutch[key]), key


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_choice_has_a_label_that_fits_a_slack_option(lang):
    labels = [f"kind.{k}" for k in KINDS] + [f"form.{f}" for f in FORMS] + [f"feeling.{f}" for f in FEELINGS]
    labels += [f"intensity.{i}" for i in INTENSITIES]
    for key in labels:
        assert 0 < len(translate(lang, key)) <= 75, key


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("nl-NL", "nl"),
        ("nl-BE", "nl"),
        ("nl_NL", "nl"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("fr-FR", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_locale_maps_to_language(locale, lang):
    assert language_for_locale(locale) == lang


def test_counts_pick_singular_and_plural():
    assert translate("en", "home.streak", count=1) == "*Streak*\n1 week"
    assert translate("en", "home.streak", count=2) == "*Streak*\n2 weeks"
    assert translate("nl", "home.streak", count=3) == "*Reeks*\n3 weken"
