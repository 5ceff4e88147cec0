"""The digest's promise: numbers only where at least k different people stand behind them."""

from __future__ import annotations

import dataclasses
import random

import pytest

from coach.catalog import KINDS
from digest.anonymity import (
    MIN_GROUP,
    AnonymousWeek,
    Contribution,
    KindCount,
    anonymous_week,
    effective_min_group,
)

HIDDEN = AnonymousWeek(shown=False, rejections=None, people=None, breakdown=(), other_rejections=None)


def logged(kind: str, *contributors: str, rejections: int = 1) -> list[Contribution]:
    return [Contribution(kind=kind, contributor=person, rejections=rejections) for person in contributors]


def test_a_week_with_one_person_too_few_shows_no_numbers_at_all():
    week = anonymous_week(logged("job_application", "U1", "U2", rejections=4), MIN_GROUP)
    assert week == HIDDEN


def test_a_week_with_exactly_k_people_shows_its_totals():
    week = anonymous_week(logged("job_application", "U1", "U2", "U3", rejections=2), MIN_GROUP)
    assert (week.shown, week.rejections, week.people) == (True, 6, 3)
    assert week.breakdown == (KindCount("job_application", 6),)


def test_people_are_counted_once_however_many_kinds_they_logged():
    rows = logged("job_application", "U1", "U2") + logged("sales_pitch", "U1", "U2") + logged("social", "U2")
    assert anonymous_week(rows, MIN_GROUP) == HIDDEN


def test_one_persons_many_nos_do_not_stop_a_week_of_three_from_showing():
    # Opting out of the tally is filtered before this point; here all three people count.
    rows = logged("sales_pitch", "U1", rejections=5) + logged("sales_pitch", "U2", "U3")
    week = anonymous_week(rows, MIN_GROUP)
    assert (week.shown, week.rejections, week.people) == (True, 7, 3)


def test_a_kind_needs_k_people_of_its_own_to_get_a_row():
    rows = logged("job_application", "U1", "U2", "U3") + logged("sales_pitch", "U4", "U5", rejections=3)
    week = anonymous_week(rows, MIN_GROUP)
    # The two sales pitchers fold into "other", too few to be shown; a job row beside the total
    # would give their count away (9 - 3), so the job row folds in with them.
    assert week.breakdown == ()
    assert week.other_rejections == week.rejections == 9
    with_a_third = anonymous_week([*rows, Contribution("sales_pitch", "U6", 1)], MIN_GROUP)
    assert [row.kind for row in with_a_third.breakdown] == ["sales_pitch", "job_application"]


def test_folded_kinds_are_shown_as_other_once_k_people_stand_behind_them():
    rows = (
        logged("job_application", "U1", "U2", "U3")
        + logged("sales_pitch", "U4", "U5", rejections=2)
        + logged("social", "U6", rejections=3)
    )
    week = anonymous_week(rows, MIN_GROUP)
    assert week.breakdown == (KindCount("job_application", 3),)
    assert week.other_rejections == 7
    assert sum(row.rejections for row in week.breakdown) + week.other_rejections == week.rejections


def test_the_kind_other_folds_even_when_many_people_logged_it():
    week = anonymous_week(logged("other", "U1", "U2", "U3", "U4"), MIN_GROUP)
    assert week.breakdown == ()
    assert week.other_rejections == 4


def test_a_person_in_two_folded_kinds_counts_once_for_other():
    rows = (
        logged("job_application", "U1", "U2", "U3")
        + logged("social", "U4", "U5")
        + logged("creative_work", "U4")  # three folded rows, but only two people
    )
    # Counted once, the folded rows stand for two people: too few, so the job row folds in too.
    assert anonymous_week(rows, MIN_GROUP).breakdown == ()
    third_person = anonymous_week([*rows, Contribution("outreach", "U6", 1)], MIN_GROUP)
    assert third_person.breakdown == (KindCount("job_application", 3),)
    assert third_person.other_rejections == 4


def test_the_breakdown_runs_from_most_nos_to_fewest_then_in_catalog_order():
    rows = (
        logged("social", "U1", "U2", "U3", rejections=2)
        + logged("job_application", "U1", "U2", "U3", rejections=1)
        + logged("sales_pitch", "U1", "U2", "U3", rejections=2)
    )
    week = anonymous_week(rows, MIN_GROUP)
    assert week.breakdown == (KindCount("sales_pitch", 6), KindCount("social", 6), KindCount("job_application", 3))
    assert KINDS.index("sales_pitch") < KINDS.index("social")


