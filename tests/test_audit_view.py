"""The audit trail as supervisors and administrators read it: filtered by user, client, action
and period, newest first, a page at a time; not for therapists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from factories import person, planned_course
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.audit_view import AuditQuery, audit_page
from traumefokus.services.clients import add_client

pytestmark = pytest.mark.both_databases


@pytest.fixture
def trail(admin, therapist):
    mine = add_client(admin, "K-0001")
    other = add_client(admin, "K-0002")
    planned_course(therapist, mine.id)
    return {"mine": mine, "other": other}


def test_newest_first_a_page_at_a_time(admin, trail):
    whole = audit_page(admin, AuditQuery())
    assert whole.total == len(whole.rows) >= 4
    seqs = [r.seq for r in whole.rows]
    assert seqs == sorted(seqs, reverse=True)
    second = audit_page(admin, AuditQuery(), offset=1, limit=2)
    assert [r.seq for r in second.rows] == seqs[1:3] and second.total == whole.total


def test_filters_by_user_action_client_and_period(admin, therapist, trail):
    by_admin = audit_page(admin, AuditQuery(user="ADMIN"))
    assert by_admin.rows and {r.user_name for r in by_admin.rows} == {admin.actor.name}
    created = audit_page(admin, AuditQuery(action="client.create"))
    assert {r.object_id for r in created.rows} == {trail["mine"].id, trail["other"].id}
    about = audit_page(admin, AuditQuery(client_code="K-0001"))
    assert trail["mine"].id in {r.object_id for r in about.rows}
    assert trail["other"].id not in {r.object_id for r in about.rows}
    assert {r.action for r in about.rows} >= {"client.create", "course.create"}
    today = date.today()
    assert audit_page(admin, AuditQuery(start=today, end=today)).total == (
        audit_page(admin, AuditQuery()).total
    )
    assert audit_page(admin, AuditQuery(end=today - timedelta(days=1))).total == 0


def test_an_unknown_client_code_is_said(admin, trail):
    with pytest.raises(InvalidInput):
        audit_page(admin, AuditQuery(client_code="K-9999"))


def test_a_therapist_does_not_read_the_trail(admin, therapist, trail):
    with pytest.raises(Refused):
        audit_page(therapist, AuditQuery())
    supervisor = person(admin, "sup", "supervisor")
    assert audit_page(supervisor, AuditQuery()).total > 0
