"""English or Dutch? Decided by counting each language's most common little words."""

from __future__ import annotations

import re

from coach.i18n import DEFAULT_LANGUAGE

# Words that are common in one language and rare in the other ("is", "in", "me", "we", "was", "of"
# and "had" are common in both, so they are left out).
_ENGLISH_WORDS = """
the and i you it to that for on are with they be at this have from or by not but what all were when
your can said there an which she do how their if will up about out then them these so some her would
make like him into has more no could my than been who its now did get just don't dont i'm im it's
i've i'll can't cant won't didn't doesn't isn't wasn't always never because really think know again
am should any anyone nobody nothing every why feel felt got thought people going gonna myself
"""
_DUTCH_WORDS = """
de het een en van ik te dat die niet zijn op aan met als voor er maar om hem dan zou wat mijn m'n mn
dit zo door ze zich bij ook tot je mij uit daar haar naar heb hoe heeft hebben deze want nog zal zij
nu geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles ja
eens hier wie werd altijd wordt kunnen ons zelf tegen na wil kon niets niks iemand geweest andere
nooit weer gewoon echt wel heel dacht denk weet gaat ga vind vinden vond zeggen zei niemand 't 'k
mezelf steeds vonden tijdens vast mee zo'n zon hele erg bent
"""
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_DUTCH = frozenset(_DUTCH_WORDS.split())
# Never a name, even when capitalised.
COMMON_WORDS = _ENGLISH | _DUTCH
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|'[tk]\b")


def detect_language(text: str) -> str:
    """Return "en" or "nl": whichever language's common words occur more often; "en" when undecided."""
    if not isinstance(text, str):
        return DEFAULT_LANGUAGE
    english = dutch = 0
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        english += word in _ENGLISH
        dutch += word in _DUTCH
    return "nl" if dutch > english else DEFAULT_LANGUAGE
