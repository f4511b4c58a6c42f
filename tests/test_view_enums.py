"""The views the services hand to the screens and the paper carry the vocabulary's enums (the
database keeps plain strings): a screen compares against `Attendance.HELD`, never "held"."""

from datetime import date

import pytest

from factories import planned_course
from traumefokus.domain.vocabulary import (
    Attendance,
    CourseStatus,
    ItqOccasion,
    Method,
    NoteStatus,
    SessionKind,
)
from traumefokus.services import planning, treatment
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.overview import client_courses, list_clients, overdue_notes
from traumefokus.services.session_notes import open_note, sign_note, todays_sessions
from traumefokus.services.status_letters import status_letter

START = date(2026, 1, 5)  # a Monday: sessions fall on Mondays


@pytest.fixture
def course(admin, therapist):
    """Session 0 signed as held, session 1 a no-show not yet written up, an assessment
    ITQ: (client id, course id)."""
    client_id = add_client(admin, "K-0001").id
    course_id = planned_course(therapist, client_id, start=START)
    first, second = view_course(therapist, course_id).sessions[:2]
    sign_note(therapist, first.id, attendance="held", day=START)
    planning.record_attendance(therapist, second.id, "no_show")
    treatment.record_itq(therapist, course_id, occasion="assessment", day=START, items={})
    return client_id, course_id


def test_a_course_view_carries_enums(therapist, course):
    view = view_course(therapist, course[1])
    assert type(view.method) is Method and view.method is Method.SEEKING_SAFETY
    assert type(view.status) is CourseStatus and view.status is CourseStatus.ACTIVE
    held, missed, planned = view.sessions[:3]
    assert (held.kind, held.attendance, held.note_status) == (
        SessionKind.ASSESSMENT,
        Attendance.HELD,
        NoteStatus.SIGNED,
    )
    assert held.attendance is Attendance.HELD and held.note_status is NoteStatus.SIGNED
    assert missed.attendance is Attendance.NO_SHOW and missed.note_status is NoteStatus.NONE
    assert planned.attendance is None
    assert all(type(s.kind) is SessionKind for s in view.sessions)
    assert all(type(s.note_status) is NoteStatus for s in view.sessions)
    assert [r.occasion for r in view.itq] == [ItqOccasion.ASSESSMENT]
    assert type(view.itq[0].occasion) is ItqOccasion


def test_the_lists_carry_enums(therapist, course):
    client_id, course_id = course
    (row,) = list_clients(therapist, today=START)
    assert row.latest_status is CourseStatus.ACTIVE and row.latest_method is Method.SEEKING_SAFETY
    (course_row,) = client_courses(therapist, client_id)
    assert course_row.status is CourseStatus.ACTIVE
    assert course_row.method is Method.SEEKING_SAFETY
    today = todays_sessions(therapist, START)
    assert [(r.kind, r.attendance, r.note_status) for r in today] == [
        (SessionKind.ASSESSMENT, Attendance.HELD, NoteStatus.SIGNED)
    ]
    assert type(today[0].kind) is SessionKind and type(today[0].attendance) is Attendance
    missed = view_course(therapist, course_id).sessions[1]
    planning.record_attendance(therapist, missed.id, "held")  # held, no note: overdue
    (overdue,) = overdue_notes(therapist, date(2026, 3, 1))
    assert overdue.attendance is Attendance.HELD and overdue.note_status is NoteStatus.NONE
    assert type(overdue.kind) is SessionKind


def test_a_note_and_a_letter_carry_enums(therapist, course):
    first = view_course(therapist, course[1]).sessions[0]
    note = open_note(therapist, first.id)
    assert note.method is Method.SEEKING_SAFETY and note.signed
    assert note.session.kind is SessionKind.ASSESSMENT
    for s in view_course(therapist, course[1]).sessions[2:6]:
        planning.record_attendance(therapist, s.id, "held")  # four held: a letter is due
    facts = status_letter(therapist, course[1]).facts
    assert facts.method is Method.SEEKING_SAFETY
    assert all(s.attendance is Attendance.HELD for s in facts.held)


def test_the_enums_still_read_as_the_stored_words(therapist, course):
    """Labels, sorting and the JSON written from a view see the same words as before."""
    view = view_course(therapist, course[1])
    assert view.status == "active" and f"{view.method}" == "SS"
    assert view.sessions[0].attendance == "held"
