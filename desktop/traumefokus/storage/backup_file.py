"""Reading a backup (storage/backup.py) back before a restore: nothing in it is trusted.

The archive must hold exactly the members of the format, stored without compression (so that
a member can never unpack to more than the archive's own size), each named as the format names
it: a member is never extracted by its own name, only copied to a file the caller chose. A
file that is not a backup is invalid input (exit 2); a backup written by a newer version is a
data problem (exit 4), as a newer database is.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traumefokus.errors import DataProblem, InvalidInput
from traumefokus.fileio import as_problem
from traumefokus.storage.backup import DATABASE, FORMAT, KEYS, MANIFEST, VERSION

MAX_MANIFEST_BYTES = 64 * 1024
MAX_KEYS_BYTES = 1024 * 1024  # as storage/key_file.py reads a key file
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BackupArchive:
    """A backup file that has passed the checks that need no key: its manifest and members."""

    path: Path
    manifest: dict[str, Any]
    database_size: int
    key_file: bytes | None  # the key file's bytes, when the backup has one

    @property
    def encrypted(self) -> bool:
        return bool(self.manifest.get("encrypted"))


def open_backup(path: Path) -> BackupArchive:
    """The backup at `path`, its manifest and its key file checked; InvalidInput if it is not
    a backup (damaged, truncated, foreign, tampered), DataProblem if a newer version wrote it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = _members(path, archive)
            manifest = _manifest(path, _read(path, archive, members[MANIFEST], MAX_MANIFEST_BYTES))
            keys = members.get(KEYS)
            key_file = _read(path, archive, keys, MAX_KEYS_BYTES) if keys else None
    except FileNotFoundError:
        raise InvalidInput("backup.missing", path=path) from None
    except IsADirectoryError:
        raise InvalidInput("backup.not_a_backup", path=path) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InvalidInput("backup.not_a_backup", path=path) from None
    except OSError as exc:
        raise InvalidInput("backup.unreadable", path=path, detail=type(exc).__name__) from None
    if manifest["encrypted"] is True and key_file is None:
        raise InvalidInput("backup.keys_missing", path=path)
    if manifest["encrypted"] is False and key_file is not None:
        raise InvalidInput("backup.not_a_backup", path=path)
    return BackupArchive(path, manifest, members[DATABASE].file_size, key_file)


def extract_database(backup: BackupArchive, out: Path) -> None:
    """Copy the backup's database into the file `out` (which the caller made), checking its
    checksum on the way; the free space is checked first."""
    try:
        free = shutil.disk_usage(out.parent).free
    except OSError as exc:
        raise as_problem(exc, out) from exc
    if backup.database_size > free:
        raise DataProblem("disk.full", path=out)
    try:
        with (
            zipfile.ZipFile(backup.path) as archive,
            archive.open(DATABASE) as source,
            out.open("wb") as target,
        ):
            copied = 0
            while chunk := source.read(_CHUNK):
                copied += len(chunk)
                if copied > backup.database_size:
                    raise InvalidInput("backup.not_a_backup", path=backup.path)
                target.write(chunk)
    except (zipfile.BadZipFile, EOFError):  # a wrong checksum, a file cut short
        raise InvalidInput("backup.not_a_backup", path=backup.path) from None
    except OSError as exc:
        raise as_problem(exc, out) from exc


def _members(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    names = [info.filename for info in infos]
    allowed = {MANIFEST, DATABASE, KEYS}
    if len(set(names)) != len(names) or not set(names) <= allowed:
        raise InvalidInput("backup.not_a_backup", path=path)
    if MANIFEST not in names or DATABASE not in names:
        raise InvalidInput("backup.not_a_backup", path=path)
    if any(info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1 for info in infos):
        raise InvalidInput("backup.not_a_backup", path=path)  # compressed or zip-encrypted
    return {info.filename: info for info in infos}


def _read(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise InvalidInput("backup.not_a_backup", path=path)
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise InvalidInput("backup.not_a_backup", path=path)
    return data


def _manifest(path: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise InvalidInput("backup.not_a_backup", path=path) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InvalidInput("backup.not_a_backup", path=path)
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidInput("backup.not_a_backup", path=path)
    if version > VERSION:
        raise DataProblem("backup.newer", path=path, program=str(manifest.get("program", "?"))[:40])
    if not isinstance(manifest.get("encrypted"), bool):
        raise InvalidInput("backup.not_a_backup", path=path)
    return manifest
