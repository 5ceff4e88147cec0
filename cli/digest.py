"""The operator's commands for digests: `nope digest …`, `nope workspace set`, `nope scheduler`."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import TextIO

from blocks.digest_message import digest_blocks
from blocks.kit import readable_text
from cli.arguments import Subparsers, add_now
from coach.i18n import LANGUAGES
from config import Config
from digest.anonymity import MIN_GROUP, effective_min_group
from digest.schedule import WEEKDAYS, parse_clock, parse_weekday, zone
from digest.scheduler import run_forever
from slack_api.workspaces import slack_workspaces
from use_cases.core import Core
from use_cases.digest_delivery import DeliveryReport, send_digest_now, send_due_digests
from use_cases.digests import digest_now
from use_cases.scheduled_jobs import scheduled_jobs
from use_cases.settings import change, distinct_ids

WORKSPACE_HELP = "the workspace's id (Slack's team id, T…)"


def add_digest_parsers(commands: Subparsers) -> None:
    digest = commands.add_parser("digest", help="the weekly team digest").add_subparsers(
        dest="digest_command", required=True
    )
    preview = digest.add_parser("preview", help="print this week's digest (text and Block Kit JSON) without posting")
    preview.add_argument("--workspace", required=True, help=WORKSPACE_HELP)
    preview.add_argument("--lang", choices=LANGUAGES, help="language (default: the workspace's)")
    send = digest.add_parser("send", help="post this week's digest to a channel now (once per channel and week)")
    send.add_argument("--workspace", required=True, help=WORKSPACE_HELP)
    send.add_argument("--channel", required=True, help="the channel id (C…)")
    send_due = digest.add_parser("send-due", help="post every digest due at this moment, each once")
    for command in (preview, send, send_due):
        add_now(command)

    workspace = commands.add_parser("workspace", help="workspace settings").add_subparsers(
        dest="workspace_command", required=True
    )
    settings = workspace.add_parser("set", help="change a workspace's digest settings")
    settings.add_argument("--workspace", required=True, help=WORKSPACE_HELP)
    settings.add_argument("--digest-channel", action="append", metavar="C", help="a digest channel (repeat for more)")
    settings.add_argument("--digest-day", type=_weekday, help="/".join(WEEKDAYS))
    settings.add_argument("--digest-time", type=_clock_text, help="HH:MM, the workspace's local time")
    settings.add_argument("--timezone", type=_timezone_name, help="Area/City, e.g. Europe/Amsterdam")
    settings.add_argument("--language", choices=LANGUAGES)
    settings.add_argument("--min-group", type=_min_group, help=f"the anonymity threshold k, at least {MIN_GROUP}")
    settings.add_argument("--team-goal", type=int, help="the team's bravery goal: no's per week (0 removes it)")
    settings.add_argument("--enabled", choices=("on", "off"), help="turn Nope on or off for the workspace")

    commands.add_parser("scheduler", help="run the digest scheduler alone (when web workers are scaled out)")


def _weekday(text: str) -> int:
    try:
        return parse_weekday(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _clock_text(text: str) -> str:
    try:
        return parse_clock(text).strftime("%H:%M")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _timezone_name(text: str) -> str:
    try:
        zone(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _min_group(text: str) -> int:
    if not text.isdigit() or int(text) < MIN_GROUP:
        raise argparse.ArgumentTypeError(f"the anonymity threshold is a whole number of at least {MIN_GROUP}")
    return int(text)


def _print_report(report: DeliveryReport, out: TextIO) -> int:
    for workspace_id, channel_id in report.posted:
        print(f"posted: {workspace_id} {channel_id}", file=out)
    for workspace_id, channel_id, error in report.failed:
        print(f"failed: {workspace_id} {channel_id} ({error})", file=out)
    if not report.posted and not report.failed:
        print("nothing to post: every due digest has gone out already", file=out)
    return 1 if report.failed else 0


def run_digest(arguments: argparse.Namespace, core: Core, config: Config | None, out: TextIO) -> int:
    now = arguments.now or datetime.now(UTC)
    if arguments.digest_command == "preview":
        settings, digest = digest_now(core, arguments.workspace, now, arguments.lang)
        blocks = digest_blocks(digest, effective_min_group(settings.min_group))
        print(readable_text(blocks), file=out)
        print(json.dumps({"blocks": blocks}, ensure_ascii=False, indent=2), file=out)
        return 0
    if config is None:
        raise ValueError("posting a digest needs the Slack settings")
    workspaces = slack_workspaces(config, core.sessions)
    if arguments.digest_command == "send":
        return _print_report(send_digest_now(core, workspaces, arguments.workspace, arguments.channel, now), out)
    return _print_report(send_due_digests(core, workspaces, now), out)


def run_workspace_set(arguments: argparse.Namespace, core: Core, out: TextIO) -> int:
    named = {
        "digest_weekday": arguments.digest_day,
        "digest_time": arguments.digest_time,
        "timezone": arguments.timezone,
        "language": arguments.language,
        "min_group": arguments.min_group,
        "enabled": None if arguments.enabled is None else arguments.enabled == "on",
        "channels": distinct_ids(arguments.digest_channel) if arguments.digest_channel else None,
    }
    changes: dict[str, object] = {key: value for key, value in named.items() if value is not None}
    if arguments.team_goal is not None:
        changes["team_goal"] = arguments.team_goal or None
    settings = change(core, arguments.workspace, changes)
    day = WEEKDAYS[settings.digest_weekday]
    print(
        f"{settings.workspace_id}: digest {day} {settings.digest_time} {settings.timezone} in "
        f"{', '.join(settings.channels) or 'no channel yet'}; language {settings.language}; "
        f"k = {settings.min_group}; {'on' if settings.enabled else 'off'}",
        file=out,
    )
    return 0


def run_scheduler(core: Core, config: Config | None) -> int:
    if config is None:
        raise ValueError("the scheduler needs the Slack settings")
    run_forever(scheduled_jobs(core, slack_workspaces(config, core.sessions)))
    return 0
