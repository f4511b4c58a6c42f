"""Supervisors' comments on a course or a session (read by the course's therapist until they
mark them read) and co-signatures on signed notes."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from factories import person, planned_course
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, open_notes, sign_note, todays_sessions
from traumefokus.services.supervision_comments import (
    MAX_COMMENT,
    add_comment,
    cosign_note,
    course_comments,
    mark_read,
    unread_comments,
)
from traumefokus.storage.models import AuditEvent, CourseSession

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)


@pytest.fixture
def centre(admin, therapist):
    """Mette's course (Jonas covers it) and a supervisor; sessions 0-2 signed by Mette."""
    supervisor = person(admin, "sup", "supervisor", full_name="Ida Berg", title="psykolog")
    jonas = person(admin, "jonas", "therapist")
    course_id = planned_course(therapist, add_client(admin, "K-0001").id, start=START)
    grant_cover(therapist, course_id, jonas.actor.id)
    sessions = {s.number: s for s in view_course(therapist, course_id).sessions}
    for number in range(3):
        sign_note(therapist, sessions[number].id, attendance="held", day=START)
    return {
        "sup": supervisor,
        "jonas": jonas,
        "course": course_id,
        "sessions": sessions,
    }


def test_a_comment_on_a_session_shows_on_its_note_unread_until_the_therapist_reads_it(
    centre, therapist
):
    sup, s1 = centre["sup"], centre["sessions"][1]
    on_session = add_comment(sup, centre["course"], "  Fin brug af citatet.  ", session_id=s1.id)
    on_course = add_comment(sup, centre["course"], "Husk statusbrevet.")

    note = open_note(therapist, s1.id).supervision
    assert [c.text for c in note.comments] == ["Fin brug af citatet."]
    assert [c.text for c in note.course_comments] == ["Husk statusbrevet."]
    assert note.comments[0].by == "Ida Berg, psykolog" and note.unread == 2
    other = open_note(therapist, centre["sessions"][2].id).supervision
    assert other.comments == () and [c.id for c in other.course_comments] == [on_course]

    assert [u.comment.id for u in unread_comments(therapist)] == [on_session, on_course]
    unread = unread_comments(therapist)[0]
    assert (unread.client_code, unread.session_number) == ("K-0001", 1)
    mark_read(therapist, on_session)
    mark_read(therapist, on_session)  # again: nothing changes
    read = next(c for c in course_comments(therapist, centre["course"]) if c.id == on_session)
    assert read.read_at is not None and read.read_by == "mette.h"
    assert [u.comment.id for u in unread_comments(therapist)] == [on_course]
    assert open_note(therapist, s1.id).supervision.unread == 1


def test_a_co_therapist_may_read_a_comment_and_the_supervisor_sees_that_it_was_read(
    centre, therapist
):
    sup, jonas = centre["sup"], centre["jonas"]
    comment = add_comment(sup, centre["course"], "Godt forløb.")
    assert [u.comment.id for u in unread_comments(jonas)] == [comment]
    assert unread_comments(sup) == []  # the supervisor runs no course
    mark_read(jonas, comment)
    assert course_comments(sup, centre["course"])[0].read_by == "jonas"
    mark_read(therapist, comment)  # read twice (at the same moment): the first stands
    assert course_comments(sup, centre["course"])[0].read_by == "jonas"
    with sup.db.reading() as tx:
        reads = tx.scalars(select(AuditEvent).where(AuditEvent.action == "comment.read")).all()
    assert [(e.user_name, e.object_id) for e in reads] == [("jonas", comment)]
    with pytest.raises(Refused):
        mark_read(sup, comment)


def test_comments_are_checked_like_addenda(centre, therapist):
    sup, course = centre["sup"], centre["course"]
    for empty in ("", "   ", "\x00\n"):
        with pytest.raises(InvalidInput) as invalid:
            add_comment(sup, course, empty)
        assert invalid.value.code == "comment.empty"
    with pytest.raises(InvalidInput) as invalid:
        add_comment(sup, course, "x" * (MAX_COMMENT + 1))
    assert invalid.value.code == "note.text_too_long"
    add_comment(sup, course, "Ti\x00d nok")
    assert [c.text for c in course_comments(sup, course)] == ["Tid nok"]
    with pytest.raises(Refused):
        add_comment(therapist, course, "Min egen kommentar")


