"""Text as Slack sent it, made storable: what cannot be encoded as UTF-8 never reaches encryption."""

from __future__ import annotations

import re

# The only code points a Python string holds that UTF-8 cannot encode: surrogates on their own
# (half an emoji, cut by a client). JSON decoding already joins the pairs that belong together.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def storable(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD, so it can be encoded, encrypted and stored."""
    return _LONE_SURROGATE.sub(REPLACEMENT, text)
