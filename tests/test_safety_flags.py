"""Safety flags on paper: a flag prints on the note of the session where it was raised, and
every later note lists it while it is open; a supervisor clears it with a note; the records
export names the session."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update

from factories import person, planned_course
from pdf_reading import all_text
from schema import validate_records
from traumefokus.documents.render import DocumentKind, DocumentRequest, render
from traumefokus.domain.safety_flags import open_on
from traumefokus.errors import InvalidInput
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.records import collect_records
from traumefokus.services.safety_flags import clear_safety_flag, raise_safety_flag
from traumefokus.services.session_notes import open_note, sign_note
from traumefokus.storage.models import SafetyFlag

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("raised", "cleared", "day", "is_open"),
    [
        (date(2026, 1, 26), None, date(2026, 1, 26), False),  # its own session: not "earlier"
        (date(2026, 1, 26), None, date(2026, 2, 2), True),
        (date(2026, 1, 26), date(2026, 2, 2), date(2026, 2, 2), True),  # cleared that day
        (date(2026, 1, 26), date(2026, 2, 1), date(2026, 2, 2), False),
        (date(2026, 1, 26), None, date(2026, 1, 19), False),  # not raised yet
    ],
)
def test_which_flags_a_note_lists_as_still_open(raised, cleared, day, is_open):
    assert open_on(raised, cleared, day) is is_open


@pytest.fixture
def sessions(db, admin, therapist, library):
    client = add_client(admin, "K-0031")
    course = view_course(therapist, planned_course(therapist, client.id, start=START))
    by_number = {s.number: s for s in course.sessions if s.number is not None}
    for number in range(3):
        sign_note(therapist, by_number[number].id, attendance="held", day=START)
    return by_number


def note_text(acting, session_id):
    return all_text(render(acting, DocumentRequest(DocumentKind.NOTE, session_id), today=START).pdf)


def test_a_flag_prints_where_it_was_raised_and_on_later_notes_while_open(
    db, admin, therapist, sessions
):
    s3, s4, s5 = sessions[3], sessions[4], sessions[5]
    flag = raise_safety_flag(therapist, s3.id, "Kørte bil efter at have drukket")
    assert open_note(therapist, s3.id).flags_here[0].session_id == s3.id
    here = note_text(therapist, s3.id)
    assert "Sikkerhedsflag" in here and "Rejst i denne session" in here
    assert "Kørte bil efter at have drukket" in here
    later = note_text(therapist, s4.id)
    assert "Stadig åbent, rejst 26.01.2026, mette.h" in later
    assert "Kørte bil efter at have drukket" in later
    assert "Sikkerhedsflag" not in note_text(therapist, sessions[2].id)  # before it was raised

    supervisor = person(admin, "sup", "supervisor")
    clear_safety_flag(supervisor, flag, "Sikkerhedsplan lagt med klienten")
    with db.transaction() as tx:  # cleared between session 4 and session 5
        tx.execute(update(SafetyFlag).values(cleared_at=datetime(2026, 2, 5, 12, tzinfo=UTC)))
    assert "Kørte bil" in note_text(therapist, s4.id)  # it was open on that day
    assert "Kørte bil" not in note_text(therapist, s5.id)
    here = note_text(therapist, s3.id)
    assert "Ryddet" in here and "sup: Sikkerhedsplan lagt med klienten" in here


def test_a_flag_is_cleared_only_with_a_note_saying_what_was_done(db, therapist, sessions):
    flag = raise_safety_flag(therapist, sessions[3].id, "Selvskade i weekenden")
    with pytest.raises(InvalidInput) as refused:
        clear_safety_flag(therapist, flag, "   ")
    assert refused.value.code == "flag.clear_note_required"
    assert len(open_note(therapist, sessions[4].id).open_flags) == 1


def test_the_records_export_names_the_session_where_a_flag_was_raised(
    db, admin, therapist, sessions
):
    raise_safety_flag(therapist, sessions[3].id, "Kørte bil påvirket")
    document = collect_records(admin)
    validate_records(document)
    course = document["clients"][0]["courses"][0]
    [flag] = course["safety_flags"]
    assert flag["session_id"] == sessions[3].id
    assert flag["session_id"] in {s["id"] for s in course["sessions"]}


def test_a_signed_note_takes_no_new_flag(db, therapist, sessions):
    from traumefokus.errors import Refused

    with pytest.raises(Refused) as refused:
        raise_safety_flag(therapist, sessions[2].id, "Opdaget bagefter")
    assert refused.value.code == "note.signed"
    assert open_note(therapist, sessions[2].id).flags_here == ()
