"""What a SQLite error means to the user: a full disk, a database another program holds, a
read-only file or folder, a damaged file. Each becomes a typed error with its own line and
exit code (4, or 3 for a database in use), so that none of them is a bug (exit 1) with a
traceback in the log.

SQLite's primary result codes (https://sqlite.org/rescode.html) are read from the driver's
`sqlite_errorcode` (the standard library and sqlcipher3 both have it), and from the message
for a driver without it.
"""

from __future__ import annotations

from pathlib import Path

from traumefokus.errors import DataProblem, Refused, TraumefokusError

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26

_BY_MESSAGE = (
    ("database or disk is full", SQLITE_FULL),
    ("database is locked", SQLITE_BUSY),
    ("attempt to write a readonly database", SQLITE_READONLY),
    ("database disk image is malformed", SQLITE_CORRUPT),
)


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver error, None if it has none we know."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    message = str(exc)
    return next((known for text, known in _BY_MESSAGE if text in message), None)


def typed_error(exc: BaseException, file: Path) -> TraumefokusError | None:
    """The typed error for a driver error on the database `file`; None for any other error
    (a bug, or a constraint a service checks itself)."""
    code = primary_code(exc)
    if code == SQLITE_FULL:
        return DataProblem("db.disk_full", where=file)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return Refused("db.in_use", where=file)
    if code == SQLITE_READONLY:
        return DataProblem("db.read_only", where=file)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DataProblem("db.damaged", where=file, backup=latest_backup_of(file))
    if code == SQLITE_IOERR and _disk_full(exc):
        return DataProblem("db.disk_full", where=file)
    return None


def _disk_full(exc: BaseException) -> bool:
    return "full" in str(exc).lower()


def latest_backup_of(file: Path) -> object:
    """The newest verified backup in the data directory's backups/ folder, as a message names
    it (the service layer names the one in the backup folder chosen in the settings)."""
    from traumefokus.storage.integrity import backup_named

    return backup_named([file.parent / "backups"])
