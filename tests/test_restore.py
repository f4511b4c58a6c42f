"""Restoring a backup (services/restore.py, `traumefokus restore`): checked whole and against
the backup's own users before anything is replaced; into a new, empty data directory too; the
replaced database is kept; a damaged, foreign, tampered or newer backup changes nothing."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from conftest import PASSWORD
from factories import person
from traumefokus.cli import main
from traumefokus.content.library import ContentLibrary
from traumefokus.errors import DataProblem, InvalidInput, Refused
from traumefokus.exports.records import collect_records
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.auth import sign_in
from traumefokus.services.backups import make_backup
from traumefokus.services.clients import add_client
from traumefokus.services.restore import restore_backup
from traumefokus.services.users import create_first_admin
from traumefokus.services.workspace import Workspace
from traumefokus.storage.backup import list_backups
from traumefokus.storage.database import open_database
from traumefokus.storage.key_file import KeyFile, read_key_file, write_key_file
from traumefokus.storage.key_slots import user_slot_id, wrap
from traumefokus.storage.keys import HeldKey, KeyProvider, PlainKeys
from traumefokus.storage.side_files import key_file_of
from traumefokus.storage.target import DatabaseTarget

KEY = bytes(range(32))


def _centre(data_dir: DataDir, keys: KeyProvider) -> None:
    """A small centre: an administrator, a therapist, two clients."""
    data_dir.ensure()
    target = DatabaseTarget.sqlite(data_dir.database)
    if keys.key() is not None:
        write_key_file(key_file_of(data_dir.database), KeyFile())
    with open_database(target, keys, data_dir.backups) as db:
        library = ContentLibrary.for_data_dir(data_dir)
        admin = Acting(db, library, create_first_admin(db, "admin", PASSWORD), data_dir)
        person(admin, "mette.h", "therapist")
        add_client(admin, "K-0001", display_name="Anna")
        add_client(admin, "K-0002")
        if keys.key() is not None:
            found = read_key_file(key_file_of(data_dir.database))
            for actor in (admin.actor, sign_in(db, "mette.h", PASSWORD)):
                if found.slot_for_name(actor.name) is None:
                    slot = wrap(KEY, user_slot_id(actor.id), PASSWORD)
                    found = found.with_slot(slot, actor.name)
            write_key_file(key_file_of(data_dir.database), found)


def _records(data_dir: DataDir, keys: KeyProvider) -> dict:
    with open_database(DatabaseTarget.sqlite(data_dir.database), keys, data_dir.backups) as db:
        acting = Acting(db, ContentLibrary.for_data_dir(data_dir), sign_in(db, "admin", PASSWORD),
                        data_dir)  # fmt: skip
        document = collect_records(acting)
    document.pop("exported_at")
    return document


def _backup(data_dir: DataDir, keys: KeyProvider, out: Path) -> Path:
    with open_database(DatabaseTarget.sqlite(data_dir.database), keys, data_dir.backups) as db:
        acting = Acting(db, ContentLibrary.for_data_dir(data_dir), sign_in(db, "admin", PASSWORD),
                        data_dir)  # fmt: skip
        return make_backup(acting, out)


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture(params=["plain", "encrypted"])
def keys(request) -> KeyProvider:
    return PlainKeys() if request.param == "plain" else HeldKey(KEY)


@pytest.fixture
def made(tmp_path, keys) -> tuple[DataDir, Path]:
    """A centre and a backup of it."""
    source = DataDir(tmp_path / "source")
    _centre(source, keys)
    return source, _backup(source, keys, tmp_path / "centre.tfbackup")


def test_a_backup_restored_into_a_new_data_directory_gives_the_same_records(made, keys, tmp_path):
    source, backup = made
    target = DataDir(tmp_path / "new")
    done = restore_backup(target, backup, "admin", PASSWORD, backups=target.backups)
    assert done.kept is None and done.encrypted is (keys.key() is not None)
    assert _records(target, keys) == _records(source, keys)
    if keys.key() is not None:
        assert b"Anna" not in target.database.read_bytes()
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            sqlite3.connect(target.database).execute("SELECT * FROM sqlite_master").fetchall()
        assert (
            key_file_of(target.database).read_bytes() == key_file_of(source.database).read_bytes()
        )
    assert oct(target.database.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in target.root.iterdir() if p.name.startswith(".")] == []


def test_restoring_over_a_database_keeps_the_replaced_one_as_a_backup(made, keys, tmp_path):
    source, backup = made
    with open_database(DatabaseTarget.sqlite(source.database), keys, source.backups) as db:
        admin = Acting(db, ContentLibrary.for_data_dir(source), sign_in(db, "admin", PASSWORD),
                       source)  # fmt: skip
        add_client(admin, "K-0003")  # made after the backup
    after = _records(source, keys)
    done = restore_backup(source, backup, "admin", PASSWORD, backups=source.backups)
    assert done.kept is not None and done.kept.name.endswith("-before-restore.tfbackup")
    assert [b.reason for b in list_backups(source.backups)] == ["before-restore"]
    assert "K-0003" not in json.dumps(_records(source, keys))
    again = DataDir(tmp_path / "again")  # the kept copy restores what was replaced
    restore_backup(again, done.kept, "admin", PASSWORD, backups=again.backups)
    assert _records(again, keys) == after


@pytest.mark.parametrize(
    ("name", "password", "code"),
    [
        ("admin", "not the password at all", "auth.failed"),
        ("nobody", PASSWORD, "auth.failed"),
        ("mette.h", PASSWORD, "restore.not_admin"),
    ],
)
def test_only_an_administrator_of_the_backup_with_their_password_restores_it(
    made, tmp_path, name, password, code
):
    source, backup = made
    before = _digest(source.root)
    with pytest.raises(Refused) as refused:
        restore_backup(source, backup, name, password, backups=source.backups)
    assert refused.value.code == code
    assert _digest(source.root) == before and not source.backups.exists()


def test_a_database_open_in_the_program_is_not_replaced(made, keys):
    source, backup = made
    workspace = Workspace(source, keys=keys)
    before = _digest(source.root)
    with workspace.open() as db, db.reading() as tx:
        tx.connection()  # the window holds a connection
        with pytest.raises(Refused) as refused:
            restore_backup(source, backup, "admin", PASSWORD, backups=source.backups)
        assert refused.value.code == "restore.in_use"
    passing = ("-wal", "-shm", ".lock")  # what an open database has beside it for a while
    after = {k: v for k, v in _digest(source.root).items() if not k.endswith(passing)}
    assert after == {k: v for k, v in before.items() if not k.endswith(passing)}


def _tampered(backup: Path, out: Path, change) -> Path:
    """A copy of `backup` with its members changed by `change(name, data) -> [(name, data)]`."""
    with zipfile.ZipFile(backup) as archive:
        members = [(i.filename, archive.read(i)) for i in archive.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members:
            for new_name, new_data, *how in change(name, data):
                archive.writestr(new_name, new_data, *(how or [zipfile.ZIP_STORED]))
    return out


def _newer(name, data):
    if name == "manifest.json":
        manifest = json.loads(data)
        manifest["version"], manifest["program"] = 2, "9.0"
        return [(name, json.dumps(manifest))]
    return [(name, data)]


CASES = {
    "path trick": (lambda n, d: [("../" + n if n == "traumefokus.db" else n, d)], InvalidInput),
    "extra member": (
        lambda n, d: [(n, d), ("evil.sh", b"rm -rf")] if n == "manifest.json" else [(n, d)],
        InvalidInput,
    ),
    "compressed member": (
        lambda n, d: [(n, d, zipfile.ZIP_DEFLATED if n == "traumefokus.db" else 0)],
        InvalidInput,
    ),
    "foreign manifest": (
        lambda n, d: [(n, b'{"format": "anki"}' if n == "manifest.json" else d)],
        InvalidInput,
    ),
    "no database": (lambda n, d: [] if n == "traumefokus.db" else [(n, d)], InvalidInput),
    "newer version": (_newer, DataProblem),
    "damaged database": (
        lambda n, d: [(n, d[:4096] + bytes(len(d) - 4096) if n == "traumefokus.db" else d)],
        DataProblem,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_tampered_backup_is_refused_and_nothing_changes(made, tmp_path, case):
    source, backup = made
    change, error = CASES[case]
    bad = _tampered(backup, tmp_path / "bad.tfbackup", change)
    before = _digest(source.root)
    with pytest.raises(error):
        restore_backup(source, bad, "admin", PASSWORD, backups=source.backups)
    assert _digest(source.root) == before and not source.backups.exists()


def test_a_truncated_or_foreign_file_is_refused(made, tmp_path):
    source, backup = made
    cut = tmp_path / "cut.tfbackup"
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    text = tmp_path / "notes.tfbackup"
    text.write_text("not a zip")
    for bad in (cut, text, tmp_path / "missing.tfbackup", tmp_path):
        with pytest.raises(InvalidInput):
            restore_backup(source, bad, "admin", PASSWORD, backups=source.backups)


@pytest.mark.parametrize("answer", ["database error", "out of memory"])
def test_a_backup_whose_database_cannot_be_read_is_said_damaged_and_nothing_changes(
    made, keys, monkeypatch, answer
):
    """SQLCipher answers a page it cannot decrypt with a database error, or with "out of
    memory" (a MemoryError in Python): either way the backup is said damaged, never a bug."""
    import traumefokus.services.restore as restore
    from traumefokus.storage.connect import driver

    def unreadable(*_args):
        raise MemoryError if answer == "out of memory" else driver(keys).DatabaseError("x")

    monkeypatch.setattr(restore, "_check_database", unreadable)
    source, backup = made
    before = _digest(source.root)
    with pytest.raises(DataProblem) as raised:
        restore_backup(source, backup, "admin", PASSWORD, backups=source.backups)
    assert raised.value.code == "backup.damaged"
    assert _digest(source.root) == before


