"""The supervision overview: its figures against a small centre built by hand, where every
number is known; its narrowing to a site and to therapists; who may see it.

The centre (period 1 January - 30 June 2026, "today" 10 July 2026):
- A: Mette, K-0001 (Nord), Seeking Safety, started 5 January, sessions 0-9 held (10 attended),
  completed 20 March; timings on its MOVE and trauma sessions; four gift cards of 200 kr.
- B: Mette, K-0002 (Nord), Creating Change, started 2 February: sessions 0-2 held (session 2
  recorded, its note never signed), then a no-show, a cancellation by the client and one by
  the centre; ended early on 15 March (dropped out), none of its themes held.
- C: Jonas, K-0003 (Syd), Seeking Safety, started 3 November 2025: sessions 0-3 held in 2025,
  session 4 held on 12 January 2026 (a gift card of 250 kr), session 5 moved to 1 June with a
  draft note never signed; still active.
- D: Jonas, K-0004 (Nord), planned for August: not started.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from factories import SS_THEMES, person, planned_course
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.supervision import Spread
from traumefokus.domain.vocabulary import Method, SessionKind
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import end_course, view_course
from traumefokus.services.session_notes import save_draft, sign_note
from traumefokus.services.supervision import (
    OverviewQuery,
    overview_choices,
    supervision_overview,
)
from traumefokus.storage.models import CourseSession, SafetyFlag

pytestmark = pytest.mark.both_databases

PERIOD = OverviewQuery(start=date(2026, 1, 1), end=date(2026, 6, 30))
TODAY = date(2026, 7, 10)
CC_THEMES = [
    "honor-survival",
    "break-silence",
    "understand-memory",
    "identify-influences",
    "dark-and-light",
    "want-understood",
]


def _local(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)


@pytest.fixture
def centre(admin, therapist):
    mette = therapist
    jonas = person(admin, "jonas.k", "therapist", full_name="Jonas Kristensen")
    supervisor = person(admin, "sup", "supervisor")
    k1, k2, k4 = (add_client(admin, f"K-000{n}", site="Nord") for n in (1, 2, 4))
    k3 = add_client(admin, "K-0003", site="Syd")

    a = planned_course(mette, k1.id, start=date(2026, 1, 5))
    a_sessions = {s.number: s for s in view_course(mette, a).sessions}
    for n in range(10):
        sign_note(mette, a_sessions[n].id, attendance="held", day=a_sessions[n].planned_date)
    end_course(mette, a, status="completed", end_date=date(2026, 3, 20))

    b = planned_course(mette, k2.id, programme="move-cc", start=date(2026, 2, 2), themes=CC_THEMES)
    b_sessions = {s.number: s for s in view_course(mette, b).sessions}
    for n in (0, 1):
        sign_note(mette, b_sessions[n].id, attendance="held", day=b_sessions[n].planned_date)
    planning.record_attendance(mette, b_sessions[2].id, "held")  # its note never signed
    planning.record_attendance(mette, b_sessions[3].id, "no_show")
    sign_note(mette, b_sessions[4].id, attendance="cancelled_client", day=date(2026, 3, 2))
    planning.record_attendance(mette, b_sessions[5].id, "cancelled_centre")
    end_course(
        mette,
        b,
        status="ended_early",
        end_date=date(2026, 3, 15),
        reason="dropped_out",
        reasons=("dropped_out",),
    )

    c = planned_course(jonas, k3.id, start=date(2025, 11, 3))
    c_sessions = {s.number: s for s in view_course(jonas, c).sessions}
    for n in range(4):
        sign_note(jonas, c_sessions[n].id, attendance="held", day=c_sessions[n].planned_date)
    sign_note(jonas, c_sessions[4].id, attendance="held", day=date(2026, 1, 12))
    planning.reschedule(jonas, c_sessions[5].id, day=date(2026, 6, 1), at=None)
    save_draft(jonas, c_sessions[5].id, NoteDraft(commitment="Gå en tur"))

    planned_course(jonas, k4.id, start=date(2026, 8, 3))

    minutes = {  # A's timings: number: {point: minutes}
        1: {"topic": 30},
        2: {"topic": 40},
        9: {"topic": 45},
        **{
            3 + i: {"check_in": ci, "theme": th}
            for i, (ci, th) in enumerate(
                zip((4, 5, 6, 5, 5, 7), (30, 32, 34, 36, 38, 50), strict=True)
            )
        },
    }
    with admin.db.transaction() as tx:
        for s in tx.scalars(select(CourseSession).where(CourseSession.signed_at.is_not(None))):
            s.signed_at = _local(s.date)  # signed on the day, at noon
        a_rows = {
            s.number: s
            for s in tx.scalars(select(CourseSession).where(CourseSession.course_id == a))
        }
        a_rows[1].signed_at = _local(a_rows[1].date + timedelta(days=3), 8)  # late
        a_rows[2].signed_at = _local(a_rows[2].date + timedelta(days=2), 23, 30)  # just in time
        for number, points in minutes.items():
            a_rows[number].agenda_seconds = {p: m * 60 for p, m in points.items()}
        for number in (2, 4, 6, 8):
            a_rows[number].gift_card_given, a_rows[number].gift_card_dkk = True, 200
        a_rows[1].gift_card_given = False
        c_rows = {
            s.number: s
            for s in tx.scalars(select(CourseSession).where(CourseSession.course_id == c))
        }
        c_rows[4].gift_card_given, c_rows[4].gift_card_dkk = True, 250
        c_rows[2].gift_card_given, c_rows[2].gift_card_dkk = True, 200  # in 2025
        for course, raised, cleared in (
            (a, date(2026, 2, 2), date(2026, 2, 9)),
            (b, date(2026, 3, 1), None),
            (c, date(2025, 12, 1), None),
        ):
            tx.add(
                SafetyFlag(
                    course_id=course,
                    text="Uro",
                    raised_at=_local(raised),
                    raised_by_id=mette.actor.id,
                    cleared_at=_local(cleared) if cleared else None,
                    cleared_by_id=mette.actor.id if cleared else None,
                )
            )
    return supervisor, {"a": a, "b": b, "c": c}


def test_the_overview_matches_the_hand_built_centre(centre):
    supervisor, _ids = centre
    found = supervision_overview(supervisor, PERIOD, today=TODAY)

    assert (found.started, found.active, found.completed, found.ended_early) == (2, 1, 1, 1)
    assert [(r.reason, r.label("da"), r.label("en"), r.courses) for r in found.ended_by_reason] == [
        ("dropped_out", "Droppede ud", "Dropped out", 1)
    ]
    assert (found.ended, found.nine_or_more) == (2, 1)
    a = found.attendance
    assert (a.held, a.no_show, a.cancelled_client, a.cancelled_centre) == (14, 1, 1, 1)
    assert a.rate == 14 / 16
    assert (found.notes_begun, found.notes_late, found.notes_unsigned) == (15, 3, 2)
    assert (found.flags_open, found.flags_raised) == (2, 2)
    assert (found.gift_cards, found.gift_cards_dkk) == (5, 1050)

    rows = {r.name: r for r in found.therapists}
    assert list(rows) == ["jonas.k", "mette.h"]  # by the name shown: Jonas Kristensen, mette.h
    assert rows["jonas.k"].label == "Jonas Kristensen"
    mette, jonas = rows["mette.h"], rows["jonas.k"]
    assert (mette.started, mette.active, mette.completed, mette.ended_early) == (2, 0, 1, 1)
    assert (jonas.started, jonas.active, jonas.completed, jonas.ended_early) == (0, 1, 0, 0)
    assert mette.attendance.rate == 13 / 15 and jonas.attendance.rate == 1.0
    assert (mette.notes_late, jonas.notes_late) == (2, 1)
    assert (mette.gift_cards, mette.gift_cards_dkk) == (4, 800)
    assert (jonas.gift_cards, jonas.gift_cards_dkk) == (1, 250)

    themes = {(r.method, r.theme_id): (r.chosen, r.held, r.never_done) for r in found.themes}
    expected = {(Method.SEEKING_SAFETY, t): (1, 1, 0) for t in SS_THEMES}
    expected[Method.SEEKING_SAFETY, view_theme(supervisor, centre[1]["c"], 4)] = (1, 2, 0)
    expected |= {(Method.CREATING_CHANGE, t): (1, 0, 1) for t in CC_THEMES}
    assert themes == expected
    assert [r.method for r in found.themes] == [Method.SEEKING_SAFETY] * 6 + [
        Method.CREATING_CHANGE
    ] * 6
    safety = next(r for r in found.themes if r.theme_id == "safety")
    assert (safety.title, safety.title_en) == ("Sikkerhed", "Safety")

    agenda = {(r.kind, r.point_id): r for r in found.agenda}
    assert list(agenda) == [
        (SessionKind.MOVE, "check_in"),
        (SessionKind.MOVE, "topic"),
        (SessionKind.MOVE, "agreements"),
        (SessionKind.TRAUMA, "check_in"),
        (SessionKind.TRAUMA, "quote"),
        (SessionKind.TRAUMA, "theme"),
        (SessionKind.TRAUMA, "check_out"),
    ]
    theme = agenda[SessionKind.TRAUMA, "theme"]
    assert (theme.target, theme.maximum, theme.programmes) == (35, 40, None)
    assert theme.minutes == Spread(6, 32.5, 35.0, 37.5) and theme.over_maximum == 1
    check_in = agenda[SessionKind.TRAUMA, "check_in"]
    assert check_in.minutes == Spread(6, 5.0, 5.0, 5.75) and check_in.over_maximum == 2
    topic = agenda[SessionKind.MOVE, "topic"]
    assert topic.minutes == Spread(3, 35.0, 40.0, 42.5) and topic.over_maximum == 1
    assert agenda[SessionKind.TRAUMA, "quote"].minutes is None


def view_theme(acting, course_id: str, number: int) -> str:
    session = next(s for s in view_course(acting, course_id).sessions if s.number == number)
    assert session.theme_id is not None
    return session.theme_id


def test_a_site_and_therapists_narrow_the_overview(centre):
    supervisor, _ids = centre
    nord = supervision_overview(
        supervisor, OverviewQuery(PERIOD.start, PERIOD.end, site="Nord"), today=TODAY
    )
    assert (nord.started, nord.active, nord.completed, nord.ended_early) == (2, 0, 1, 1)
    assert (nord.attendance.held, nord.notes_late, nord.gift_cards_dkk) == (13, 2, 800)
    assert (nord.flags_open, nord.flags_raised) == (1, 2)
    assert [r.name for r in nord.therapists] == ["mette.h"]

    jonas = supervision_overview(
        supervisor, OverviewQuery(PERIOD.start, PERIOD.end, therapists=("jonas.k",)), today=TODAY
    )
    assert (jonas.started, jonas.active, jonas.attendance.held, jonas.notes_late) == (0, 1, 1, 1)
    assert [r.name for r in jonas.therapists] == ["jonas.k"]
    assert {r.theme_id for r in jonas.themes if r.held} == {view_theme(supervisor, _ids["c"], 4)}

    both = supervision_overview(
        supervisor, OverviewQuery(therapists=("jonas.k", "mette.h")), today=TODAY
    )
    assert both.attendance.held == 18  # and C's four sessions of 2025, without a period start
    assert both.period.start is None and both.period.end == TODAY


def test_the_period_reads_the_dates_it_says(centre):
    """Only March: B ended early in it, A completed in it; nothing started; the sessions are
    those of March (A's 8 and 9, B's cancellations)."""
    supervisor, _ids = centre
    march = supervision_overview(
        supervisor, OverviewQuery(date(2026, 3, 1), date(2026, 3, 31)), today=TODAY
    )
    assert (march.started, march.active, march.completed, march.ended_early) == (0, 1, 1, 1)
    a = march.attendance
    assert (a.held, a.no_show, a.cancelled_client, a.cancelled_centre) == (2, 0, 1, 1)
    assert march.attendance.rate == 2 / 3
    assert [r.chosen for r in march.themes] == [0] * len(march.themes)
    assert sum(r.never_done for r in march.themes) == 6


def test_bad_choices_are_invalid_input(centre):
    supervisor, _ids = centre
    with pytest.raises(InvalidInput) as reversed_period:
        supervision_overview(supervisor, OverviewQuery(date(2026, 6, 1), date(2026, 1, 1)))
    assert reversed_period.value.code == "supervision.period_reversed"
    with pytest.raises(InvalidInput) as unknown:
        supervision_overview(supervisor, OverviewQuery(therapists=("nobody",)))
    assert unknown.value.code == "supervision.unknown_therapist"


def test_only_supervisors_and_administrators_see_the_overview(centre, admin, therapist):
    supervisor, _ids = centre
    supervision_overview(admin, PERIOD, today=TODAY)
    choices = overview_choices(supervisor)
    assert choices.sites == ("Nord", "Syd")
    assert choices.therapists == (("jonas.k", "Jonas Kristensen"), ("mette.h", "mette.h"))
    with pytest.raises(Refused):
        supervision_overview(therapist, PERIOD, today=TODAY)
    with pytest.raises(Refused):
        overview_choices(therapist)
