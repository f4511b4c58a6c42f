"""The audit trail as a hash chain: numbered and linked as units of work commit, checked by
`verify_chain` (naming the first broken entry), exported as JSON Lines, and never forked by
two writers at once."""

import itertools
import json
import threading

import pytest
from sqlalchemy import delete, func, select, update

from factories import add_client, add_course, add_user
from traumefokus.domain.audit_chain import Break, ChainEntry, Flaw, entry_hash
from traumefokus.errors import DataProblem, InvalidInput
from traumefokus.exports.audit import export_audit
from traumefokus.services import audit
from traumefokus.services.audit_trail import verify_chain
from traumefokus.storage.models import AuditEvent, AuditHead, CourseSession

pytestmark = pytest.mark.both_databases


def write(db, actor, count, action="comment.read", **where):
    for _ in range(count):
        with db.transaction() as tx:
            audit.record(tx, actor, action, **where)


def entries(db):
    with db.reading() as tx:
        return tx.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()


def test_entries_are_numbered_and_linked_as_they_commit(db, admin):
    write(db, admin.actor, 3)
    with db.transaction() as tx:  # two in one unit: both, in the order recorded
        audit.record(tx, admin.actor, "goal.add", object_type="course", object_id="c-1")
        audit.record(tx, admin.actor, "goal.remove", object_type="course", object_id="c-1")
    chain = entries(db)
    assert [e.seq for e in chain] == list(range(1, len(chain) + 1))
    assert [e.action for e in chain[-2:]] == ["goal.add", "goal.remove"]
    assert chain[0].prev_hash == "0" * 64
    for before, entry in itertools.pairwise(chain):
        assert entry.prev_hash == before.hash
    last = chain[-1]
    fields = ChainEntry(last.seq, last.at, last.user_name, last.action, last.object_type,
                        last.object_id, last.details, last.prev_hash)  # fmt: skip
    assert entry_hash(fields) == last.hash
    with db.reading() as tx:
        head = tx.get(AuditHead, 1)
        assert (head.seq, head.hash) == (last.seq, last.hash)
    assert verify_chain(admin) == verify_chain(admin)
    assert verify_chain(admin).broken is None and verify_chain(admin).count == len(chain)


def test_a_unit_rolled_back_leaves_no_entry_and_no_gap(db, admin):
    before = len(entries(db))
    with pytest.raises(RuntimeError), db.transaction() as tx:
        audit.record(tx, admin.actor, "comment.read")
        raise RuntimeError("the work failed")
    write(db, admin.actor, 1)
    assert [e.seq for e in entries(db)] == list(range(1, before + 2))
    assert verify_chain(admin).broken is None


def _raw(db, statement):
    with db.engine.begin() as connection:
        connection.execute(statement)


def test_an_entry_altered_in_the_database_is_named(db, admin):
    write(db, admin.actor, 5, object_type="comment", object_id="x")
    _raw(db, update(AuditEvent).where(AuditEvent.seq == 3).values(object_id="y"))
    assert verify_chain(admin) == type(verify_chain(admin))(2, Break(3, Flaw.HASH))


def test_a_removed_entry_is_named(db, admin):
    write(db, admin.actor, 5)
    _raw(db, delete(AuditEvent).where(AuditEvent.seq == 4))
    assert verify_chain(admin).broken == Break(4, Flaw.GAP)


def test_a_removed_last_entry_is_found_by_the_head(db, admin):
    write(db, admin.actor, 5)
    with db.reading() as tx:
        last = tx.scalar(select(func.max(AuditEvent.seq)))
    _raw(db, delete(AuditEvent).where(AuditEvent.seq == last))
    assert verify_chain(admin).broken == Break(last, Flaw.HEAD)


def test_a_missing_head_stops_writing_to_the_trail(db, admin):
    _raw(db, delete(AuditHead))
    with pytest.raises(DataProblem) as error:
        write(db, admin.actor, 1)
    assert error.value.code == "audit.no_head"
    assert verify_chain(admin).broken == Break(1, Flaw.HEAD)


