"""A restored backup still holds the clients erased since it was made: the restore erases
them again (services/restore.py, services/erasure.py), from the replaced database's register
and the backup's own, keeps the union, and the audit chain verifies afterwards.

B0: K-0001, K-0002 and K-0003, nobody erased. K-0001 is erased, then B1 is made (K-0001 in
its register). Then K-0002 is erased."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import PASSWORD
from raw_database import unlocked
from traumefokus.cli import main
from traumefokus.content.library import ContentLibrary
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.audit_trail import verify_chain
from traumefokus.services.auth import sign_in
from traumefokus.services.backups import make_backup
from traumefokus.services.clients import add_client
from traumefokus.services.erasure import erase_client
from traumefokus.services.restore import restore_backup
from traumefokus.services.users import create_first_admin
from traumefokus.services.workspace import Workspace
from traumefokus.storage.models import AuditEvent, Client, ErasedClient

TODAY = date(2026, 5, 1)


def _admin(db, data_dir: DataDir) -> Acting:
    return Acting(db, ContentLibrary.for_data_dir(data_dir), sign_in(db, "admin", PASSWORD),
                  data_dir)  # fmt: skip


@pytest.fixture
def centre(tmp_path) -> tuple[DataDir, Path, Path, dict[str, str]]:
    data_dir = DataDir(tmp_path / "data")
    data_dir.ensure()
    with Workspace(data_dir).open(create=True) as db:
        library = ContentLibrary.for_data_dir(data_dir)
        admin = Acting(db, library, create_first_admin(db, "admin", PASSWORD), data_dir)
        ids = {c: add_client(admin, c).id for c in ("K-0001", "K-0002", "K-0003")}
        b0 = make_backup(admin, tmp_path / "b0.tfbackup")
        erase_client(admin, "K-0001", today=TODAY)
        b1 = make_backup(admin, tmp_path / "b1.tfbackup")
        erase_client(admin, "K-0002", today=TODAY)
    return data_dir, b0, b1, ids


def _state(data_dir: DataDir) -> tuple[list[str], set[str], object]:
    with unlocked(data_dir.root).open() as db:
        with db.reading() as tx:
            codes = list(tx.scalars(select(Client.code).order_by(Client.code)))
            register = set(tx.scalars(select(ErasedClient.client_id)))
        report = verify_chain(_admin(db, data_dir))
    return codes, register, report


def test_restoring_an_older_backup_erases_again_whom_the_replaced_database_erased(centre):
    data_dir, b0, _b1, ids = centre
    done = restore_backup(data_dir, b0, "admin", PASSWORD, backups=data_dir.backups)
    assert done.reerased == 2 and done.register_read
    codes, register, report = _state(data_dir)
    assert codes == ["K-0003"]
    assert register == {ids["K-0001"], ids["K-0002"]}
    assert report.broken is None
    with unlocked(data_dir.root).open() as db, db.reading() as tx:
        tombstones = list(tx.scalars(select(AuditEvent).where(AuditEvent.action == "client.erase")))
    assert {(t.object_id, t.details.get("reapplied")) for t in tombstones} == {
        (ids["K-0001"], True),
        (ids["K-0002"], True),
    }


def test_the_backup_s_own_register_is_applied_in_a_new_data_directory(centre, tmp_path):
    _data_dir, _b0, b1, ids = centre
    new = DataDir(tmp_path / "new")
    done = restore_backup(new, b1, "admin", PASSWORD, backups=new.backups)
    assert done.reerased == 0 and done.register_read  # B1 no longer held K-0001
    codes, register, report = _state(new)
    assert codes == ["K-0002", "K-0003"] and register == {ids["K-0001"]}
    assert report.broken is None


@pytest.mark.log_warnings_expected  # the replaced database cannot be read
def test_an_unreadable_database_s_register_is_said_and_the_backup_s_is_used(centre):
    data_dir, _b0, b1, ids = centre
    data_dir.database.write_bytes(b"")  # emptied: who was erased in it is not known
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir.root), "--lang", "en", "--user", "admin",
                 "restore", str(b1)], out=out, err=err)  # fmt: skip
    assert code == 0, err.getvalue()
    assert "register of erased clients" in err.getvalue()
    assert "clients erased after the backup may be back" in err.getvalue()
    codes, register, report = _state(data_dir)
    assert codes == ["K-0002", "K-0003"] and register == {ids["K-0001"]}
    assert report.broken is None


def test_the_restore_command_says_how_many_were_erased_again(centre):
    data_dir, b0, _b1, _ids = centre
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir.root), "--lang", "en", "--user", "admin",
                 "restore", str(b0)], out=out, err=err)  # fmt: skip
    assert code == 0, err.getvalue()
    assert "2 erased clients were in the backup and have been erased again." in out.getvalue()
    assert err.getvalue() == ""
