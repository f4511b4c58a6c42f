"""`export records` streams: clients are read a batch at a time and written as they come, with
the same bytes as the whole document dumped at once, and the file appears only once the
export's audit entry has committed."""

import json
import os

import pytest
from sqlalchemy import func, select

from factories import add_client, add_course, add_user
from traumefokus import fileio
from traumefokus.errors import DataProblem
from traumefokus.exports import records as records_export
from traumefokus.exports.records import export_records, json_text
from traumefokus.services import records as records_service
from traumefokus.services.records import collect_records
from traumefokus.storage.models import AuditEvent

pytestmark = pytest.mark.both_databases


@pytest.fixture
def centre(db, admin):
    therapist = add_user(db, "mette", "therapist")
    for number, site in ((1, "Nord"), (2, "Syd"), (3, "Nord")):
        client = add_client(db, f"K-000{number}", site=site)
        add_course(db, client, therapist, method="SS" if number % 2 else "CC")
    return db


def _exports(db) -> int:
    with db.reading() as tx:
        found: int = tx.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "export.records")
        )
    return found


@pytest.mark.parametrize(
    "clients",
    [
        [],
        [{"code": "K-1", "courses": []}],
        [
            {"code": "K-1", "text": 'line\nbreak \u2028 \x85 "quoted" æøå', "empty": {}},
            {"code": "K-2", "nested": [[], [{}], {"a": [1, None, True]}]},
        ],
    ],
)
def test_the_pieces_are_the_document_dumped_at_once(clients):
    head = {"format": "f", "version": 1, "exported_at": "x", "users": [{"name": "a"}]}
    whole = json.dumps({**head, "clients": clients}, ensure_ascii=False, indent=2) + "\n"
    assert "".join(json_text(head, iter(clients))) == whole


def test_batches_of_one_client_give_the_same_file(centre, admin, tmp_path, monkeypatch):
    monkeypatch.setattr(records_service, "BATCH", 1)
    out = tmp_path / "records.json"
    summary = export_records(admin, out)
    assert (summary.clients, summary.sessions) == (3, 15)
    written = out.read_text(encoding="utf-8")
    document = collect_records(admin)
    document["exported_at"] = json.loads(written)["exported_at"]
    assert written == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert [c["code"] for c in document["clients"]] == ["K-0001", "K-0002", "K-0003"]


def test_the_file_appears_only_after_its_audit_entry_has_committed(
    centre, admin, tmp_path, monkeypatch
):
    out = tmp_path / "records.json"
    entries_at_rename = []
    replace = os.replace

    def renamed(source, target):
        entries_at_rename.append(_exports(centre))
        replace(source, target)

    monkeypatch.setattr(fileio.os, "replace", renamed)
    export_records(admin, out)
    assert entries_at_rename == [1] and out.exists()


def test_an_export_that_fails_midway_leaves_no_file_and_no_entry(
    centre, admin, tmp_path, monkeypatch
):
    monkeypatch.setattr(records_service, "BATCH", 1)
    made = records_service._client

    def second_fails(client, names):
        if client.code == "K-0002":
            raise OSError(28, "No space left on device")
        return made(client, names)

    monkeypatch.setattr(records_service, "_client", second_fails)
    folder = tmp_path / "exports"
    with pytest.raises(DataProblem) as error:
        export_records(admin, folder / "records.json")
    assert error.value.code == "disk.full"
    assert list(folder.iterdir()) == []  # neither the file nor its temporary part
    assert _exports(centre) == 0


def test_a_clients_copy_is_still_read_at_once_and_recorded(centre, admin, tmp_path):
    out = tmp_path / "copy.json"
    summary = records_export.export_records(admin, out, client_code="K-0002")
    assert (summary.clients, summary.sessions) == (1, 5)
    assert [c["code"] for c in json.loads(out.read_text(encoding="utf-8"))["clients"]] == ["K-0002"]
    assert _exports(centre) == 1
