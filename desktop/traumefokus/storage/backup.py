"""Backups of the SQLite database: one file, `traumefokus-YYYYmmdd-HHMMSS-<reason>.tfbackup`.

A backup is a ZIP archive without compression (the database is encrypted, or small enough)
holding exactly:

- `manifest.json`: {"format": "traumefokus-backup", "version": 1, "created_at" (UTC),
  "revision" (the schema revision), "encrypted", "program" (the version that wrote it)};
- `traumefokus.db`: a consistent copy made with SQLite's online backup through the one
  opener (storage/connect.py) with the database's own key, so that it is encrypted exactly
  like the live database (and needs no -wal beside it);
- `traumefokus.db.keys`: a copy of the key file, when the database is encrypted, so that the
  backup carries its own key slots and restores into an empty data directory.

The copy passes `PRAGMA integrity_check` before it is archived; the archive is written to a
temporary file beside its final name, read back whole (every member's checksum), and only
then renamed into place (0600). A crash, a kill or a full disk leaves a temporary file at most,
which no listing takes for a backup. Reading an archive back is storage/backup_file.py.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from traumefokus import __version__
from traumefokus.errors import DataProblem
from traumefokus.fileio import as_problem
from traumefokus.storage.connect import connect_sqlite, driver, unreadable
from traumefokus.storage.keys import KeyProvider
from traumefokus.storage.side_files import key_file_of

log = logging.getLogger(__name__)

FORMAT = "traumefokus-backup"
VERSION = 1
SUFFIX = ".tfbackup"
MANIFEST = "manifest.json"
DATABASE = "traumefokus.db"
KEYS = "traumefokus.db.keys"
AUTOMATIC = "auto"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
_NAME = re.compile(r"^traumefokus-(\d{8}-\d{6})-([a-z0-9][a-z0-9-]*)\.tfbackup$")
_STAMP = "%Y%m%d-%H%M%S"
_TEMPORARY = ".tmp"
STALE_AFTER = timedelta(hours=1)  # a temporary file this old was left by a killed backup


@dataclass(frozen=True)
class BackupFile:
    """A backup in a backup folder, known by its name: when it was made and why."""

    path: Path
    made: datetime  # local time, from the name
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason == AUTOMATIC


def backup_name(made: datetime, reason: str) -> str:
    return f"traumefokus-{made.strftime(_STAMP)}-{reason}{SUFFIX}"


def parse_name(path: Path) -> BackupFile | None:
    """The backup this file name stands for, or None for any other file."""
    found = _NAME.match(path.name)
    if found is None:
        return None
    try:
        made = datetime.strptime(found.group(1), _STAMP)
    except ValueError:
        return None
    return BackupFile(path, made, found.group(2))


def list_backups(folder: Path) -> list[BackupFile]:
    """The finished backups in `folder`, oldest first (temporary files are not backups)."""
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DataProblem("backup.folder_unusable", path=folder, detail=_why(exc)) from None
    found = [b for b in map(parse_name, entries) if b is not None and b.path.is_file()]
    return sorted(found, key=lambda b: (b.made, b.path.name))


def backup_sqlite(
    source: Path, keys: KeyProvider, backups: Path, *, reason: str, now: datetime | None = None
) -> Path:
    """A verified backup of the SQLite file `source` in the folder `backups`, named after the
    moment and the reason (the next free second if that name is taken). The key file beside
    an encrypted `source` goes into it."""
    made = (now or datetime.now()).replace(microsecond=0)
    try:
        backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataProblem("backup.folder_unusable", path=backups, detail=_why(exc)) from None
    while (backups / backup_name(made, reason)).exists():
        made += timedelta(seconds=1)
    target = backups / backup_name(made, reason)
    write_backup(source, keys, target)
    return target


def write_backup(
    source: Path, keys: KeyProvider, out: Path, *, connection: Any | None = None
) -> dict[str, Any]:
    """Write a backup of `source` to `out` (replacing it only once the new one is verified);
    its manifest. `connection`: an open connection to `source` to copy from (a restore holds
    the database locked through one), else a read-only one is opened."""
    copy = _temporary(source.parent, f".{source.name}.backup-", out)
    try:
        revision = _copy_database(source, keys, copy, connection, [out.parent])
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "revision": revision,
            "encrypted": keys.key() is not None,
            "program": __version__,
        }
        key_file = key_file_of(source)
        key_bytes = _read_key_file(key_file) if manifest["encrypted"] else None
        _write_archive(out, manifest, copy, key_bytes)
    finally:
        copy.unlink(missing_ok=True)
    return manifest


def _copy_database(
    source: Path, keys: KeyProvider, copy: Path, connection: Any | None, folders: list[Path]
) -> str:
    """Copy `source` into the file `copy` (same key), checked; the copy's schema revision.
    A copy that fails (a page that cannot be decrypted) or fails its check sends the source
    through the integrity check: a damaged database is said as such (`db.damaged`, naming
    the newest verified backup in `folders` or beside the database), never backed up."""
    try:
        return _copy_checked(source, keys, copy, connection)
    except DataProblem as problem:
        if problem.code in ("backup.copy_damaged", "backup.copy_failed"):
            from traumefokus.storage.integrity import check_pages

            check_pages(source, keys, [*folders, source.parent / "backups"], connection)
        raise


def _copy_checked(source: Path, keys: KeyProvider, copy: Path, connection: Any | None) -> str:
    errors = driver(keys).Error
    try:
        src = connection or connect_sqlite(source, keys, read_only=True)
        try:
            dst = connect_sqlite(copy, keys)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a file that stands alone
                (check,) = dst.execute("PRAGMA integrity_check(1)").fetchone()
                if check != "ok":
                    raise DataProblem("backup.copy_damaged", where=source)
                rows = dst.execute("SELECT version_num FROM alembic_version").fetchall()
            finally:
                dst.close()
        finally:
            if connection is None:
                src.close()
    except OSError as exc:
        raise as_problem(exc, copy) from exc
    except (errors, *unreadable(keys)) as exc:
        if _disk_full(exc):
            raise DataProblem("disk.full", path=copy) from None
        detail = str(exc) or "out of memory"  # MemoryError says nothing itself
        raise DataProblem("backup.copy_failed", where=source, detail=detail) from None
    if len(rows) != 1:
        raise DataProblem("backup.copy_failed", where=source, detail="no schema revision")
    return str(rows[0][0])


def _read_key_file(path: Path) -> bytes | None:
    """The key file's bytes, None if there is none (a database being set up has none yet:
    restoring such a backup needs the key file from elsewhere, and says so)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        log.warning("An encrypted database was backed up without a key file beside it")
        return None
    except OSError as exc:
        raise DataProblem("keys.unreadable", path=path, detail=type(exc).__name__) from None


