"""Is a SQLite database whole before we write to it?

- `check_pages`: SQLite's `PRAGMA quick_check` (every page of every table and index read, and
  for an encrypted file decrypted, which checks each page's HMAC), plus, when a backup is
  made, SQLCipher's `cipher_integrity_check` (the HMAC of every page, free pages too) for an
  encrypted file. A quarter of a second for ten years of data, half a second with the free
  pages (bench/startup.py).
- `lost_database`: a zero-byte file, or none at all where a database was made (its key
  file, the open-marker or a user signed in before shows it). Nothing is created or changed.
- The open-marker (`traumefokus.db.open`) says that a program may have committed rows into
  the `-wal` file that are not yet in the database file: it is made when a connection that
  writes puts the database into WAL mode, touched after every commit, and removed when an
  engine is disposed and SQLite has folded the -wal back in (the -wal is gone). Found with no
  -wal beside it and newer than the database file (commits after the last checkpoint), the
  -wal that held those commits is missing. Another program that closes the database last
  checkpoints into the file, which makes the file newer: no false alarm. The header of an
  encrypted file is encrypted, so SQLite's own WAL flag (header bytes 18-19) cannot be read
  before the key is known: the marker works for both. Its limits: a copy of the data
  directory made without the marker cannot tell; a file system with coarse times (FAT: two
  seconds) may miss a loss; a kill right after a commit that SQLite checkpointed may give a
  false alarm, which the message lets the user clear.
- `wal_damage`: a -wal whose header is not a WAL header, or where a commit follows a frame
  that fails its checksum (SQLite would silently drop that commit and every later one). A
  torn last frame after a crash is normal and not reported.
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from traumefokus.errors import DataProblem, TraumefokusError
from traumefokus.storage.connect import connect_sqlite, unreadable
from traumefokus.storage.keys import KeyProvider
from traumefokus.storage.side_files import key_file_of

log = logging.getLogger(__name__)

Folders = Callable[[], list[Path]]  # the backup folders, asked for when a backup is named
MARKER_SUFFIX = ".open"
RE_READ_SECONDS = 0.2
WAL_HEADER = 32
FRAME_HEADER = 24
WAL_MAGIC = (0x377F0682, 0x377F0683)


def marker_of(database: Path) -> Path:
    return database.with_name(database.name + MARKER_SUFFIX)


def wal_of(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def committed(database: Path) -> None:
    """A commit went into the -wal: the marker's time moves on. A checkpoint that copies it
    into the database file later makes the file newer than the marker."""
    with contextlib.suppress(OSError):  # no marker (a folder that cannot be written)
        os.utime(marker_of(database))


def remember_open(database: Path) -> None:
    """The marker that the -wal beside `database` may hold commits (a writing connection has
    put it into WAL mode). A folder that cannot be written gets none: nothing is written."""
    marker = marker_of(database)
    if marker.exists():
        return
    try:
        marker.touch(mode=0o600)
        os.utime(marker, ns=(0, 0))  # no commit yet: only a commit makes it newer than the file
    except OSError as exc:
        log.info("No open-marker beside the database (%s)", type(exc).__name__)


def forget_open(database: Path) -> None:
    """The marker goes once SQLite has folded the -wal back in and removed it (the last
    connection closed cleanly); while another program has the database open, it stays."""
    if wal_of(database).exists():
        return
    try:
        marker_of(database).unlink(missing_ok=True)
    except OSError as exc:
        log.info("The open-marker could not be removed (%s)", type(exc).__name__)


def newest_verified_backup(folders: list[Path]) -> Path | None:
    """The newest backup in `folders` that reads back as a backup (its manifest and members
    checked; storage/backup_file.py); every finished one was read back whole when made."""
    from traumefokus.storage.backup import list_backups
    from traumefokus.storage.backup_file import open_backup

    found = []
    for folder in dict.fromkeys(folders):
        try:
            found.extend(list_backups(folder))
        except TraumefokusError:
            continue
    for backup in sorted(found, key=lambda b: (b.made, b.path.name), reverse=True):
        try:
            open_backup(backup.path)
        except TraumefokusError:
            continue
        return backup.path
    return None


def backup_named(folders: list[Path]) -> object:
    """How a message names the backup to restore: its path, or "no backup found"."""
    from traumefokus.messages import Term

    found = newest_verified_backup(folders)
    return found if found is not None else Term("backup.none_found")


def check_pages(
    file: Path,
    keys: KeyProvider,
    folders: list[Path],
    connection: Any | None = None,
    *,
    free_pages: bool = True,
) -> None:
    """DataProblem `db.damaged`, naming the newest verified backup, unless every page of
    `file` reads back whole; without `free_pages`, every page in use (the check before a
    session's first write: free pages hold no data). `connection`: one already open to it
    (a restore's)."""
    try:
        own = connection is None
        connection = connection or connect_sqlite(file, keys, read_only=True)
        try:
            (result,) = connection.execute("PRAGMA quick_check(1)").fetchone()
            damaged = result != "ok"
            if free_pages and keys.key() is not None and not damaged:
                damaged = bool(connection.execute("PRAGMA cipher_integrity_check").fetchall())
        finally:
            if own:
                connection.close()
    except unreadable(keys):
        damaged = True
    if damaged:
        raise DataProblem("db.damaged", where=file, backup=backup_named(folders))


def lost_database(
    file: Path, folders: Folders, *, signed_in_here: Callable[[], Path | None]
) -> None:
    """DataProblem when `file` is empty, or missing although a database was made here (its
    key file or open-marker is beside it, or `signed_in_here`: the settings file that names
    the user who signed in last); the file is left exactly as it is. `folders`: where to look
    for the backup to name, asked for only then (the start-up stays light)."""
    try:
        size: int | None = file.stat().st_size
    except FileNotFoundError:
        size = None
    except OSError:
        return  # said when it is opened
    if size == 0:
        raise DataProblem("db.emptied", where=file, backup=backup_named(folders()))
    if size is not None:
        return
    evidence = _made_here(file) or signed_in_here()
    if evidence is not None:
        raise DataProblem("db.gone", where=file, evidence=evidence, backup=backup_named(folders()))


def refuse_read_only(file: Path) -> None:
    """DataProblem `db.read_only` when the database file, or the folder its -wal and -shm go
    in, cannot be written (permissions, a read-only disk or share): said before anyone signs
    in, instead of a write failing halfway."""
    if not file.exists():
        return
    if not (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)):
        raise DataProblem("db.read_only", where=file)


def _made_here(file: Path) -> Path | None:
    for evidence in (key_file_of(file), marker_of(file)):
        if evidence.exists():
            return evidence
    return None


def refuse_lost_wal(file: Path, folders: Folders) -> None:
    """DataProblem when the -wal that held the last commits is missing or damaged; nothing is
    opened or changed."""
    wal = wal_of(file)
    if not file.exists():
        return
    if not wal.exists() and _commits_lost(file):
        raise DataProblem(
            "db.wal_missing",
            where=file,
            wal=wal,
            marker=marker_of(file),
            backup=backup_named(folders()),
        )
    if wal_damage(wal) and _still_damaged(wal):
        raise DataProblem(
            "db.wal_damaged",
            where=file,
            wal=wal,
            marker=marker_of(file),
            backup=backup_named(folders()),
        )


def _still_damaged(wal: Path) -> bool:
    """Read again a moment later: a program writing the -wal at the very moment it was read
    (starting it over with new salts) is not damage."""
    time.sleep(RE_READ_SECONDS)
    return wal_damage(wal)


def _commits_lost(file: Path) -> bool:
    """The marker is there and newer than the database file: commits made after the file was
    last written (a checkpoint) were in a -wal that is gone. A clean close checkpoints into
    the file, which makes it newer, and removes the marker."""
    try:
        return marker_of(file).stat().st_mtime_ns > file.stat().st_mtime_ns
    except FileNotFoundError:
        return False


def wal_damage(wal: Path) -> bool:
    """Whether the -wal holds a commit that SQLite would drop because a frame before it is
    damaged (or is no WAL file at all)."""
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return False  # said when it is opened
    if not data:
        return False  # SQLite empties it after a checkpoint
    if len(data) < WAL_HEADER:
        return True
    magic, _version, page_size, _seq, salt1, salt2, sum1, sum2 = struct.unpack(
        ">8I", data[:WAL_HEADER]
    )
    if magic not in WAL_MAGIC:
        return True
    big = magic & 1
    if _checksum(data[:24], (0, 0), big) != (sum1, sum2):
        return True
    running = (sum1, sum2)
    broken = False
    offset = WAL_HEADER
    frame = FRAME_HEADER + page_size
    while offset + frame <= len(data):
        _page, commit, fsalt1, fsalt2, fsum1, fsum2 = struct.unpack(
            ">6I", data[offset : offset + FRAME_HEADER]
        )
        if (fsalt1, fsalt2) == (salt1, salt2):
            if broken and commit:
                return True  # a commit after a damaged frame: it would be lost
            if not broken:
                body = data[offset : offset + 8] + data[offset + FRAME_HEADER : offset + frame]
                running = _checksum(body, running, big)
                broken = running != (fsum1, fsum2)
        offset += frame
    return False


def _checksum(data: bytes, start: tuple[int, int], big: int) -> tuple[int, int]:
    """SQLite's WAL checksum (https://sqlite.org/fileformat2.html#walcksm)."""
    s1, s2 = start
    words = struct.unpack(f"{'>' if big else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2