def test_a_comment_names_a_session_of_its_own_course(centre, admin, therapist):
    other = planned_course(therapist, add_client(admin, "K-0002").id, start=START)
    elsewhere = view_course(therapist, other).sessions[0].id
    with pytest.raises(InvalidInput) as invalid:
        add_comment(centre["sup"], centre["course"], "Hvor?", session_id=elsewhere)
    assert invalid.value.code == "comment.session_elsewhere"
    with pytest.raises(InvalidInput):
        add_comment(centre["sup"], centre["course"], "Hvor?", session_id="no-such-session")


def test_today_marks_a_session_whose_session_or_course_has_an_unread_comment(centre, therapist):
    sup, sessions = centre["sup"], centre["sessions"]
    day3, day4 = sessions[3].planned_date, sessions[4].planned_date
    add_comment(sup, centre["course"], "Se på tjek-ud.", session_id=sessions[3].id)
    assert [r.unread_comment for r in todays_sessions(therapist, day3)] == [True]
    assert [r.unread_comment for r in todays_sessions(therapist, day4)] == [False]
    on_course = add_comment(sup, centre["course"], "Og hele forløbet.")
    assert [r.unread_comment for r in todays_sessions(therapist, day4)] == [True]
    mark_read(therapist, on_course)
    assert [r.unread_comment for r in todays_sessions(therapist, day4)] == [False]
    # a supervisor reads the list too, but is told of no unread comment of their own
    assert [r.unread_comment for r in todays_sessions(sup, day3)] == [False]


def test_a_supervisor_co_signs_a_signed_note_once(centre, therapist, db):
    sup, sessions = centre["sup"], centre["sessions"]
    with pytest.raises(Refused) as refused:
        cosign_note(sup, sessions[3].id)  # not signed
    assert refused.value.code == "note.cosign_needs_signed"
    cosign_note(sup, sessions[1].id)
    cosignature = open_note(therapist, sessions[1].id).supervision.cosignature
    assert cosignature is not None and cosignature.by == "Ida Berg, psykolog"
    with pytest.raises(Refused) as refused:
        cosign_note(sup, sessions[1].id)
    assert refused.value.code == "note.cosigned_already"
    with pytest.raises(Refused):
        cosign_note(therapist, sessions[2].id)
    with db.reading() as tx:
        row = tx.get(CourseSession, sessions[1].id)
        assert row.cosigned_by_id == sup.actor.id and row.cosigned_at is not None
        events = tx.scalars(select(AuditEvent).where(AuditEvent.action == "note.cosign")).all()
        assert [(e.user_name, e.object_id) for e in events] == [("sup", sessions[1].id)]
    assert open_note(therapist, sessions[2].id).supervision.cosignature is None


def test_nobody_co_signs_their_own_note(centre, therapist):
    """A therapist who signed a note and later became a supervisor cannot co-sign it."""
    as_supervisor = replace(therapist, actor=replace(therapist.actor, role=Role.SUPERVISOR))
    with pytest.raises(Refused) as refused:
        cosign_note(as_supervisor, centre["sessions"][1].id)
    assert refused.value.code == "note.cosign_own"


def test_a_course_s_notes_carry_their_comments_in_one_snapshot(centre, therapist):
    sup, sessions = centre["sup"], centre["sessions"]
    add_comment(sup, centre["course"], "Om session 2", session_id=sessions[2].id)
    cosign_note(sup, sessions[2].id)
    notes = {n.session.number: n.supervision for n in open_notes(therapist, centre["course"])}
    assert [c.text for c in notes[2].comments] == ["Om session 2"] and notes[1].comments == ()
    assert notes[2].cosignature is not None and notes[1].cosignature is None


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_printed_note_carries_its_co_signature_on_the_co_signature_lines(
    centre, therapist, lang
):
    from pdf_reading import all_text
    from traumefokus.documents.render import DocumentKind, DocumentRequest, render

    s1, s2 = centre["sessions"][1].id, centre["sessions"][2].id
    cosign_note(centre["sup"], s1)
    signed = "Co-signed electronically" if lang == "en" else "Medunderskrevet elektronisk"
    printed = all_text(
        render(therapist, DocumentRequest(DocumentKind.NOTE, s1, lang=lang), today=START).pdf
    )
    assert "Ida Berg, psykolog" in printed and signed in printed
    blank = all_text(
        render(therapist, DocumentRequest(DocumentKind.NOTE, s2, lang=lang), today=START).pdf
    )
    assert "Ida Berg" not in blank and signed not in blank
    assert ("Co-signature (supervisor)" if lang == "en" else "Medunderskrift") in blank