def _write_archive(
    out: Path, manifest: dict[str, Any], copy: Path, key_bytes: bytes | None
) -> None:
    """The archive at `out`: written beside it, read back, then renamed into place."""
    try:
        out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataProblem("backup.folder_unusable", path=out.parent, detail=_why(exc)) from None
    for folder in {out.parent, copy.parent}:
        _remove_stale(folder, ".traumefokus")
    _remove_stale(out.parent, f".{out.name}.")
    tmp = _temporary(out.parent, f".{out.name}.", out)
    try:
        now = time.localtime()
        stamp = (now.tm_year, now.tm_mon, now.tm_mday, now.tm_hour, now.tm_min, now.tm_sec)
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            archive.writestr(_member(MANIFEST, stamp), json.dumps(manifest, indent=1))
            archive.write(copy, DATABASE)
            if key_bytes is not None:
                archive.writestr(_member(KEYS, stamp), key_bytes)
        with tmp.open("rb+") as written:
            os.fsync(written.fileno())
        _verify_archive(tmp)
        os.replace(tmp, out)
        _sync_folder(out.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise as_problem(exc, out) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _member(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o600 << 16
    return info


def _verify_archive(path: Path) -> None:
    """Read the archive back whole: every member there, every checksum right."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError) as exc:
        raise DataProblem("backup.verify_failed", path=path, detail=type(exc).__name__) from None
    if bad is not None or not {MANIFEST, DATABASE} <= names:
        raise DataProblem("backup.verify_failed", path=path, detail=bad or "incomplete")


def _temporary(folder: Path, prefix: str, for_file: Path) -> Path:
    """A new empty file in `folder`; a problem making it is said of `for_file`."""
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=_TEMPORARY, dir=folder)
    except OSError as exc:
        raise as_problem(exc, for_file) from exc
    os.close(fd)
    return Path(name)


def _remove_stale(folder: Path, prefix: str) -> None:
    """Remove what a backup killed long ago left behind (a temporary file, never a backup)."""
    limit = time.time() - STALE_AFTER.total_seconds()
    for leftover in folder.glob(f"{_glob_escape(prefix)}*{_TEMPORARY}*"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some network file systems cannot: the file itself is on disk
    finally:
        os.close(fd)


def _disk_full(exc: Exception) -> bool:
    return "disk is full" in str(exc) or "database or disk is full" in str(exc)


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
