"""The client's right to erasure (services/erasure.py): everything about the client goes, in
one transaction, and nothing about anyone else; the register keeps the id, the trail one
tombstone, and the chain verifies. Refused while a course is open, before the retention
period has run (with the day it has), and for everyone but administrators.

The scene: K-0001 and K-0002 each with an ended course that holds a row in every table about
a client (sessions, addenda, plan changes, covers, flags, goals, letters, ITQ, comments,
consents, a coding sample and rating); K-0003 with a course still open.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, or_, select, text

from conftest import PASSWORD, copy_workspace, fresh_workspace
from factories import person, planned_course, signed_in
from traumefokus.content.library import ContentLibrary
from traumefokus.domain.session_note import NoteDraft
from traumefokus.errors import InvalidInput, Refused
from traumefokus.paths import DataDir
from traumefokus.services import erasure, treatment
from traumefokus.services.acting import Acting
from traumefokus.services.audit_trail import verify_chain
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import end_course, view_course
from traumefokus.services.erasure import ERASED, check_erasure, erase_client
from traumefokus.services.recording_consent import record_consent
from traumefokus.services.safety_flags import raise_safety_flag
from traumefokus.services.session_notes import add_addendum, save_draft, sign_note
from traumefokus.services.status_letters import save_status_letter
from traumefokus.services.supervision_comments import add_comment
from traumefokus.services.users import create_first_admin
from traumefokus.settings import Settings
from traumefokus.storage.base import Base
from traumefokus.storage.models import (
    AuditEvent,
    Client,
    CodingRating,
    CodingRound,
    CodingSample,
    Course,
    CourseSession,
    ErasedClient,
)

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)
ENDED = date(2026, 3, 2)
ALLOWED = date(2036, 3, 2)  # ten years after ENDED


def _client_with_everything(admin, mette, jonas, sup, code: str) -> tuple[str, list[str]]:
    client = add_client(admin, code)
    course = planned_course(mette, client.id, start=START)
    grant_cover(mette, course, jonas.actor.id)
    sessions = {s.number: s.id for s in view_course(mette, course).sessions}
    for number in range(5):
        sign_note(mette, sessions[number], attendance="held", day=START)
    add_addendum(mette, sessions[3], "Rettelse")
    save_draft(mette, sessions[5], NoteDraft(commitment="Gå en tur"))
    treatment.add_goal(mette, course, "Sove bedre", START)
    no_ptsd = {f"{part}{n}": 0 for part in "PC" for n in range(1, 10)}
    treatment.record_itq(mette, course, occasion="assessment", day=START, items=no_ptsd)
    raise_safety_flag(mette, sessions[5], "Uro")
    save_status_letter(mette, course, 4, "Det går godt.", version=None)
    record_consent(mette, client.id, START, today=START)
    add_comment(sup, course, "Se på tjek-ud.", session_id=sessions[3])
    end_course(
        mette, course, status="ended_early", end_date=ENDED, reason="moved", reasons=("moved",)
    )
    return client.id, [sessions[3], sessions[4]]


@pytest.fixture(scope="module")
def centre(request, backend, tmp_path_factory):
    data_dir = DataDir(tmp_path_factory.mktemp("erasure") / "data")
    workspace = fresh_workspace(request, backend, data_dir)
    with workspace.open() as db:
        library = ContentLibrary.for_data_dir(data_dir)
        admin = Acting(db, library, create_first_admin(db, "admin", PASSWORD), data_dir)
        mette, jonas = (person(admin, n, "therapist") for n in ("mette", "jonas"))
        sup = person(admin, "sup", "supervisor")
        coder = person(admin, "coder", "coder")
        k1, k1_sessions = _client_with_everything(admin, mette, jonas, sup, "K-0001")
        k2, k2_sessions = _client_with_everything(admin, mette, jonas, sup, "K-0002")
        k3 = add_client(admin, "K-0003")
        planned_course(mette, k3.id, start=START)
        add_client(admin, "K-0004")  # no course at all
        with db.transaction() as tx:  # a round that drew a session of each
            round_ = CodingRound(name="R1", method="SS", scale_id="ss-adherence",
                                 scale_version="1.0.0", start=START, end=ENDED, size=2,
                                 seed="1", coder_ids=[coder.actor.id],
                                 created_by_id=sup.actor.id)  # fmt: skip
            tx.add(round_)
            tx.flush()
            for position, session in enumerate((k1_sessions[0], k2_sessions[0]), start=1):
                tx.add(CodingSample(round_id=round_.id, session_id=session, position=position))
                tx.add(CodingRating(round_id=round_.id, session_id=session,
                                    coder_id=coder.actor.id, ratings={"F1": 2}))  # fmt: skip
    return workspace, {"k1": k1, "k2": k2, "k3": k3.id}


@pytest.fixture
def scene(request, centre, tmp_path):
    template, ids = centre
    folder = tmp_path / "data"
    copy = copy_workspace(request, template, folder)
    with copy.open() as db:
        yield db, folder, ids


def _rows_about(db, client_id: str) -> dict[str, int]:
    """For every table that refers to clients, courses or sessions: its rows about the
    client, found by walking the schema's foreign keys (not the service's list)."""
    with db.reading() as tx:
        courses = list(tx.scalars(select(Course.id).where(Course.client_id == client_id)))
        sessions = list(
            tx.scalars(select(CourseSession.id).where(CourseSession.course_id.in_(courses)))
        )
        ids = {"clients": [client_id], "courses": courses, "course_sessions": sessions}
        counts = {}
        for table in Base.metadata.sorted_tables:
            conditions = [c.in_(ids[table.name]) for c in table.primary_key if table.name in ids]
            conditions += [
                key.parent.in_(ids[key.column.table.name])
                for key in table.foreign_keys
                if key.column.table.name in ids
            ]
            if conditions:
                query = select(func.count()).select_from(table).where(or_(*conditions))
                counts[table.name] = tx.scalar(query)
    return counts


def _referring_tables() -> set[str]:
    """Every table that refers, directly or through another, to a client."""
    found = {"clients"}
    while True:
        more = {
            table.name
            for table in Base.metadata.sorted_tables
            if any(key.column.table.name in found for key in table.foreign_keys)
        }
        if more <= found:
            return found
        found |= more


def test_every_table_that_refers_to_a_client_is_erased_children_first():
    """A new table that refers to a client, a course or a session fails this until
    services/erasure.py handles it."""
    listed = [model.__table__ for model in ERASED]
    assert {t.name for t in listed} == _referring_tables()
    for index, table in enumerate(listed):
        for later in listed[index + 1 :]:
            assert not any(key.column.table is table for key in later.foreign_keys), (
                f"{later.name} refers to {table.name} but is erased after it"
            )


def test_erasure_removes_everything_about_the_client_and_nothing_else(scene):
    db, folder, ids = scene
    admin = signed_in(db, folder, "admin")
    before = _rows_about(db, ids["k1"])
    assert all(before[t] > 0 for t in _referring_tables()), before  # the scene has them all
    others = {k: _rows_about(db, ids[k]) for k in ("k2", "k3")}

    erased = erase_client(admin, " K-0001 ", today=ALLOWED)

    assert (erased.client_id, erased.code, erased.courses, erased.sessions) == (
        ids["k1"], "K-0001", 1, before["course_sessions"],
    )  # fmt: skip
    assert set(_rows_about(db, ids["k1"]).values()) == {0}
    assert {k: _rows_about(db, ids[k]) for k in ("k2", "k3")} == others
    with db.reading() as tx:
        assert tx.scalar(select(func.count()).select_from(CodingRound)) == 1  # rounds stay
        assert list(tx.scalars(select(ErasedClient.client_id))) == [ids["k1"]]


def test_one_tombstone_by_id_only_and_the_chain_still_verifies(scene):
    db, folder, ids = scene
    admin = signed_in(db, folder, "admin")
    with db.reading() as tx:
        last = tx.scalar(select(func.max(AuditEvent.seq)))
    erase_client(admin, "K-0001", today=ALLOWED)
    with db.reading() as tx:
        new = list(tx.scalars(select(AuditEvent).where(AuditEvent.seq > last)))
        dump = " ".join(repr(row) for row in tx.execute(text("SELECT * FROM audit_events")))
    assert [(e.action, e.object_type, e.object_id, e.user_name) for e in new] == [
        ("client.erase", "client", ids["k1"], "admin")
    ]
    assert set(new[0].details) == {"courses", "sessions"}
    assert "K-0001" not in dump
    report = verify_chain(admin)
    assert report.broken is None and report.count == last + 1


def test_a_failure_anywhere_leaves_the_client_whole(scene, monkeypatch):
    db, folder, ids = scene
    admin = signed_in(db, folder, "admin")
    before = _rows_about(db, ids["k1"])
    real = erasure._about

    def failing(table, found):
        if table.name == "courses":  # after the sessions and everything in them went
            raise RuntimeError("the disk went away")
        return real(table, found)

    monkeypatch.setattr(erasure, "_about", failing)
    with pytest.raises(RuntimeError):
        erase_client(admin, "K-0001", today=ALLOWED)
    assert _rows_about(db, ids["k1"]) == before
    with db.reading() as tx:
        assert tx.scalar(select(func.count()).select_from(ErasedClient)) == 0
        actions = set(tx.scalars(select(AuditEvent.action)))
    assert "client.erase" not in actions
    assert verify_chain(admin).broken is None


def test_before_the_period_ends_erasure_is_refused_with_the_day_it_becomes_possible(scene):
    db, folder, ids = scene
    admin = signed_in(db, folder, "admin")
    before = _rows_about(db, ids["k1"])
    with pytest.raises(Refused) as refused:
        erase_client(admin, "K-0001", today=date(2036, 3, 1))
    assert refused.value.code == "erase.too_early"
    assert refused.value.facts["date"] == ALLOWED and refused.value.facts["years"] == 10
    assert refused.value.exit_code == 3
    assert _rows_about(db, ids["k1"]) == before
    check = check_erasure(admin, "K-0001", today=date(2036, 3, 1))
    assert not check.decision.allowed and check.decision.possible_from == ALLOWED


def test_the_period_is_the_installation_s_setting(scene):
    db, folder, _ids = scene
    settings = Settings.load(DataDir(folder).settings)
    settings.installation.set("retention_years", 12)
    settings.save()
    admin = signed_in(db, folder, "admin")
    with pytest.raises(Refused) as refused:
        erase_client(admin, "K-0001", today=ALLOWED)
    assert refused.value.facts["date"] == date(2038, 3, 2)
    erase_client(admin, "K-0001", today=date(2038, 3, 2))


def test_a_client_with_an_open_course_is_never_erased(scene):
    db, folder, ids = scene
    admin = signed_in(db, folder, "admin")
    with pytest.raises(Refused) as refused:
        erase_client(admin, "K-0003", today=date(2090, 1, 1))
    assert refused.value.code == "erase.course_open"
    assert _rows_about(db, ids["k3"])["courses"] == 1


def test_a_client_with_no_course_is_erased_at_once(scene):
    db, folder, _ids = scene
    admin = signed_in(db, folder, "admin")
    assert check_erasure(admin, "K-0004", today=START).decision.allowed
    erased = erase_client(admin, "K-0004", today=START)
    assert (erased.courses, erased.sessions) == (0, 0)
    with db.reading() as tx:
        assert tx.scalar(select(Client.id).where(Client.code == "K-0004")) is None


@pytest.mark.parametrize("user", ["mette", "sup", "coder"])
def test_only_an_administrator_erases(scene, user):
    db, folder, ids = scene
    before = _rows_about(db, ids["k1"])
    with pytest.raises(Refused) as refused:
        erase_client(signed_in(db, folder, user), "K-0001", today=ALLOWED)
    assert refused.value.code == "access.denied"
    assert _rows_about(db, ids["k1"]) == before


def test_an_unknown_client_is_invalid_input(scene):
    db, folder, _ids = scene
    with pytest.raises(InvalidInput) as invalid:
        erase_client(signed_in(db, folder, "admin"), "K-9999", today=ALLOWED)
    assert invalid.value.code == "export.client_unknown"
