"""What a team's weekly digest says, and what it keeps to itself under the anonymity rule."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

from digest.anonymity import Contribution, anonymous_week
from digest.content import WeekActivity, build_digest, encouragement

ROOT = Path(__file__).resolve().parents[1]
THIS_WEEK = date(2026, 11, 23)
LAST_WEEK = THIS_WEEK - timedelta(weeks=1)
ACTIVITY = WeekActivity(reflections=4, questions=2, reflecting_people=3, asking_people=3)


def team_week(people: int, nos_each: int = 1) -> list[Contribution]:
    return [Contribution("sales_pitch", f"U{number}", nos_each) for number in range(people)]


def digest(weeks: dict[date, list[Contribution]], team_goal: int | None = None, lang: str = "en", min_group: int = 3):
    return build_digest(lang, THIS_WEEK, weeks, ACTIVITY, team_goal, min_group)


def test_a_shown_week_carries_its_tally_activity_and_goal():
    built = digest({THIS_WEEK: team_week(4, nos_each=2)}, team_goal=10)
    assert built.week == anonymous_week(team_week(4, nos_each=2), 3)
    assert (built.week.rejections, built.week.people) == (8, 4)
    assert (built.reflections, built.questions) == (4, 2)
    assert built.team_goal == (8, 10)


def test_under_k_the_digest_holds_no_numbers_only_encouragement():
    built = digest({THIS_WEEK: team_week(2, nos_each=5), LAST_WEEK: team_week(5)}, team_goal=10)
    assert not built.week.shown
    assert (built.week.rejections, built.trend, built.reflections, built.questions, built.team_goal) == (None,) * 5
    assert built.encouragement


def test_raising_k_hides_the_activity_too():
    built = digest({THIS_WEEK: team_week(4)}, team_goal=10, min_group=5)
    assert (built.week.shown, built.reflections, built.team_goal) == (False, None, None)


def test_without_a_target_there_is_no_goal_line():
    assert digest({THIS_WEEK: team_week(4)}, team_goal=None).team_goal is None
    assert digest({THIS_WEEK: team_week(4)}, team_goal=0).team_goal is None


def test_the_trend_compares_two_shown_weeks():
    assert digest({THIS_WEEK: team_week(5), LAST_WEEK: team_week(3)}).trend == 2
    assert digest({THIS_WEEK: team_week(3), LAST_WEEK: team_week(3, nos_each=3)}).trend == -6


def test_no_trend_when_either_week_is_under_k():
    # Last week had two people: a difference would give away their total.
    assert digest({THIS_WEEK: team_week(5), LAST_WEEK: team_week(2)}).trend is None
    assert digest({THIS_WEEK: team_week(5)}).trend is None
    assert digest({THIS_WEEK: team_week(2), LAST_WEEK: team_week(5)}).trend is None


def test_history_is_eight_weeks_oldest_first_with_gaps_under_k():
    weeks = {
        THIS_WEEK: team_week(3),
        LAST_WEEK: team_week(2),  # under k
        THIS_WEEK - timedelta(weeks=7): team_week(4, nos_each=2),
        THIS_WEEK - timedelta(weeks=8): team_week(9),  # too old for the chart
    }
    history = digest(weeks).history
    assert [week for week, _ in history] == [THIS_WEEK - timedelta(weeks=back) for back in range(7, -1, -1)]
    assert [rejections for _, rejections in history] == [8, None, None, None, None, None, None, 3]


def test_the_digest_speaks_the_teams_language_and_falls_back_to_english():
    assert digest({}, lang="nl").lang == "nl"
    english = digest({}, lang="en")
    unknown = digest({}, lang="de")
    assert (unknown.lang, unknown.encouragement) == ("en", english.encouragement)
    assert digest({}, lang="nl").encouragement != english.encouragement


def test_encouragement_changes_every_week_even_across_new_year():
    # 2026 has an ISO week 53 (from 28 December), then week 1 of 2027 starts on 4 January.
    mondays = [date(2026, 10, 5) + timedelta(weeks=n) for n in range(20)]
    for lang in ("en", "nl"):
        lines = [encouragement(lang, monday) for monday in mondays]
        assert all(this != following for this, following in zip(lines, lines[1:], strict=False))
        assert len(set(lines)) >= 8
        assert encouragement(lang, mondays[3]) == lines[3]


def test_encouragements_exist_in_both_languages_as_translations_of_each_other():
    data = json.loads((ROOT / "digest" / "data" / "encouragements.json").read_text(encoding="utf-8"))
    assert set(data) == {"en", "nl"}
    assert len(data["en"]) == len(data["nl"]) >= 8
    for lines in data.values():
        assert len(set(lines)) == len(lines)
        for line in lines:
            # Shown below the threshold too, so a line never carries a number; and it stays short.
            assert not any(character.isdigit() for character in line)
            assert 10 < len(line) <= 100


def test_the_encouragements_ship_with_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "data/*.json" in config["tool"]["setuptools"]["package-data"]["digest"]


def test_the_digest_package_needs_no_platform_or_database():
    modules = [
        "digest",
        "digest.anonymity",
        "digest.chart",
        "digest.content",
        "digest.schedule",
        "digest.week_labels",
        "digest.weeks",
    ]
    forbidden = ["slack_bolt", "slack_sdk", "flask", "sqlalchemy", "storage"]
    script = (
        f"import sys\nfor name in {modules!r}: __import__(name)\n"
        f"print([name for name in {forbidden!r} if name in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_reflections_and_questions_need_k_people_of_their_own():
    week = date(2026, 11, 23)
    many = {week: [Contribution("job_application", f"U{n}", 1) for n in range(5)]}
    few = build_digest("en", week, many, WeekActivity(7, 2, reflecting_people=3, asking_people=2), None, 3)
    assert (few.reflections, few.questions) == (7, None)
