"""The record-based format items added up per rule, therapist and month
(domain/record_chart.py): the share met is of the sessions that could be told."""

from __future__ import annotations

from datetime import date

from traumefokus.domain.record_chart import (
    Tally,
    Verdict,
    add_up,
    month_of,
    months_between,
    total,
)
from traumefokus.domain.record_checks import Outcome

MET, NOT, CANT = Outcome.MET, Outcome.NOT_MET, Outcome.CANNOT_TELL
JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


def test_the_share_met_leaves_out_what_cannot_be_told():
    tally = Tally(met=3, not_met=1, cannot_tell=4)
    assert (tally.sessions, tally.told, tally.share_met) == (8, 4, 0.75)
    assert Tally(cannot_tell=2).share_met is None
    assert Tally().share_met is None


def test_tallies_add_up():
    assert Tally(1, 2, 3) + Tally(4, 5, 6) == Tally(5, 7, 9)
    assert total([Tally(1, 0, 0), Tally(0, 1, 0), Tally(0, 0, 1)]) == Tally(1, 1, 1)
    assert total([]) == Tally()


def test_the_months_of_a_period_run_over_the_new_year():
    assert month_of(date(2026, 2, 28)) == FEB
    assert months_between(date(2025, 11, 17), date(2026, 2, 3)) == (
        date(2025, 11, 1),
        date(2025, 12, 1),
        JAN,
        FEB,
    )
    assert months_between(date(2026, 1, 31), date(2026, 1, 1)) == (JAN,)  # its own month
    assert months_between(FEB, date(2026, 1, 31)) == ()


def test_verdicts_are_counted_per_rule_therapist_and_month():
    verdicts = [
        Verdict("check_out_not_rushed", "mette", date(2026, 1, 5), NOT),
        Verdict("check_out_not_rushed", "mette", date(2026, 1, 12), NOT),
        Verdict("check_out_not_rushed", "mette", date(2026, 1, 19), MET),
        Verdict("check_out_not_rushed", "mette", date(2026, 3, 2), CANT),
        Verdict("check_out_not_rushed", "sara", date(2026, 2, 9), MET),
        Verdict("quote_used", "sara", date(2026, 2, 9), MET),
    ]
    charts = add_up(verdicts, (JAN, FEB, MAR), ["mette", "sara"])
    assert [c.rule for c in charts] == ["quote_used", "check_out_not_rushed"]  # the rules' order
    check_out = charts[1]
    mette, sara = check_out.rows
    assert mette.therapist == "mette"
    assert mette.months == (Tally(1, 2, 0), Tally(), Tally(0, 0, 1))
    assert mette.total == Tally(1, 2, 1)
    assert sara.months == (Tally(), Tally(1, 0, 0), Tally())
    assert check_out.by_month == (Tally(1, 2, 0), Tally(1, 0, 0), Tally(0, 0, 1))
    assert check_out.total == Tally(2, 2, 1)
    quote = charts[0]
    assert [r.total for r in quote.rows] == [Tally(), Tally(1, 0, 0)]  # every therapist a row


def test_a_rule_asked_for_gets_a_chart_without_verdicts_and_other_verdicts_are_left_out():
    verdicts = [
        Verdict("commitment_set", "jonas", date(2026, 1, 5), MET),  # not a row asked for
        Verdict("commitment_set", "mette", date(2025, 12, 31), MET),  # before the months
    ]
    charts = add_up(verdicts, (JAN,), ["mette"], rules=["check_in_within_time"])
    assert [c.rule for c in charts] == ["check_in_within_time", "commitment_set"]
    assert all(c.total == Tally() for c in charts)
    assert [r.therapist for c in charts for r in c.rows] == ["mette", "mette"]
