"""The supervision overview's record-based format items: per therapist and month, how many
signed, held trauma sessions met each item, did not, and could not be told; for the period
and therapists asked, for supervisors and administrators only."""

from __future__ import annotations

from datetime import date

import pytest

from factories import person, planned_course
from traumefokus.domain.record_chart import Tally
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft, QuoteTalk
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.record_chart import record_chart
from traumefokus.services.record_tables import monthly_table, summary_table
from traumefokus.services.session_notes import save_draft, sign_note
from traumefokus.services.supervision import OverviewQuery

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)
JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)
TWO_MONTHS = OverviewQuery(JAN, date(2026, 2, 28))


def note(check_out_seconds: int) -> NoteDraft:
    return NoteDraft(
        check_in=CheckIn(feeling="Urolig"),
        quote=QuoteTalk(understanding="At finde ly først"),
        check_out=CheckOut(takeaway="Min plan"),
        commitment="Ringe til min søster",
        agenda_seconds={
            "check_in": 280,
            "quote": 300,
            "theme": 2400,
            "check_out": check_out_seconds,
        },
    )


RUSHED, CALM = note(60), note(600)


@pytest.fixture
def centre(db, admin):
    """Mette: SS, check-out rushed twice in January, calm in February, a no-show and a draft;
    Sara: CC, calm in February."""
    mette = person(admin, "mette", "therapist", full_name="Mette Hansen")
    sara = person(admin, "sara", "therapist", full_name="Sara Larsen")
    ss = view_course(mette, planned_course(mette, add_client(admin, "K-0001").id, start=START))
    cc_id = planned_course(
        sara, add_client(admin, "K-0002").id, programme="move-cc", start=START, themes=None
    )
    cc = view_course(sara, cc_id)
    trauma = [s.id for s in ss.sessions if s.kind.value == "trauma"]
    sign_note(mette, trauma[0], attendance="held", day=date(2026, 1, 12), draft=RUSHED)
    sign_note(mette, trauma[1], attendance="held", day=date(2026, 1, 19), draft=RUSHED)
    sign_note(mette, trauma[2], attendance="held", day=date(2026, 2, 2), draft=CALM)
    sign_note(mette, trauma[3], attendance="no_show", day=date(2026, 2, 9))
    save_draft(mette, trauma[4], RUSHED)  # not signed: not counted
    sign_note(mette, trauma[5], attendance="held", day=date(2026, 3, 2), draft=RUSHED)  # after
    cc_trauma = [s.id for s in cc.sessions if s.kind.value == "trauma"]
    sign_note(sara, cc_trauma[0], attendance="held", day=date(2026, 2, 3), draft=CALM)
    return {"mette": mette, "sara": sara, "sup": person(admin, "sup", "supervisor")}


def test_each_therapists_signed_held_trauma_sessions_per_month(centre):
    chart = record_chart(centre["sup"], TWO_MONTHS, today=date(2026, 3, 31))
    assert chart.months == (JAN, FEB)
    assert chart.therapists == (("mette", "Mette Hansen"), ("sara", "Sara Larsen"))
    assert chart.sessions == 4
    items = {c.rule: c for c in chart.items}
    check_out = items["check_out_not_rushed"]
    mette, sara = check_out.rows
    assert mette.months == (Tally(0, 2, 0), Tally(1, 0, 0))
    assert sara.months == (Tally(), Tally(1, 0, 0))
    # the CC scale names no worksheet item: Sara's session is not counted there
    assert [r.total for r in items["worksheets_used"].rows] == [Tally(0, 3, 0), Tally()]
    assert set(items) == {
        "check_in_within_time",
        "quote_used",
        "worksheets_handed_out",
        "worksheets_used",
        "commitment_set",
        "check_out_not_rushed",
    }


def test_the_therapists_and_the_period_asked_for(centre):
    sup = centre["sup"]
    only_sara = record_chart(sup, OverviewQuery(JAN, date(2026, 2, 28), therapists=("sara",)))
    assert only_sara.therapists == (("sara", "Sara Larsen"),)
    assert [r.therapist for c in only_sara.items for r in c.rows] == ["sara"] * 3
    february = record_chart(sup, OverviewQuery(FEB, date(2026, 2, 28)))
    items = {c.rule: c for c in february.items}
    assert items["check_out_not_rushed"].total == Tally(2, 0, 0)
    everything = record_chart(sup, OverviewQuery(), today=date(2026, 3, 31))
    assert everything.months == (JAN, FEB, date(2026, 3, 1))  # from the first session on
    with pytest.raises(InvalidInput):
        record_chart(sup, OverviewQuery(therapists=("nobody",)))
    with pytest.raises(InvalidInput):
        record_chart(sup, OverviewQuery(FEB, JAN))


def test_a_therapist_may_not_see_it(centre):
    with pytest.raises(Refused):
        record_chart(centre["mette"], TWO_MONTHS)


def test_the_tables_say_the_same(centre):
    chart = record_chart(centre["sup"], TWO_MONTHS, today=date(2026, 3, 31))
    summary = summary_table(chart, "en")
    rows = [r for r in summary.rows if r[0] == "Check-out not rushed"]
    assert rows == [
        ("Check-out not rushed", "Mette Hansen", 3, 1, 2, 0, 1 / 3),
        ("Check-out not rushed", "Sara Larsen", 1, 1, 0, 0, 1.0),
        ("Check-out not rushed", "All therapists", 4, 2, 2, 0, 0.5),
    ]
    monthly = monthly_table(chart, "da")
    assert [c.heading for c in monthly.columns][:3] == ["Punkt", "Behandler", "Måned"]
    rows = [r for r in monthly.rows if r[0] == "Udtjekning uden hast"]
    assert rows == [
        ("Udtjekning uden hast", "Mette Hansen", "2026-01", 2, 0, 2, 0, 0.0),
        ("Udtjekning uden hast", "Mette Hansen", "2026-02", 1, 1, 0, 0, 1.0),
        ("Udtjekning uden hast", "Sara Larsen", "2026-02", 1, 1, 0, 0, 1.0),
    ]
