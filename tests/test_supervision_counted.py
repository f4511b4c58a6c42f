"""The supervision overview's figures that the database counts (services/
supervision_queries.py, supervision_lateness.py) agree with the rules in Python at their
edges: a note signed at the very moment its deadline begins, or a microsecond before, on the
days around a change of summer time, in time zones ahead of and behind UTC (some by a half
or three quarters of an hour); an unsigned note on the last day it is still in time; a theme
whose id holds the separator the statement joins ids by.
"""

from __future__ import annotations

import time as clock
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from factories import person, planned_course
from traumefokus.domain import supervision as rules
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import sign_note
from traumefokus.services.supervision import OverviewQuery, supervision_overview
from traumefokus.services.supervision_lateness import deadline, deadline_shifts
from traumefokus.storage.models import CourseSession

pytestmark = pytest.mark.both_databases

START = date(2025, 1, 6)
TODAY = date(2025, 12, 1)
# The days before and after each change of summer time in Europe (30 March and 26 October
# 2025) and in North America (9 March, 2 November) and New Zealand (6 April, 28 September):
# the deadline of a note lies three days later, across the change or not.
DAYS = sorted(
    {
        change + timedelta(days=shift)
        for change in (
            date(2025, 3, 9),
            date(2025, 3, 30),
            date(2025, 4, 6),
            date(2025, 9, 28),
            date(2025, 10, 26),
            date(2025, 11, 2),
        )
        for shift in range(-4, 1)
    }
)
ZONES = ["Europe/Copenhagen", "America/St_Johns", "Pacific/Chatham", "Asia/Kathmandu", "UTC"]


@pytest.fixture(params=ZONES)
def zone(request, monkeypatch):
    """The computer's local time zone for the test."""
    monkeypatch.setenv("TZ", request.param)
    clock.tzset()
    yield request.param
    monkeypatch.undo()
    clock.tzset()


def _held_sessions(therapist, client_code: str, days: list[date]) -> list[str]:
    client = add_client(therapist, client_code, site="Nord")
    course = planned_course(therapist, client.id, start=START)
    sessions = sorted(view_course(therapist, course).sessions, key=lambda s: s.number or 0)
    ids = []
    for session, day in zip(sessions, days, strict=False):
        sign_note(therapist, session.id, attendance="held", day=day)
        ids.append(session.id)
    return ids


def _sign_at(admin, moments: dict[str, datetime | None]) -> None:
    with admin.db.transaction() as tx:
        for row in tx.scalars(select(CourseSession).where(CourseSession.id.in_(moments))):
            row.signed_at = moments[row.id]


def test_a_note_is_late_from_the_very_moment_its_deadline_begins(zone, admin, therapist):
    """Each session of two courses, on the days around the changes of summer time: one
    signed a microsecond before its deadline (in time), one at it (late); the overview
    counts late what the rule in Python does, per therapist too, for every period."""
    jonas = person(admin, "jonas.k", "therapist", full_name="Jonas Kristensen")
    in_time = _held_sessions(therapist, "K-0001", DAYS[:18])
    late = _held_sessions(jonas, "K-0002", DAYS[:18])
    days = {}
    with admin.db.reading() as tx:
        for row in tx.execute(select(CourseSession.id, CourseSession.date)):
            days[row.id] = row.date
    moments = {i: deadline(days[i]) - timedelta(microseconds=1) for i in in_time}
    moments |= {i: deadline(days[i]) for i in late}
    _sign_at(admin, moments)
    for i, moment in moments.items():  # the rule itself: late once the third local day began
        third = datetime.combine(rules.note_due(days[i]) + timedelta(days=1), time.min)
        assert (moment >= third.astimezone().astimezone(UTC)) == (i in late)

    supervisor = person(admin, "sup", "supervisor")
    for query in (
        OverviewQuery(end=TODAY),
        OverviewQuery(START, TODAY),
        OverviewQuery(DAYS[3], DAYS[12]),
        OverviewQuery(DAYS[9], DAYS[9]),
    ):
        found = supervision_overview(supervisor, query, today=TODAY)
        in_period = [i for i in moments if days[i] in found.period]
        expected = [i for i in in_period if moments[i] >= deadline(days[i])]
        assert (found.notes_begun, found.notes_late) == (len(in_period), len(expected))
        assert found.notes_unsigned == 0
        per_therapist = {r.name: r.notes_late for r in found.therapists}
        assert per_therapist == {"mette.h": 0, "jonas.k": len(expected)}


