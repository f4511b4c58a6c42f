"""Opening a client's record is written to the audit trail (`record.open`), by id only, and
only for a user who may see it; the screens write it when a user opens something, not when
an open screen is refreshed."""

import pytest
from sqlalchemy import select

from factories import person, planned_course
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.audit_trail import verify_chain
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.record_opening import Opened, record_opened
from traumefokus.storage.models import AuditEvent


def openings(db):
    with db.reading() as tx:
        rows = tx.execute(
            select(AuditEvent.user_name, AuditEvent.object_type, AuditEvent.object_id,
                   AuditEvent.details)
            .where(AuditEvent.action == "record.open")
            .order_by(AuditEvent.seq)
        )  # fmt: skip
        return [tuple(row) for row in rows]


@pytest.mark.both_databases
def test_each_opening_is_one_entry_naming_the_object_by_id_only(admin, therapist):
    client = add_client(admin, "K-0001", display_name="Anna Ø").id
    course = planned_course(therapist, client)
    session = view_course(therapist, course).sessions[0].id
    record_opened(therapist, Opened.CLIENT, client)
    record_opened(therapist, Opened.COURSE, course)
    record_opened(therapist, Opened.SESSION, session)
    record_opened(therapist, Opened.COURSE, course)  # opened again: written again
    assert openings(therapist.db) == [
        ("mette.h", "client", client, {}),
        ("mette.h", "course", course, {}),
        ("mette.h", "session", session, {}),
        ("mette.h", "course", course, {}),
    ]
    assert verify_chain(admin).broken is None


@pytest.mark.both_databases
def test_someone_who_may_not_see_it_gets_a_refusal_and_nothing_is_written(admin, therapist):
    client = add_client(admin, "K-0001").id
    course = planned_course(therapist, client)
    other = person(admin, "sara.k", "therapist")
    coder = person(admin, "kim.c", "coder")
    for who in (other, coder):
        with pytest.raises(Refused):
            record_opened(who, Opened.COURSE, course)
    with pytest.raises(Refused):
        record_opened(coder, Opened.CLIENT, client)
    with pytest.raises(InvalidInput):
        record_opened(therapist, Opened.SESSION, "no-such-session")
    assert openings(admin.db) == []


def test_the_window_writes_an_opening_when_the_user_opens_not_when_it_refreshes(
    qtbot, window, admin, therapist
):
    first = add_client(admin, "K-0001").id
    second = add_client(admin, "K-0002").id
    course = planned_course(therapist, first)
    session = view_course(therapist, course).sessions[0].id
    window.reload()  # nothing today: the client list is shown, its first client on screen
    assert window.tabs.currentWidget() is window.client_pane
    shown = window.client_pane.current_client_id()
    assert openings(therapist.db) == [("mette.h", "client", shown, {})]
    window.tabs.setCurrentWidget(window.today_page)
    assert len(openings(therapist.db)) == 1  # nothing of a client on screen
    window.tabs.setCurrentWidget(window.client_pane)  # back to the list: opened again
    assert openings(therapist.db)[-1] == ("mette.h", "client", shown, {})
    assert len(openings(therapist.db)) == 2
    window.reload()  # a refresh of the list shows the same client: not opened again
    assert len(openings(therapist.db)) == 2
    other = second if shown == first else first
    window.client_pane._select_client(other)
    assert openings(therapist.db)[-1] == ("mette.h", "client", other, {})
    window.open_course(course)
    assert openings(therapist.db)[-1] == ("mette.h", "course", course, {})
    window.course_page.show_course(course)  # refreshed after a change: not an opening
    assert [o[1] for o in openings(therapist.db)].count("course") == 1
    window.open_session(session)
    assert openings(therapist.db)[-1] == ("mette.h", "session", session, {})