def test_a_kind_the_catalog_does_not_know_folds_into_other():
    rows = logged("retired_kind", "U1", "U2", "U3", rejections=2)
    week = anonymous_week(rows, MIN_GROUP)
    assert (week.breakdown, week.other_rejections) == ((), 6)


def test_a_row_without_nos_does_not_make_someone_a_contributor():
    rows = logged("idea_at_work", "U1", "U2") + [Contribution("idea_at_work", "U3", 0)]
    assert anonymous_week(rows, MIN_GROUP) == HIDDEN


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        Contribution("idea_at_work", "U1", -1)


def test_raising_k_to_five_hides_a_week_of_four():
    rows = logged("job_application", "U1", "U2", "U3", "U4")
    assert anonymous_week(rows, 4).rejections == 4
    assert anonymous_week(rows, 5) == HIDDEN


def test_raising_k_also_raises_the_bar_for_each_kind_and_for_other():
    rows = logged("job_application", "U1", "U2", "U3", "U4") + logged("social", "U1", "U2", "U3")
    assert anonymous_week(rows, 3).breakdown == (KindCount("job_application", 4), KindCount("social", 3))
    week = anonymous_week(rows, 4)
    # Three people logged social: enough for k=3, not for k=4; shown beside the job row it could be
    # worked out, so both fold into "other" (four people).
    assert week.breakdown == ()
    assert week.other_rejections == 7


@pytest.mark.parametrize("configured", [None, 0, 1, 2, -5])
def test_k_is_never_lower_than_three(configured):
    assert effective_min_group(configured) == 3
    assert anonymous_week(logged("outreach", "U1", "U2"), configured or 0) == HIDDEN


def test_a_manager_may_raise_k():
    assert effective_min_group(3) == 3
    assert effective_min_group(7) == 7


def test_nothing_in_the_result_identifies_a_person():
    rows = (
        logged("job_application", "U0ANNA", "U0BRAM", "U0CARA", rejections=2)
        + logged("social", "U0DAAN", rejections=9)
        + logged("outreach", "U0ANNA", "U0EVI")
    )
    week = anonymous_week(rows, MIN_GROUP)
    assert week.shown
    assert "U0" not in repr(week)
    assert [field.name for field in dataclasses.fields(week)] == [
        "shown",
        "rejections",
        "people",
        "breakdown",
        "other_rejections",
    ]
    assert [field.name for field in dataclasses.fields(KindCount)] == ["kind", "rejections"]
    # Daan's 9 social no's and the two outreach no's fold into one total of three people.
    assert week.other_rejections == 11


def test_a_small_remainder_cannot_be_worked_out_by_subtraction():
    # Three people logged job applications, one person a social no: "social" alone would be the
    # total minus the job row, so the job row folds in too and the week shows no breakdown.
    week = anonymous_week(
        [Contribution("job_application", person, 1) for person in ("U1", "U2", "U3")]
        + [Contribution("social", "U4", 2)],
        3,
    )
    assert (week.rejections, week.people) == (5, 4)
    assert week.breakdown == ()
    assert week.other_rejections == 5


def test_the_smallest_rows_fold_first_until_the_remainder_has_k_people():
    week = anonymous_week(
        [Contribution("job_application", person, 3) for person in ("U1", "U2", "U3", "U4")]
        + [Contribution("sales_pitch", person, 1) for person in ("U5", "U6", "U7")]
        + [Contribution("social", "U8", 1)],
        3,
    )
    assert week.breakdown == (KindCount("job_application", 12),)
    assert week.other_rejections == 4  # three pitches and one social no, by four people


def test_whatever_the_week_the_hidden_part_never_follows_from_what_is_shown():
    chooser = random.Random(11)
    for _ in range(500):
        contributions = [
            Contribution(chooser.choice(KINDS), f"U{chooser.randrange(12)}", chooser.randint(1, 4))
            for _ in range(chooser.randint(0, 25))
        ]
        week = anonymous_week(contributions, chooser.choice((3, 4, 5)))
        if week.shown:
            shown = sum(row.rejections for row in week.breakdown) + (week.other_rejections or 0)
            assert shown == week.rejections, contributions