def test_a_member_claiming_two_gigabytes_is_refused_before_it_is_unpacked(made, tmp_path):
    """A forged size in the archive: the check of the free space or of the checksum stops
    it, and nothing of it is left in the data directory."""
    source, backup = made
    data = bytearray(backup.read_bytes())
    with zipfile.ZipFile(backup) as archive:
        info = archive.getinfo("traumefokus.db")
    # the database's central directory entry: patch its uncompressed size to 2 GiB
    start = data.find(b"PK\x01\x02")
    while start != -1:
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length] == info.filename.encode():
            data[start + 24 : start + 28] = (2**31).to_bytes(4, "little")
            data[start + 20 : start + 24] = (2**31).to_bytes(4, "little")
        start = data.find(b"PK\x01\x02", start + 4)
    forged = tmp_path / "forged.tfbackup"
    forged.write_bytes(bytes(data))
    before = _digest(source.root)
    with pytest.raises((InvalidInput, DataProblem)):
        restore_backup(source, forged, "admin", PASSWORD, backups=source.backups)
    assert _digest(source.root) == before


def test_a_backup_of_a_newer_schema_is_refused(made, keys, tmp_path):
    if keys.key() is not None:
        pytest.skip("the plain backup's database can be changed by hand")
    source, backup = made
    with zipfile.ZipFile(backup) as archive:
        database = tmp_path / "db"
        database.write_bytes(archive.read("traumefokus.db"))
    connection = sqlite3.connect(database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    newer = _tampered(
        backup,
        tmp_path / "newer.tfbackup",
        lambda n, d: [(n, database.read_bytes() if n == "traumefokus.db" else d)],
    )
    with pytest.raises(DataProblem) as error:
        restore_backup(source, newer, "admin", PASSWORD, backups=source.backups)
    assert error.value.code == "backup.newer_schema"


def test_backup_and_restore_on_the_command_line(made, keys, tmp_path):
    source, _backup_file = made
    out, err = io.StringIO(), io.StringIO()
    copy = tmp_path / "cli.tfbackup"
    common = ["--lang", "en", "--user", "admin"]
    code = main(["--data-dir", str(source.root), *common, "backup", "--out", str(copy)],
                out=out, err=err)  # fmt: skip
    assert code == 0, err.getvalue()
    assert "written and verified" in out.getvalue()
    new = tmp_path / "cli-new"
    code = main(["--data-dir", str(new), *common, "restore", str(copy)], out=out, err=err)
    assert code == 0, err.getvalue()
    assert _records(DataDir(new), keys) == _records(source, keys)
    err = io.StringIO()
    code = main(["--data-dir", str(new), *common, "restore", str(tmp_path / "nope")], err=err)
    assert code == 2 and err.getvalue().count("\n") == 1
    code = main(
        ["--data-dir", str(new), "--lang", "en", "--user", "mette.h", "backup", "--out", "x"],
        err=err,
    )
    assert code == 3
