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
from traumefokus.storage.key_file import KeyFile, key_file_of
from traumefokus.storage.keys import HeldKey, PlainKeys
from traumefokus.storage.migrate import alembic_config
from traumefokus.storage.models import User
from traumefokus.storage.probe import SchemaState, probe
from traumefokus.storage.revisions import HEAD
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
    for keys in (OTHER, PlainKeys()):
        with pytest.raises(DataProblem) as raised:
            probe(target, keys, tmp_path / "backups")
        assert raised.value.code == "db.corrupt"
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
