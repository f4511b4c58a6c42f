"""A test's own way into a database file, past the program: the standard library for a plain
file, SQLCipher with the key that a user's password unlocks for an encrypted one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import PASSWORD
from traumefokus.paths import DataDir
from traumefokus.services.key_unlock import unlock_with
from traumefokus.services.workspace import Workspace
from traumefokus.storage.connect import connect_sqlite, is_encrypted
from traumefokus.storage.key_file import read_key_file
from traumefokus.storage.keys import HeldKey, PlainKeys
from traumefokus.storage.side_files import key_file_of


def raw_connect(database: Path, user: str = "anna") -> sqlite3.Connection:
    """A connection to `database`, unlocked with `user`'s password if it is encrypted."""
    if not is_encrypted(database):
        return connect_sqlite(database, PlainKeys())
    found = read_key_file(key_file_of(database)).unlock(user, PASSWORD)
    assert found is not None, f"{user}'s password does not unlock {database}"
    return connect_sqlite(database, HeldKey(found[1]))


def unlocked(folder: Path, user: str = "admin") -> Workspace:
    """The workspace of the data directory `folder`, unlocked with `user`'s password if its
    database is encrypted (as `init` and `demo` make it)."""
    workspace = Workspace(DataDir(Path(folder)))
    if workspace.locked:
        unlock_with(workspace, user, PASSWORD)
    return workspace


def unlock_and_sign_in(workspace, name: str, password: str):
    """The database of a locked workspace and `name` signed in, as the window does it, with
    the sign-in's writes (which the window makes off its thread) made at once."""
    from traumefokus.services.unlocking import unlock_for_window

    db, actor, writes = unlock_for_window(workspace, name, password)
    try:
        writes()
    except BaseException:
        db.close()
        raise
    return db, actor
