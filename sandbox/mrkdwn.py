"""Slack's mrkdwn as safe HTML: bold, italics, strikes, code, quotes, lists, links, mentions and dates.

Everything in the text is escaped; the only markup in the result is what this module writes. Links
are made only for http(s) and mailto addresses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
ENTITY = re.compile(r"<([^<>\n]+)>")
# A placeholder for a rendered entity or code span while the text around it is formatted.
SLOT = re.compile(r"\x00(\d+)\x00")
CODE = re.compile(r"`([^`\n]+)`")
# Slack's rule: a marker counts only next to a non-space inside, and not inside a word outside.
BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")
ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])")
STRIKE = re.compile(r"(?<![\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])")
BULLET = re.compile(r"^\s*(?:[•◦▪]|-)\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
QUOTE = re.compile(r"^(?:>|&gt;) ?")
SPECIAL_MENTIONS = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}
# Slack's emoji for the shortcodes in Nope's texts (and a few common ones); any other stays as typed.
EMOJI = {
    "white_check_mark": "✅",
    "tada": "🎉",
    "sparkles": "✨",
    "muscle": "💪",
    "star": "⭐",
    "wave": "👋",
    "warning": "⚠️",
    "seedling": "🌱",
}
SHORTCODE = re.compile(r":([a-z0-9_+-]+):")

MONTHS = {
    "en": [
        *("January", "February", "March", "April", "May", "June"),
        *("July", "August", "September", "October", "November", "December"),
    ],
    "nl": [
        *("januari", "februari", "maart", "april", "mei", "juni"),
        *("juli", "augustus", "september", "oktober", "november", "december"),
    ],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
}


@dataclass(frozen=True)
class Viewer:
    """Who is looking: dates show in their language and timezone, ids as the names they know."""

    lang: str = "en"
    zone: tzinfo = UTC
    people: Mapping[str, str] = field(default_factory=dict)
    channels: Mapping[str, str] = field(default_factory=dict)


def slack_unescape(text: str) -> str:
    """Slack's three escapes back to the characters a person sees."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _shown(text: str) -> str:
    return html.escape(slack_unescape(text), quote=True)


def with_emoji(text: str) -> str:
    return SHORTCODE.sub(lambda match: EMOJI.get(match.group(1), match.group(0)), text)


def _date(token: str, moment: datetime, lang: str) -> str:
    months, weekdays = MONTHS.get(lang, MONTHS["en"]), WEEKDAYS.get(lang, WEEKDAYS["en"])
    month = months[moment.month - 1]
    base = token.removesuffix("_pretty")
    if base == "date_num":
        return moment.strftime("%Y-%m-%d")
    if base == "date_short":
        return f"{moment.day} {month[:3]} {moment.year}"
    if base == "date":
        return f"{moment.day} {month} {moment.year}"
    if base == "date_long":
        return f"{weekdays[moment.weekday()]} {moment.day} {month} {moment.year}"
    if base == "time":
        return moment.strftime("%H:%M")
    if base == "time_secs":
        return moment.strftime("%H:%M:%S")
    return ""


def _formatted_date(body: str, viewer: Viewer) -> str:
    """`!date^<unix time>^<format>[^<link>]|<fallback>` in the viewer's timezone and language."""
    spec, _, fallback = body.partition("|")
    parts = spec.split("^")
    if len(parts) < 3 or not parts[1].lstrip("-").isdigit():
        return _shown(fallback)
    moment = datetime.fromtimestamp(int(parts[1]), UTC).astimezone(viewer.zone)
    known = True

    def token(match: re.Match[str]) -> str:
        nonlocal known
        text = _date(match.group(1), moment, viewer.lang)
        known = known and bool(text)
        return text

    text = re.sub(r"\{(\w+)\}", token, parts[2])
    return html.escape(text) if known else _shown(fallback)


def _link(target: str, label: str) -> str:
    url = slack_unescape(target)
    if urlsplit(url).scheme.lower() not in LINK_SCHEMES:
        return _shown(label or target)
    href = html.escape(url, quote=True)
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{_shown(label or target)}</a>'