def test_the_deadlines_follow_the_local_offset_day_by_day(zone):
    """deadline_shifts names a new shift exactly on the days whose deadline moves against
    their midnight, and each day's deadline is its midnight plus the shift it falls under;
    of days far apart, each is asked itself."""
    first = date(2024, 12, 1)
    days = [first + timedelta(days=n) for n in range(427)]  # to 31 January 2026
    steps = deadline_shifts(days)
    assert steps[0][0] == first
    changes = 0 if zone in ("Asia/Kathmandu", "UTC") else 2  # summer time began, ended
    assert len(steps) == 1 + changes
    for day in days:
        shift = [by for start, by in steps if start <= day][-1]
        assert deadline(day) == (datetime.combine(day, time.min) + shift).replace(tzinfo=UTC)
    far = [date(2025, 1, 6), date(2025, 7, 7), date(2026, 1, 5)]
    assert [start for start, _by in deadline_shifts(far)] == far[: 1 + min(changes, 2)]


def test_an_unsigned_note_is_late_once_its_two_days_have_passed(admin, therapist):
    """Held and never signed: on `today` two days after the session it is still in time,
    three days after it is late; begun as a draft on a session not yet recorded, the same on
    its planned day."""
    client = add_client(therapist, "K-0001", site="Nord")
    course = planned_course(therapist, client.id, start=START)
    sessions = sorted(view_course(therapist, course).sessions, key=lambda s: s.number or 0)
    planning.record_attendance(therapist, sessions[0].id, "held", day=date(2025, 6, 2))
    supervisor = person(admin, "sup", "supervisor")
    for today, late in ((date(2025, 6, 4), 0), (date(2025, 6, 5), 1)):
        assert rules.note_late(date(2025, 6, 2), None, today) == bool(late)
        assert (date(2025, 6, 2) < rules.unsigned_late_before(today)) == bool(late)
        found = supervision_overview(supervisor, OverviewQuery(end=today), today=today)
        assert (found.notes_begun, found.notes_late, found.notes_unsigned) == (1, late, late)


def test_a_theme_id_with_the_separator_in_it_is_counted_whole(admin, therapist):
    """The statement joins a course's theme ids by commas (writing a comma or a per cent
    sign inside one otherwise): an id holding either comes back whole, held and never
    done."""
    ids = _held_sessions(therapist, "K-0001", [date(2025, 2, 3)])
    odd = "a,b%2C%25c"
    with admin.db.transaction() as tx:
        session = tx.get(CourseSession, ids[0])
        assert session is not None
        session.kind, session.theme_id = "trauma", odd
    supervisor = person(admin, "sup", "supervisor")
    found = supervision_overview(supervisor, OverviewQuery(end=TODAY), today=TODAY)
    held = {r.theme_id: r.held for r in found.themes if r.held}
    assert held == {odd: 1}


def test_a_period_to_either_end_of_the_calendar_is_counted_not_a_crash(zone, admin, therapist):
    """From 0001-01-01 to 9999-12-31, in a time zone whose offset would carry midnight past
    either end, with a session held on the calendar's second last day: the overview counts
    it (its note cannot be late; the other one, signed today, is) and the safety flags,
    instead of failing on the date sums."""
    ids = _held_sessions(therapist, "K-0001", [date(2025, 2, 3), date(9999, 12, 30)])
    supervisor = person(admin, "sup", "supervisor")
    found = supervision_overview(supervisor, OverviewQuery(date.min, date.max), today=TODAY)
    assert (found.notes_begun, found.notes_late) == (len(ids), 1)
    assert deadline(date(9999, 12, 30)) == datetime.max.replace(tzinfo=UTC)
