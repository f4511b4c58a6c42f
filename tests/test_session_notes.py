"""Session notes: drafts, signing and locking, addenda, commitments carried forward, timings,
safety flags, today's list, and the pace hints."""

from datetime import date

import pytest

from factories import person, planned_course
from schema import validate_records
from traumefokus.domain.content import AgendaPoint
from traumefokus.domain.pace import hint
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft, QuoteTalk, WorksheetUse
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.records import collect_records
from traumefokus.services.safety_flags import clear_safety_flag, raise_safety_flag
from traumefokus.services.session_notes import (
    add_addendum,
    open_note,
    save_draft,
    sign_note,
    todays_sessions,
)

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)


@pytest.fixture
def course(db, therapist, library, admin):
    client = add_client(admin, "K-0001")
    course_id = planned_course(therapist, client.id, start=START)
    return view_course(therapist, course_id)


def session(course, number):
    return next(s for s in course.sessions if s.number == number)


def a_draft() -> NoteDraft:
    return NoteDraft(
        check_in=CheckIn(
            feeling="Urolig, men her",
            feeling_score=4,
            substance_use="some",
            substances="Hash, to joints lørdag",
            commitment_done="partly",
        ),
        quote=QuoteTalk(understanding="At man skal finde ly først", link="Sikkerhed først"),
        worksheets=[WorksheetUse("safe-and-unsafe", "Lavede listen", handed_out=True)],
        check_out=CheckOut(takeaway="Min plan", difficult="At tale om weekenden"),
        commitment="Ringe til min søster onsdag",
        measures={"tem": 6},
        agenda_seconds={"check_in": 290, "quote": 400, "theme": 2100, "check_out": 500},
    )


def test_a_trauma_session_opens_with_theme_agenda_and_measures(db, therapist, library, course):
    note = open_note(therapist, session(course, 3).id)
    assert note.theme.id == "safety" and note.theme.quote is not None
    assert [p.id for p in note.agenda] == ["check_in", "quote", "theme", "check_out"]
    assert [m.id for m in note.measures] == ["tem"]
    assert note.minutes == 60 and note.previous_commitment is None
    assert note.draft == NoteDraft() and not note.signed


def test_a_draft_is_saved_and_reopened(db, therapist, library, course):
    s3 = session(course, 3).id
    save_draft(therapist, s3, a_draft())
    note = open_note(therapist, s3)
    assert note.draft == a_draft()
    assert note.session.note_status == "draft"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: setattr(d.check_in, "feeling_score", 11), "feeling"),
        (lambda d: d.measures.update(tem=12), "tem"),
        (lambda d: d.worksheets.append(WorksheetUse("not-a-sheet")), "worksheets"),
        (lambda d: d.agenda_seconds.update(topic=10), "agenda_seconds"),
        (lambda d: setattr(d.check_in, "substance_use", "lots"), "substance_use"),
    ],
)
def test_a_draft_that_does_not_fit_is_refused_and_nothing_saved(
    db, therapist, library, course, change, field
):
    s3 = session(course, 3).id
    save_draft(therapist, s3, a_draft())
    bad = a_draft()
    change(bad)
    with pytest.raises(InvalidInput) as refused:
        save_draft(therapist, s3, bad)
    assert refused.value.facts["field"] == field
    assert open_note(therapist, s3).draft == a_draft()


def test_signing_locks_the_note(db, therapist, library, course):
    s3 = session(course, 3).id
    save_draft(therapist, s3, a_draft())
    sign_note(therapist, s3, attendance="held", day=date(2026, 1, 26))
    note = open_note(therapist, s3)
    assert note.signed and note.signed_by == "mette.h"
    assert note.session.attendance == "held"
    with pytest.raises(Refused) as refused:
        save_draft(therapist, s3, NoteDraft())
    assert refused.value.code == "note.signed"
    with pytest.raises(Refused):
        planning.record_attendance(therapist, s3, "no_show")
    with pytest.raises(Refused):
        sign_note(therapist, s3, attendance="held", day=date(2026, 1, 26))
    assert view_course(therapist, course.id).status == "active"


