"""`nope coach`, run the way a person runs it: the installed console script in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.coaching import coach_text

NOPE = Path(sys.executable).with_name("nope")
EXPECTED_KEYS = {"lang", "traps", "reframes", "feedback_questions"}


def nope(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(NOPE), "coach", *args], input=stdin, capture_output=True, timeout=60, check=False)


def test_a_sentence_gets_a_readable_answer():
    run = nope("Ik geef het op, ze vonden me vast dom.", "--kind", "idea_at_work")

    output = run.stdout.decode()
    assert run.returncode == 0, run.stderr.decode()
    assert "Denkvalkuilen" in output
    assert 'avoidance: "geef het op"' in output
    assert 'mind_reading: "ze vonden me vast dom"' in output
    assert coach_text("Ik geef het op", "nl", "idea_at_work").reframes[1] in output


def test_json_gives_the_same_object_as_the_library():
    run = nope("This always happens to me", "--json", "--lang", "en", "--kind", "sales_pitch", "--who", "client")

    assert run.returncode == 0, run.stderr.decode()
    answer = json.loads(run.stdout)
    assert answer == coach_text("This always happens to me", "en", "sales_pitch", "client").to_dict()


def test_without_text_every_line_of_stdin_gets_one_json_line():
    lines = ["I always fail", "", "ik geef het op", "🙂", "They think I'm a joke"]

    run = nope("--kind", "outreach", stdin=("\n".join(lines) + "\n").encode())

    assert run.returncode == 0, run.stderr.decode()
    answers = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert len(answers) == len(lines)
    assert all(set(answer) == EXPECTED_KEYS for answer in answers)
    assert [[trap["id"] for trap in answer["traps"]] for answer in answers] == [
        ["overgeneralising"],
        [],
        ["avoidance"],
        [],
        ["mind_reading"],
    ]
    assert [answer["lang"] for answer in answers] == ["en", "en", "nl", "en", "en"]


def test_badly_encoded_input_costs_only_its_own_characters():
    run = nope("--lang", "nl", stdin=b"ik geef het op \xff\xfe\nweer afgewezen\r\n")

    assert run.returncode == 0, run.stderr.decode()
    answers = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [[trap["id"] for trap in answer["traps"]] for answer in answers] == [["avoidance"], ["overgeneralising"]]


@pytest.mark.parametrize("args", [["--lang", "fr", "x"], ["--kind", "no_such_kind", "x"]])
def test_unknown_choices_are_refused_with_a_usage_message(args):
    run = nope(*args)

    assert run.returncode == 2
    assert b"invalid choice" in run.stderr


def test_explain_names_the_rule_that_fired_on_which_words():
    run = nope("--explain", "Ik geef het op, ze vonden me vast dom.")

    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().splitlines() == [
        'avoidance: geef_het_op fired on "geef het op"',
        'mind_reading: ze_vonden_me_dom fired on "ze vonden me vast dom"',
    ]


def test_explain_says_so_when_no_rule_fired():
    run = nope("--explain", "--lang", "en", "I'll ask again next week.")

    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().splitlines() == ["No rule fired."]


@pytest.mark.parametrize(
    ("args", "message"), [(["--explain"], b"--explain needs TEXT"), (["--explain", "--json", "x"], b"not allowed")]
)
def test_explain_needs_a_text_and_no_json(args, message):
    run = nope(*args, stdin=b"I always fail\n")

    assert run.returncode == 2
    assert message in run.stderr
