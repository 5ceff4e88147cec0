"""The weekly digest as a channel message: anonymous numbers, or encouragement without them."""

from __future__ import annotations

from blocks.home_view import LOG_REJECTION_ACTION
from blocks.kit import Block, actions, button, context, divider, fields_section, header, section
from coach.i18n import translate
from digest.chart import text_chart
from digest.content import Digest
from digest.week_labels import week_label

# A section shows at most 10 fields.
MAX_FIELDS = 10


def _trend(lang: str, trend: int) -> str:
    if trend > 0:
        return translate(lang, "digest.trend_up", difference=trend)
    if trend < 0:
        return translate(lang, "digest.trend_down", difference=-trend)
    return translate(lang, "digest.trend_same")


def _breakdown(digest: Digest) -> list[Block]:
    lang, week = digest.lang, digest.week
    lines = [
        translate(lang, "digest.kind_line", kind=translate(lang, f"kind.{count.kind}"), rejections=count.rejections)
        for count in week.breakdown
    ]
    if week.other_rejections is not None:
        lines.append(
            translate(lang, "digest.kind_line", kind=translate(lang, "digest.other"), rejections=week.other_rejections)
        )
    if not lines:
        return []
    return [section(translate(lang, "digest.breakdown")), fields_section(lines[:MAX_FIELDS])]


def chart_labels(digest: Digest) -> list[str]:
    return [week_label(digest.lang, week_start) for week_start, _ in digest.history]


def chart_alt_text(digest: Digest) -> str:
    """What the chart image shows, for a screen reader: every week's label and count, or "hidden"."""
    lang, weeks = digest.lang, []
    for index, (label, (_, rejections)) in enumerate(zip(chart_labels(digest), digest.history, strict=True)):
        if index == len(digest.history) - 1:
            label += f" ({translate(lang, 'digest.chart_this_week')})"
        weeks.append(f"{label}: {translate(lang, 'digest.chart_hidden') if rejections is None else rejections}")
    return translate(lang, "digest.chart_alt", values="; ".join(weeks))


def _numbers(digest: Digest) -> list[Block]:
    lang, week = digest.lang, digest.week
    summary = translate(lang, "digest.people", people=week.people)
    if digest.trend is not None:
        summary += " " + _trend(lang, digest.trend)
    blocks = [header(translate(lang, "digest.header", count=week.rejections)), section(summary), *_breakdown(digest)]
    activity = [
        translate(lang, key, count=count)
        for key, count in (("digest.reflections", digest.reflections), ("digest.questions", digest.questions))
        if count is not None
    ]
    if activity:
        blocks.append(context("  ·  ".join(activity)))
    if digest.team_goal is not None:
        collected, target = digest.team_goal
        goal_key = "digest.team_goal_reached" if collected >= target else "digest.team_goal"
        blocks.append(section(translate(lang, goal_key, collected=collected, target=target)))
    chart = text_chart([rejections for _, rejections in digest.history], chart_labels(digest))
    blocks += [section(translate(lang, "digest.history")), section(f"```{chart}```")]
    return blocks


def digest_blocks(digest: Digest, min_group: int) -> list[Block]:
    lang = digest.lang
    if digest.week.shown:
        blocks = _numbers(digest)
    else:
        quiet = translate(lang, "digest.quiet", min_group=min_group)
        blocks = [header(translate(lang, "digest.header_quiet")), section(quiet)]
    return [
        *blocks,
        divider(),
        context(f"_{digest.encouragement}_"),
        actions(button(translate(lang, "digest.log_button"), LOG_REJECTION_ACTION, primary=True)),
        context(translate(lang, "digest.private_note")),
    ]
