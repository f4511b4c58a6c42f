"""Encrypting a plain SQLite file: SQLCipher's `sqlcipher_export` into a new file under the
raw key, then a check that the copy is whole and holds every row, before anything replaces the
plain file.

No other program may have the plain file open meanwhile: its writes would go to the file that
is replaced. A file another process has open (on POSIX: it holds its share of the WAL index,
as every SQLite connection in WAL mode does) is left as it is, to be encrypted at a later
opening; the export itself runs in an exclusive transaction, so that two programs starting at
once never both encrypt it.
"""

from __future__ import annotations

import os
from pathlib import Path

from traumefokus.errors import DataProblem
from traumefokus.storage.connect import connect_sqlite
from traumefokus.storage.keys import HeldKey, PlainKeys


class InUse(Exception):
    """Another connection has the plain file open: it is not encrypted now."""


def encrypt_into(plain: Path, encrypted: Path, key: bytes) -> None:
    """Write an encrypted copy of `plain` to `encrypted` (which must not exist) and check it:
    the same tables with the same number of rows, and SQLCipher's integrity check."""
    import sqlcipher3

    if others_have_it_open(plain):
        raise InUse
    source = sqlcipher3.connect(str(plain), isolation_level=None, timeout=0.5)
    try:
        try:  # out of WAL mode, so that the exclusive lock below keeps readers out too
            mode = source.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            source.execute("BEGIN EXCLUSIVE")
        except sqlcipher3.OperationalError as exc:
            raise InUse from exc
        if str(mode).lower() != "delete":
            raise InUse
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(encrypted),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        counts = _counts(source)
        source.execute("COMMIT")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
    copy = connect_sqlite(encrypted, HeldKey(key))
    try:
        whole = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if whole != "ok" or _counts(copy) != counts:
            raise DataProblem("db.encryption_check_failed", where=plain)
    finally:
        copy.close()


# SQLite's unix VFS: every connection to a WAL database holds a shared lock on this byte of
# the "-shm" file while it is open ("DMS", after the eight WAL-index locks at 120).
_SHM_DMS_BYTE = 128


def others_have_it_open(file: Path) -> bool:
    """Whether another process has the database open (POSIX; elsewhere: not known, False).
    Our own process holds no connection to it when this is asked."""
    shm = Path(f"{file}-shm")
    if os.name != "posix" or not shm.exists():
        return False
    import fcntl

    with shm.open("r+b") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
        except OSError:
            return True
        fcntl.lockf(handle, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
    return False


def _counts(connection: object) -> dict[str, int]:
    execute = connection.execute  # type: ignore[attr-defined]
    tables = [
        row[0]
        for row in execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def replace_with(plain: Path, encrypted: Path) -> None:
    """The encrypted copy takes the plain file's place at once; the plain file's journals
    (none are left after the export) go with it."""
    os.replace(encrypted, plain)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{plain}{suffix}").unlink(missing_ok=True)


def is_plain(path: Path) -> bool:
    """Whether `path` is a readable plain SQLite file (a backup copy, say)."""
    import sqlite3

    try:
        connection = connect_sqlite(path, PlainKeys(), read_only=True)
    except (sqlite3.Error, OSError):
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.Error:
        return False
    finally:
        connection.close()
