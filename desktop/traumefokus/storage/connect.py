"""The one way a SQLite database file is opened: by the engine factory, the start-up probe and
the backups alike, so that an encrypted file is opened with its key everywhere and a plain one
never goes through a second, unkeyed path.

A plain file is opened with the standard library's `sqlite3` (fast to import: the probe runs
before the first window); an encrypted one with `sqlcipher3` and the raw database key as the
very first statement, so that SQLCipher does no passphrase derivation of its own (the one
derivation of a sign-in is the key slot's).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import ModuleType

from traumefokus.storage.keys import KeyProvider

BUSY_TIMEOUT_SECONDS = 10


def driver(keys: KeyProvider) -> ModuleType:
    """The DB-API module for the file: `sqlcipher3` with a key, `sqlite3` without."""
    if keys.key() is None:
        return sqlite3
    import sqlcipher3

    return sqlcipher3


def unreadable(keys: KeyProvider) -> tuple[type[BaseException], ...]:
    """What the driver raises for a page it cannot read: its database error, or MemoryError,
    since SQLCipher answers some pages it cannot decrypt with "out of memory"."""
    return (driver(keys).DatabaseError, MemoryError)


PLAIN_HEADER = b"SQLite format 3\x00"


def is_encrypted(file: Path) -> bool:
    """Whether `file` is an encrypted database: its key file lies beside it and it does not
    start as a plain SQLite file does (a plain file with a key file left beside it by an
    interrupted encryption is still plain)."""
    from traumefokus.storage.side_files import key_file_of

    return not has_plain_header(file) and key_file_of(file).exists()


def has_plain_header(file: Path) -> bool:
    """Whether `file` starts as a plain SQLite file does (an empty or unreadable one: True,
    there is nothing encrypted to tell)."""
    try:
        with file.open("rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
    except OSError:
        return True
    return not head or head == PLAIN_HEADER


def connect_sqlite(file: Path, keys: KeyProvider, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to `file`, keyed if the database is encrypted. `read_only` opens it so
    that it cannot be written (and is not created if missing)."""
    key = keys.key()
    module = driver(keys)
    if read_only:
        connection: sqlite3.Connection = module.connect(
            f"{file.as_uri()}?mode=ro{_immutable_if_stuck(file)}",
            uri=True,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_SECONDS,
        )
    else:
        connection = module.connect(
            str(file), check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
        )
    if key is not None:
        try:
            connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            connection.execute("PRAGMA cipher_compatibility = 4")  # whatever a later default
            # A page that fails its HMAC is a typed error (storage/sqlite_errors.py), not
            # lines of SQLCipher's own log on the terminal.
            connection.execute("PRAGMA cipher_log_level = NONE")
        except BaseException:
            connection.close()
            raise
    return connection


def _immutable_if_stuck(file: Path) -> str:
    """A database in a folder that cannot be written (a read-only disk or share) has no
    -shm file and can get none, so SQLite cannot open it in WAL mode even to read; nobody can
    be writing it through this folder either, so it is read as the immutable file it is.
    Not if commits wait in its -wal (an immutable file's -wal is ignored): that stays an
    error rather than a reading without them."""
    if os.access(file.parent, os.W_OK):
        return ""
    wal = file.with_name(file.name + "-wal")
    return "" if wal.exists() and wal.stat().st_size > 0 else "&immutable=1"

