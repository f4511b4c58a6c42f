"""What the lists say is overdue: notes left unsigned after their day (on the courses the
user runs) and a client's next session left in the past."""

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from factories import person, planned_course
from traumefokus.domain.overdue import note_overdue, session_overdue
from traumefokus.domain.session_note import NoteDraft
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import view_course
from traumefokus.services.overview import list_clients, overdue_notes
from traumefokus.services.session_notes import save_draft, sign_note
from traumefokus.storage.due_notes import DUE_NOTES_INDEX

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)  # a Monday: sessions fall on Mondays
TODAY = date(2026, 2, 4)  # a Wednesday, four weeks and two days after the start


@pytest.mark.parametrize(
    ("attendance", "status", "held_on", "planned_on", "overdue"),
    [
        ("held", "none", date(2026, 2, 2), date(2026, 2, 2), True),  # held, no note yet
        ("held", "draft", date(2026, 2, 2), date(2026, 2, 2), True),
        ("held", "signed", date(2026, 2, 2), date(2026, 2, 2), False),
        (None, "draft", None, date(2026, 2, 2), True),  # begun, attendance not yet said
        (None, "draft", None, TODAY, False),  # begun today: not overdue today
        ("held", "draft", TODAY, date(2026, 2, 2), False),  # held today after all
        (None, "draft", None, None, False),  # no day at all
        (None, "none", None, date(2026, 2, 2), False),  # untouched: not a note
        ("no_show", "none", date(2026, 2, 2), date(2026, 2, 2), False),
    ],
)
def test_the_rule_for_an_overdue_note(attendance, status, held_on, planned_on, overdue):
    assert note_overdue(attendance, status, held_on, planned_on, TODAY) is overdue


def test_a_next_session_before_today_is_overdue():
    assert session_overdue(TODAY - timedelta(days=1), TODAY)
    assert not session_overdue(TODAY, TODAY)
    assert not session_overdue(None, TODAY)


def sessions(acting, course_id):
    return {s.number: s for s in view_course(acting, course_id).sessions if s.number is not None}


@pytest.fixture
def centre(admin, therapist):
    """Mette's course (sessions 0-4 before today: 0 signed, 1 held without a note, 2 a draft,
    3 a no-show signed, 4 a draft begun today), and a colleague's course Mette covers."""
    sara = person(admin, "sara.l", "therapist", full_name="Sara Larsen")
    own = planned_course(therapist, add_client(admin, "K-0001").id, start=START)
    s = sessions(therapist, own)
    sign_note(therapist, s[0].id, attendance="held", day=START)
    planning.record_attendance(therapist, s[1].id, "held")
    save_draft(therapist, s[2].id, NoteDraft())
    sign_note(therapist, s[3].id, attendance="no_show", day=s[3].planned_date)
    save_draft(therapist, s[4].id, NoteDraft())
    theirs = planned_course(sara, add_client(admin, "K-0002").id, start=START)
    save_draft(sara, sessions(sara, theirs)[0].id, NoteDraft())
    other = planned_course(sara, add_client(admin, "K-0003").id, start=START)
    save_draft(sara, sessions(sara, other)[0].id, NoteDraft())
    grant_cover(sara, theirs, therapist.actor.id)
    return {"own": own, "covered": theirs, "other": other, "sara": sara, "s": s}


def test_overdue_notes_are_the_users_own_and_covered_ones_oldest_first(therapist, centre):
    s = centre["s"]
    today = s[4].planned_date  # session 4's draft was begun today
    found = overdue_notes(therapist, today)
    assert [(n.client_code, n.number) for n in found] == [
        ("K-0002", 0),  # the covered course's assessment, 5 January
        ("K-0001", 1),  # held on 12 January, no note
        ("K-0001", 2),  # a draft from 19 January
    ]
    first = found[1]
    assert first.day == s[1].planned_date
    assert (first.attendance, first.note_status) == ("held", "none")
    assert found[2].note_status == "draft" and found[2].attendance is None
    assert found[0].therapist == "Sara Larsen"
    # The next day, today's draft is overdue too.
    assert [n.number for n in overdue_notes(therapist, today + timedelta(days=1))][-1] == 4


def test_overdue_notes_name_the_theme_of_a_trauma_session(therapist, centre):
    trauma = centre["s"][5]
    assert trauma.kind == "trauma" and trauma.theme_title
    save_draft(therapist, trauma.id, NoteDraft())
    found = overdue_notes(therapist, trauma.planned_date + timedelta(days=1))
    note = next(n for n in found if n.session_id == trauma.id)
    assert note.theme_title == trauma.theme_title
    assert note.kind == "trauma"


@pytest.mark.parametrize("role", ["supervisor", "admin", "coder"])
def test_only_those_who_run_courses_have_overdue_notes(admin, centre, role):
    reader = admin if role == "admin" else person(admin, f"{role}.x", role)
    assert overdue_notes(reader, date(2026, 6, 1)) == []


def test_the_colleague_sees_their_own_overdue_notes_not_mettes(centre):
    found = overdue_notes(centre["sara"], date(2026, 6, 1))
    assert sorted(n.client_code for n in found) == ["K-0002", "K-0003"]


def test_the_overdue_list_reads_only_the_index_of_notes_to_sign(therapist, centre, backend):
    """What the service sends: the condition's values are in the SQL itself, so that the
    database sees, when it plans the query, that the partial index covers it (PostgreSQL
    plans a prepared statement without its bound values). Planned by SQLite on the database
    the migrations built, the sessions are reached through that index."""
    sent = statements_of(therapist.db, lambda: overdue_notes(therapist, date(2026, 6, 1)))
    [(statement, parameters)] = [(sql, ps) for sql, ps in sent if "note_status" in sql]
    for value in ("'signed'", "'held'", "'draft'"):
        assert value in statement
    if backend != "sqlite":
        return
    with therapist.db.reading() as tx:
        plan = tx.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        steps = [row[3] for row in plan]
    [reading] = [step for step in steps if "course_sessions" in step]
    assert f"USING INDEX {DUE_NOTES_INDEX} (course_id=?)" in reading


def statements_of(db, action) -> list[tuple[str, object]]:
    """The SQL and parameters `action` sends to the database."""
    sent = []

    def seen(_connection, _cursor, statement, parameters, _context, _many):
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    return sent


def test_the_client_list_marks_a_past_next_session_as_overdue(therapist, centre):
    s = centre["s"]
    rows = {r.code: r for r in list_clients(therapist, today=s[1].planned_date)}
    # Session 1 is recorded (held), so K-0001's next unrecorded session is 2, on the 19th.
    assert rows["K-0001"].next_session == s[2].planned_date
    assert not rows["K-0001"].next_overdue
    later = {r.code: r for r in list_clients(therapist, today=s[2].planned_date + timedelta(1))}
    assert later["K-0001"].next_overdue