def _entity(body: str, viewer: Viewer) -> str:
    """One `<…>`: a mention, a channel, a special mention, a date or a link."""
    target, _, label = body.partition("|")
    if target.startswith("@"):
        name = viewer.people.get(target[1:]) or slack_unescape(label) or target[1:]
        return f'<span class="sb-mention">@{html.escape(name)}</span>'
    if target.startswith("#"):
        name = viewer.channels.get(target[1:]) or slack_unescape(label) or target[1:]
        return f'<span class="sb-mention">#{html.escape(name)}</span>'
    if target.startswith("!date^"):
        return f'<time class="sb-date">{_formatted_date(body, viewer)}</time>'
    if target.startswith("!"):
        special = SPECIAL_MENTIONS.get(target[1:]) or "@" + slack_unescape(label or target[1:].split("^")[0])
        return f'<span class="sb-mention">{html.escape(special)}</span>'
    return _link(target, label)


def _inline(text: str, viewer: Viewer) -> str:
    """One line: entities and code spans first (their insides are not formatted), then the markers."""
    rendered: list[str] = []

    def keep(piece: str) -> str:
        rendered.append(piece)
        return f"\x00{len(rendered) - 1}\x00"

    text = CODE.sub(lambda match: keep(f"<code>{_shown(match.group(1))}</code>"), text)
    text = ENTITY.sub(lambda match: keep(_entity(match.group(1), viewer)), text)
    text = with_emoji(_shown(text))
    text = BOLD.sub(r"<strong>\1</strong>", text)
    text = ITALIC.sub(r"<em>\1</em>", text)
    text = STRIKE.sub(r"<s>\1</s>", text)
    return SLOT.sub(lambda match: rendered[int(match.group(1))], text)


def _paragraphs(text: str, viewer: Viewer) -> str:
    """Lines outside code blocks, with runs of quoted, bulleted and numbered lines grouped."""
    out: list[str] = []
    group: tuple[str, list[str]] | None = None

    def close() -> None:
        nonlocal group
        if group is not None:
            tag, items = group
            if tag == "blockquote":
                out.append(f"<blockquote>{'<br>'.join(items)}</blockquote>")
            else:
                out.append(f"<{tag}>{''.join(f'<li>{item}</li>' for item in items)}</{tag}>")
            group = None

    for line in text.split("\n"):
        if QUOTE.match(line):
            kind, content = "blockquote", QUOTE.sub("", line, count=1)
        elif BULLET.match(line):
            kind, content = "ul", BULLET.sub("", line, count=1)
        elif NUMBERED.match(line):
            kind, content = "ol", NUMBERED.sub("", line, count=1)
        else:
            close()
            out.append(_inline(line, viewer) + "<br>")
            continue
        if group is None or group[0] != kind:
            close()
            group = (kind, [])
        group[1].append(_inline(content, viewer))
    close()
    return "".join(out).removesuffix("<br>")


def mrkdwn_to_html(text: str, viewer: Viewer) -> str:
    """Slack mrkdwn (with Slack's `&lt; &gt; &amp;` escapes) as HTML safe to put in a page."""
    text = text.replace("\x00", "")
    pieces = text.split("```")
    out: list[str] = []
    for index, piece in enumerate(pieces):
        # Odd pieces sit between fences; an unclosed fence is shown as it is, as Slack does.
        if index % 2 and index < len(pieces) - 1:
            out.append(f"<pre>{_shown(piece.strip(chr(10)))}</pre>")
        elif index % 2:
            out.append(_paragraphs("```" + piece, viewer))
        else:
            # The line breaks around a code block are the block's own edges.
            piece = piece.removeprefix("\n") if index else piece
            piece = piece.removesuffix("\n") if index < len(pieces) - 1 else piece
            if piece:
                out.append(_paragraphs(piece, viewer))
    return "".join(out)


def plain_text_to_html(text: str, *, emoji: bool = True) -> str:
    shown = html.escape(text, quote=True).replace("\n", "<br>")
    return with_emoji(shown) if emoji else shown
