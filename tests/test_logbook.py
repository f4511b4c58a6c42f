"""The logbook's query (services/logbook.py): who sees which entries, each filter, the period
on the real date, the client-code search taken literally, the orders and the pages."""

from __future__ import annotations

from datetime import date

import pytest

from factories import person
from logbook_fixtures import logbook_centre
from traumefokus.domain.vocabulary import Attendance, CourseStatus, Method, NoteStatus
from traumefokus.services.logbook import (
    NOT_RECORDED,
    LogbookFilter,
    LogbookOrder,
    count_entries,
    each_entry,
    logbook_therapists,
    page_of_entries,
)

pytestmark = pytest.mark.both_databases


@pytest.fixture
def centre(db, admin, therapist):
    return logbook_centre(db, admin, therapist)


def codes(acting, where: LogbookFilter = LogbookFilter(), **order) -> list[str]:  # noqa: B008
    return [r.client_code for r in page_of_entries(acting, where, limit=1000, **order)]


def test_a_therapist_reads_the_entries_of_their_own_courses_a_supervisor_every_one(
    admin, therapist, centre
):
    supervisor = person(admin, "ulla", "supervisor")
    coder = person(admin, "kim", "coder")
    assert count_entries(therapist, LogbookFilter()) == 5
    assert set(codes(therapist)) == {"K_01"}
    assert count_entries(centre["sara"], LogbookFilter()) == 8
    assert count_entries(supervisor, LogbookFilter()) == 13
    assert count_entries(admin, LogbookFilter()) == 13
    assert count_entries(coder, LogbookFilter()) == 0
    assert page_of_entries(coder, LogbookFilter()) == []
    # An untouched planned session is not an entry; a draft with no attendance is.
    assert centre["draft"] in {r.session_id for r in page_of_entries(therapist, LogbookFilter())}


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (LogbookFilter(site="Syd"), {"KX01": 4}),
        (LogbookFilter(method=Method.CREATING_CHANGE), {"KX01": 4}),
        (LogbookFilter(attendance=Attendance.NO_SHOW), {"K_01": 1}),
        (LogbookFilter(attendance=NOT_RECORDED), {"K_01": 1}),
        (LogbookFilter(note_status=NoteStatus.DRAFT), {"K_01": 1}),
        (LogbookFilter(course_status=CourseStatus.ENDED_EARLY), {"K%02": 4}),
        (LogbookFilter(course_status=CourseStatus.ACTIVE), {"K_01": 5}),
        (LogbookFilter(client_code="x0"), {"KX01": 4}),  # any case, any part
        (LogbookFilter(client_code=" k_ "), {"K_01": 5}),  # _ is a letter, not "any one"
        (LogbookFilter(client_code="%"), {"K%02": 4}),  # % is a letter, not "anything"
        (LogbookFilter(client_code="nobody"), {}),
        (LogbookFilter(site="Nord", method=Method.SEEKING_SAFETY), {"K_01": 5, "K%02": 4}),
    ],
)
def test_each_filter_narrows_the_entries_and_their_count(admin, centre, where, expected):
    found = codes(admin, where)
    assert {c: found.count(c) for c in set(found)} == expected
    assert count_entries(admin, where) == sum(expected.values())


def test_the_therapist_filter_keeps_the_courses_of_the_therapists_chosen(admin, therapist, centre):
    sara = frozenset({centre["sara"].actor.id})
    assert set(codes(admin, LogbookFilter(therapists=sara))) == {"KX01", "K%02"}
    both = sara | {therapist.actor.id}
    assert count_entries(admin, LogbookFilter(therapists=both)) == 13
    # A therapist asking for a colleague's entries still gets only their own courses.
    assert count_entries(therapist, LogbookFilter(therapists=sara)) == 0


def test_the_period_selects_on_the_real_date_not_the_planned_one(admin, centre):
    april = LogbookFilter(start=date(2025, 4, 1), end=date(2025, 4, 30))
    assert [r.session_id for r in page_of_entries(admin, april)] == [centre["late"]]
    [late] = page_of_entries(admin, april)
    assert late.day == date(2025, 4, 30) and late.planned_date == date(2025, 3, 10)
    may = LogbookFilter(start=date(2025, 5, 1), end=date(2025, 5, 31))
    assert [r.session_id for r in page_of_entries(admin, may)] == [centre["april"]]
    # A note with no real date yet is found on its planned day.
    february = LogbookFilter(start=date(2026, 2, 1), end=date(2026, 2, 28))
    assert [r.session_id for r in page_of_entries(admin, february)] == [centre["draft"]]
    # Either end may be left open.
    assert count_entries(admin, LogbookFilter(start=date(2026, 1, 1))) == 5
    assert count_entries(admin, LogbookFilter(end=date(2025, 12, 31))) == 8


def test_the_entries_come_in_the_order_asked_for(admin, centre):
    days = [r.day for r in page_of_entries(admin, LogbookFilter())]
    assert days == sorted(days, reverse=True)  # the newest first, by default
    oldest = [r.day for r in page_of_entries(admin, LogbookFilter(), descending=False)]
    assert oldest == sorted(days)
    by_site = codes(admin, order=LogbookOrder.SITE, descending=False)
    assert by_site[:9].count("KX01") == 0 and by_site[9:] == ["KX01"] * 4
    rows = page_of_entries(admin, LogbookFilter(), order=LogbookOrder.THERAPIST)
    assert [r.therapist.name for r in rows] == ["sara.l"] * 8 + ["mette.h"] * 5
    statuses = [
        r.course_status for r in page_of_entries(admin, LogbookFilter(), order=LogbookOrder.COURSE)
    ]
    assert statuses == sorted(statuses, reverse=True)
    attendance = [
        r.attendance
        for r in page_of_entries(
            admin, LogbookFilter(client_code="K_"), order=LogbookOrder.ATTENDANCE
        )
    ]
    assert attendance.count(Attendance.HELD) == 3
    # Within one client, rows stay together, and descending reverses ascending.
    ascending = codes(admin, order=LogbookOrder.CLIENT, descending=False)
    descending = codes(admin, order=LogbookOrder.CLIENT)
    assert descending == ascending[::-1]
    assert [c for i, c in enumerate(ascending) if i == 0 or ascending[i - 1] != c] == list(
        dict.fromkeys(ascending)
    )


@pytest.mark.parametrize("order", list(LogbookOrder))
def test_pages_follow_each_other_without_a_gap_or_a_repeat(admin, centre, order):
    whole = [r.session_id for r in page_of_entries(admin, LogbookFilter(), order=order)]
    pages = [
        r.session_id
        for offset in range(0, 13, 5)
        for r in page_of_entries(admin, LogbookFilter(), order=order, offset=offset, limit=5)
    ]
    assert pages == whole and len(set(whole)) == 13


def test_the_stream_gives_every_entry_oldest_first(admin, centre):
    streamed = [r.session_id for r in each_entry(admin, LogbookFilter(site="Nord"))]
    paged = page_of_entries(admin, LogbookFilter(site="Nord"), descending=False)
    assert streamed == [r.session_id for r in paged]


def test_the_therapists_to_filter_by_are_those_of_the_courses_the_user_reads(
    admin, therapist, centre
):
    person(admin, "ole", "therapist", full_name="Ole Nielsen")  # no course: not offered
    offered = logbook_therapists(admin)
    assert [p.name for p in offered] == ["mette.h", "sara.l"]  # "mette.h" < "Sara Larsen"
    assert offered[1].full_name == "Sara Larsen"
    assert [p.name for p in logbook_therapists(therapist)] == ["mette.h"]