def test_addenda_are_dated_by_their_author_and_exported(db, admin, therapist, library, course):
    s3 = session(course, 3).id
    with pytest.raises(Refused):
        add_addendum(therapist, s3, "For tidligt")  # a draft is changed, not amended
    sign_note(therapist, s3, attendance="held", day=date(2026, 1, 26))
    add_addendum(therapist, s3, "Klienten ringede: aftalen er flyttet til torsdag.")
    note = open_note(therapist, s3)
    assert [(a.by, a.text) for a in note.addenda] == [
        ("mette.h", "Klienten ringede: aftalen er flyttet til torsdag.")
    ]
    exported = collect_records(admin)["clients"][0]["courses"][0]["sessions"]
    assert exported[3]["addenda"][0]["by"] == "mette.h"


def test_the_commitment_appears_at_the_next_check_in(db, therapist, library, course):
    s3, s4 = session(course, 3).id, session(course, 4).id
    save_draft(therapist, s3, a_draft())
    sign_note(therapist, s3, attendance="held", day=date(2026, 1, 26))
    note = open_note(therapist, s4)
    assert note.previous_commitment.text == "Ringe til min søster onsdag"
    assert note.previous_commitment.session.number == 3


def test_a_session_not_held_is_still_a_logbook_entry(db, admin, therapist, library, course):
    s1 = session(course, 1).id
    sign_note(therapist, s1, attendance="no_show", day=date(2026, 1, 12))
    exported = collect_records(admin)["clients"][0]["courses"][0]["sessions"][1]
    assert (exported["attendance"], exported["note_status"]) == ("no_show", "signed")
    assert exported["signed_by"] == "mette.h"


def test_timings_and_note_content_are_in_the_export(db, admin, therapist, library, course):
    s3 = session(course, 3).id
    save_draft(therapist, s3, a_draft())
    document = collect_records(admin)
    validate_records(document)
    exported = document["clients"][0]["courses"][0]["sessions"][3]
    assert exported["agenda_seconds"] == {
        "check_in": 290,
        "check_out": 500,
        "quote": 400,
        "theme": 2100,
    }
    assert exported["worksheets_used"] == [
        {"id": "safe-and-unsafe", "note": "Lavede listen", "handed_out": True}
    ]
    assert exported["quote"]["link"] == "Sikkerhed først"
    assert exported["measures"] == {"tem": 6}


def test_a_safety_flag_stays_until_cleared(db, admin, therapist, library, course):
    s3, s4 = session(course, 3).id, session(course, 4).id
    flag = raise_safety_flag(therapist, s3, "Kørte bil påvirket")
    assert [f.text for f in open_note(therapist, s4).open_flags] == ["Kørte bil påvirket"]
    clear_safety_flag(therapist, flag, "Talt igennem; plan lagt")
    assert open_note(therapist, s4).open_flags == ()
    exported = collect_records(admin)["clients"][0]["courses"][0]["safety_flags"]
    assert exported[0]["cleared_by"] == "mette.h"


def test_today_lists_a_therapists_own_sessions(db, admin, therapist, library, course):
    other = person(admin, "jonas.k", "therapist")
    day = session(course, 0).planned_date
    [row] = todays_sessions(therapist, day)
    assert (row.client_code, row.number, row.kind) == ("K-0001", 0, "assessment")
    assert todays_sessions(other, day) == []
    assert len(todays_sessions(admin, day)) == 1


# --- pace ----------------------------------------------------------------------------------

AGENDA = (
    AgendaPoint("check_in", "Tjek-ind", "Check-in", 5, 5),
    AgendaPoint("quote", "Citat", "Quote", 5, 10),
    AgendaPoint("theme", "Tema", "Theme", 35, 40, 30),
    AgendaPoint("check_out", "Tjek-ud", "Check-out", 10, 10),
)


def test_no_hint_within_the_target():
    assert hint(AGENDA, {"check_in": 120}, "check_in", 60) is None


def test_a_hint_when_a_point_passes_its_target():
    found = hint(AGENDA, {"check_in": 5 * 60 + 10}, "check_in", 60)
    assert (found.code, found.facts) == ("pace.over_target", {"minutes": 5, "target": 5})


def test_the_theme_time_is_up_with_minutes_left_for_check_out():
    found = hint(AGENDA, {"check_in": 300, "quote": 300, "theme": 40 * 60}, "theme", 60)
    assert (found.code, found.facts) == ("pace.theme_time_up", {"left": 10})
    early = hint(AGENDA, {"check_in": 600, "quote": 900, "theme": 31 * 60}, "theme", 60)
    assert early.code == "pace.theme_time_up" and early.facts == {"left": 4}
