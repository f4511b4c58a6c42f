"""The record-based format items of a signed trauma session, on its method's scale, for those
who may read its course; a draft's self-check before signing."""

from __future__ import annotations

from datetime import date

import pytest

from factories import person, planned_course
from traumefokus.domain.record_checks import Outcome
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft, QuoteTalk, WorksheetUse
from traumefokus.errors import Refused
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.record_checks import draft_checks, session_checks
from traumefokus.services.session_notes import open_note, sign_note

START = date(2026, 1, 5)


@pytest.fixture
def course(db, therapist, library, admin):
    client = add_client(admin, "K-0001")
    return view_course(therapist, planned_course(therapist, client.id, start=START))


def number(course, n: int) -> str:
    return next(s.id for s in course.sessions if s.number == n)


def rushed_note() -> NoteDraft:
    return NoteDraft(
        check_in=CheckIn(feeling="Urolig"),
        quote=QuoteTalk(understanding="At finde ly først"),
        worksheets=[WorksheetUse("safe-and-unsafe", handed_out=False)],
        check_out=CheckOut(takeaway="Min plan"),
        commitment="",
        agenda_seconds={"check_in": 280, "quote": 300, "theme": 2400, "check_out": 120},
    )


def test_a_signed_trauma_session_is_checked_on_the_ss_scale(db, therapist, admin, course):
    session_id = number(course, 3)
    sign_note(therapist, session_id, attendance="held", day=START, draft=rushed_note())
    checks = session_checks(therapist, session_id)
    assert checks is not None and checks.scale_id == "ss-adherence"
    outcomes = {i.item_id: (i.check.rule, i.outcome) for i in checks.items}
    assert outcomes == {
        "check_in": ("check_in_within_time", Outcome.MET),
        "quote": ("quote_used", Outcome.MET),
        "worksheets_handed_out": ("worksheets_handed_out", Outcome.NOT_MET),
        "worksheets_used": ("worksheets_used", Outcome.MET),
        "commitment": ("commitment_set", Outcome.NOT_MET),
        "check_out": ("check_out_not_rushed", Outcome.NOT_MET),
    }
    check_out = next(i.check for i in checks.not_met() if i.item_id == "check_out")
    assert (check_out.minutes, check_out.target_minutes) == (2, 10)
    supervisor = person(admin, "sup", "supervisor")
    assert session_checks(supervisor, session_id) == checks


def test_a_therapist_without_the_course_is_refused(db, therapist, admin, course):
    session_id = number(course, 3)
    sign_note(therapist, session_id, attendance="held", day=START, draft=rushed_note())
    other = person(admin, "anden", "therapist")
    with pytest.raises(Refused):
        session_checks(other, session_id)


def test_only_signed_held_trauma_sessions_are_checked(db, therapist, course):
    assert session_checks(therapist, number(course, 3)) is None  # not signed
    sign_note(therapist, number(course, 4), attendance="no_show", day=START)
    assert session_checks(therapist, number(course, 4)) is None  # not held
    sign_note(therapist, number(course, 1), attendance="held", day=START)
    assert session_checks(therapist, number(course, 1)) is None  # a MOVE session


def test_a_draft_is_checked_before_signing(db, therapist, course):
    note = open_note(therapist, number(course, 3))
    checks = draft_checks(therapist, note.method, rushed_note(), note.agenda)
    assert [i.item_id for i in checks if i.outcome is Outcome.NOT_MET] == [
        "worksheets_handed_out",
        "commitment",
        "check_out",
    ]
