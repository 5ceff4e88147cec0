"""`nope coach`: the coach on one sentence, or on one sentence per line of standard input (JSON lines out)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import TextIO

from coach.catalog import KINDS
from coach.coaching import CoachResult, coach_text
from coach.content import content
from coach.i18n import LANGUAGES
from coach.language import detect_language
from coach.library import WHO_SAID_NO
from coach.traps import detect_traps


def add_coach_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "coach",
        help="spot thinking traps in a sentence; suggest new stories and feedback questions",
        description="Without TEXT, reads one text per line from standard input and writes one JSON object per line.",
    )
    parser.add_argument("text", nargs="?", metavar="TEXT", help="what the person wrote after the no")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the text (default: detected from the text)")
    parser.add_argument("--kind", choices=KINDS, default="other", help="the kind of no (default: other)")
    parser.add_argument("--who", choices=WHO_SAID_NO, default="peer", help="who said no (default: peer)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the result as one JSON object")
    output.add_argument(
        "--explain", action="store_true", help="print which rule fired on which words, one line per trap found"
    )
    return parser


def _as_json(result: CoachResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def _readable(result: CoachResult) -> str:
    headings = content(result.lang)["command_line"]
    lines = [headings["traps"] if result.traps else headings["no_traps"]]
    for trap in result.traps:
        lines += [f'  - {trap.id}: "{trap.evidence}"', f"    {trap.question}"]
    lines += ["", headings["reframes"], *(f"  - {text}" for text in result.reframes)]
    lines += ["", headings["feedback_questions"], *(f"  - {text}" for text in result.feedback_questions)]
    return "\n".join(lines)


def _explained(text: str, lang: str | None) -> str:
    hits = detect_traps(text, lang or detect_language(text))
    return "\n".join(f'{hit.id}: {hit.rule} fired on "{hit.evidence}"' for hit in hits) or "No rule fired."


def run_coach(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    def coach(text: str) -> CoachResult:
        return coach_text(text, args.lang, args.kind, args.who)

    if args.explain:
        if args.text is None:
            print("nope coach: --explain needs TEXT", file=sys.stderr)
            return 2
        print(_explained(args.text, args.lang), file=stdout)
        return 0
    if args.text is not None:
        result = coach(args.text)
        print(_as_json(result) if args.json else _readable(result), file=stdout)
        return 0
    if isinstance(stdin, io.TextIOWrapper):
        # One badly encoded line should cost that line's accents, not the whole run.
        stdin.reconfigure(errors="replace")
    for line in stdin:
        print(_as_json(coach(line.rstrip("\r\n"))), file=stdout, flush=True)
    return 0
