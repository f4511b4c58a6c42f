"""The one way into a SQLite database (storage/connect.py): with a key, the file is SQLCipher
4 under that raw key, for the engine, the start-up probe and the copy before an upgrade alike;
the standard library cannot read it."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest
from alembic import command

from traumefokus.errors import DataProblem
from traumefokus.storage.database import open_database
from traumefokus.storage.engine import make_engine
from traumefokus.storage.key_file import KeyFile
from traumefokus.storage.keys import HeldKey, PlainKeys
from traumefokus.storage.migrate import alembic_config
from traumefokus.storage.models import User
from traumefokus.storage.probe import SchemaState, probe
from traumefokus.storage.revisions import HEAD
from traumefokus.storage.side_files import key_file_of
from traumefokus.storage.target import DatabaseTarget

KEY = HeldKey(bytes(range(32)))
OTHER = HeldKey(bytes(range(1, 33)))


def _unreadable_without_key(path) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_a_keyed_database_is_created_encrypted_and_opens_with_its_key(tmp_path):
    target = DatabaseTarget.sqlite(tmp_path / "traumefokus.db")
    db = open_database(target, KEY, tmp_path / "backups")
    with db.transaction() as tx:
        tx.add(User(name="mette.h", role="therapist"))
    db.engine.dispose()
    _unreadable_without_key(target.file)
    assert b"mette.h" not in target.file.read_bytes()
    found = probe(target, KEY, tmp_path / "backups")
    assert found.state is SchemaState.CURRENT
    assert [u.name for u in found.users] == ["mette.h"]


def test_the_wrong_key_and_no_key_are_refused_without_touching_the_file(tmp_path):
    target = DatabaseTarget.sqlite(tmp_path / "traumefokus.db")
    open_database(target, KEY, tmp_path / "backups").engine.dispose()
    before = target.file.read_bytes()
    for keys, said in ((OTHER, "db.corrupt"), (PlainKeys(), "db.no_key_file")):
        with pytest.raises(DataProblem) as raised:
            probe(target, keys, tmp_path / "backups")
        assert raised.value.code == said
    assert target.file.read_bytes() == before


def test_the_copy_before_an_upgrade_is_encrypted_too(tmp_path):
    """The copy is one backup archive (storage/backup.py) with the key file in it."""
    target = DatabaseTarget.sqlite(tmp_path / "traumefokus.db")
    key_file = key_file_of(target.file)
    key_file.write_bytes(KeyFile().as_bytes())
    engine = make_engine(target, KEY)
    command.upgrade(alembic_config(engine), "0006")
    engine.dispose()
    backups = tmp_path / "backups"
    db = open_database(target, KEY, backups)
    db.engine.dispose()
    (backup,) = backups.iterdir()
    assert backup.name.endswith("-before-upgrade-from-0006.tfbackup")
    with zipfile.ZipFile(backup) as archive:
        assert json.loads(archive.read("manifest.json"))["encrypted"] is True
        assert archive.read("traumefokus.db.keys") == key_file.read_bytes()
        copy = tmp_path / "copy.db"
        copy.write_bytes(archive.read("traumefokus.db"))
    _unreadable_without_key(copy)
    copied = probe(DatabaseTarget.sqlite(copy), KEY, backups)
    assert copied.revision == "0006"
    assert probe(target, KEY, backups).revision == HEAD


def test_the_held_key_never_shows_itself():
    assert bytes(range(32)).hex() not in repr(KEY)


def test_an_encrypted_database_keeps_more_pages_decrypted_in_memory(tmp_path):
    """Decrypting is per page read into SQLite's cache: the cache is larger when encrypted
    (the logbook's queries on ten years would otherwise take two to four times as long)."""
    from traumefokus.storage.engine import DECRYPTED_CACHE_KIB

    target = DatabaseTarget.sqlite(tmp_path / "traumefokus.db")
    for keys, wanted in ((KEY, -DECRYPTED_CACHE_KIB), (PlainKeys(), -2000)):
        engine = make_engine(
            target if keys is KEY else DatabaseTarget.sqlite(tmp_path / "p.db"), keys
        )
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == wanted
        engine.dispose()


def test_a_database_without_its_key_file_names_the_key_file_and_the_recovery(tmp_path):
    from cli_runner import run

    folder = tmp_path / "d"
    assert run("init", "--admin", "anna", "--data-dir", folder).code == 0
    (folder / "traumefokus.db.keys").unlink()
    before = (folder / "traumefokus.db").read_bytes()
    result = run("export", "records", "--out", tmp_path / "r.json", "--user", "anna",
                 "--data-dir", folder, "--lang", "en")  # fmt: skip
    assert result.code == 4
    assert "traumefokus.db.keys is missing" in result.err and "traumefokus recover" in result.err
    assert (folder / "traumefokus.db").read_bytes() == before


def test_a_journal_left_by_a_killed_writer_is_rolled_back_by_the_probe(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "traumefokus.db"
    open_database(DatabaseTarget.sqlite(path), PlainKeys(), tmp_path / "backups").engine.dispose()
    writer = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=DELETE')\n"
        "c.execute('PRAGMA cache_size=1')\n"
        "c.execute('BEGIN')\n"
        "c.execute('CREATE TABLE filler (x)')\n"
        "c.executemany('INSERT INTO filler VALUES (?)', [('x' * 900,)] * 2000)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", writer, str(path)], check=False)
    assert (tmp_path / "traumefokus.db-journal").stat().st_size > 0  # a hot journal
    found = probe(DatabaseTarget.sqlite(path), PlainKeys(), tmp_path / "backups")
    assert found.state is SchemaState.CURRENT