def test_two_writers_at_once_never_fork_the_chain(db, admin):
    """Each thread has its own units of work (connections); the head row serialises them
    (PostgreSQL: locked FOR UPDATE; SQLite: the write transaction)."""
    before = len(entries(db))
    start = threading.Barrier(2)
    failures = []

    def writer():
        try:
            start.wait()
            for _ in range(25):
                with db.transaction() as tx:
                    audit.record(tx, admin.actor, "comment.read")
                    tx.flush()  # the unit's own rows are written before the head is taken
        except Exception as exc:  # reported by the test
            failures.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert [e.seq for e in entries(db)] == list(range(1, before + 51))
    report = verify_chain(admin)
    assert report.broken is None and report.count == before + 50


@pytest.fixture
def centre(db, admin):
    therapist = add_user(db, "mette", "therapist")
    first = add_client(db, "K-0001").id
    second = add_client(db, "K-0002").id
    one = add_course(db, add_client_of(db, first), therapist, method="SS").id
    other = add_course(db, add_client_of(db, second), therapist, method="CC").id
    with db.reading() as tx:
        session = tx.scalars(select(CourseSession.id).where(CourseSession.course_id == one))
        session_id = session.first()
    with db.transaction() as tx:
        audit.record(tx, admin.actor, "client.update", object_type="client", object_id=first)
        audit.record(tx, admin.actor, "goal.add", object_type="course", object_id=one)
        audit.record(tx, admin.actor, "note.sign", object_type="session", object_id=session_id)
        audit.record(tx, admin.actor, "goal.add", object_type="course", object_id=other)
        audit.record(tx, admin.actor, "client.update", object_type="client", object_id=second)
    return {"first": first, "one": one, "session": session_id}


def test_the_export_is_one_checkable_entry_a_line(centre, db, admin, tmp_path):
    out = tmp_path / "trail.csv"  # whatever the extension
    done = export_audit(admin, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert done.entries == len(lines) == len(entries(db)) - 1  # the export's own comes after
    rows = [json.loads(line) for line in lines]
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    for row in rows:
        fields = ChainEntry(row["seq"], _moment(row["at"]), row["user"], row["action"],
                            row["object_type"], row["object_id"], row["details"],
                            row["prev_hash"])  # fmt: skip
        assert entry_hash(fields) == row["hash"]
    own = entries(db)[-1]
    assert (own.action, own.object_id, own.details) == (
        "audit.export",
        None,
        {"entries": len(rows)},
    )


def test_a_clients_export_holds_the_entries_about_it_and_its_courses(centre, db, admin, tmp_path):
    out = tmp_path / "k1.jsonl"
    done = export_audit(admin, out, client_code="K-0001")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["action"], r["object_id"]) for r in rows] == [
        ("client.update", centre["first"]),
        ("goal.add", centre["one"]),
        ("note.sign", centre["session"]),
    ]
    assert done.entries == 3
    own = entries(db)[-1]
    assert (own.action, own.object_type, own.object_id) == (
        "audit.export",
        "client",
        centre["first"],
    )


def test_the_export_refuses_the_programs_own_files_and_unknown_clients(db, admin, tmp_path):
    before = len(entries(db))
    folder = tmp_path / "out"
    folder.mkdir()
    for out, code in ((admin.data_dir.settings, None), (folder / "x.jsonl", "K-9")):
        with pytest.raises(InvalidInput):
            export_audit(admin, out, client_code=code)
    assert list(folder.iterdir()) == []
    assert len(entries(db)) == before


def test_an_export_whose_entry_cannot_be_written_is_not_released(
    centre, db, admin, tmp_path, monkeypatch
):
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(audit, "entry_hash", _failing)
    with pytest.raises(DataProblem):
        export_audit(admin, folder / "trail.jsonl")
    assert list(folder.iterdir()) == []  # neither the file nor its temporary


def add_client_of(db, client_id):
    from traumefokus.storage.models import Client

    with db.reading() as tx:
        return tx.get(Client, client_id)


def _failing(_entry):
    raise DataProblem("disk.full", path="the database")


def _moment(text):
    from datetime import datetime

    return datetime.fromisoformat(text.replace("Z", "+00:00"))
