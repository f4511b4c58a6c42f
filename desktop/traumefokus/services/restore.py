"""Restoring a backup (`traumefokus restore FILE`): the backup is checked whole before anything
is replaced, and the database it replaces is kept.

1. The archive is read (storage/backup_file.py) and its database copied to a temporary file in
   the data directory (the live database's disk, so that the final rename is atomic).
2. The acting user and password are checked against the backup itself, so that a restore into
   a new, empty data directory works: an encrypted backup's own key file must open with them
   (which also gives its key), a plain one's users table must hold their password; and they
   must be an active administrator in the backup.
3. The copy must pass `PRAGMA integrity_check` and have a schema revision this program knows
   (an older one is upgraded when it is opened, after the usual copy).
4. The live database, if there is one, is locked: a program that has it open (the window)
   makes the restore refuse, and nothing is changed. An encrypted live database is opened
   with the same user's password (whoever cannot open it cannot replace it). It is kept as a
   `before-restore` backup in the backup folder (never thinned); one that cannot be read at all
   is kept as its raw files in a `...-before-restore-damaged` folder there.
5. The restored file and its key file are renamed into place, the old -wal/-shm removed, and
   the restored database is opened (and upgraded if older) and the restore audited in it.
6. Erasures are applied again: the backup still holds clients erased since it was made. The
   replaced database's register of erased clients is read before it is replaced (if it can
   be read at all: `Restored.register_read` says whether it was), and every client in it or
   in the backup's own register is erased from the restored database, which then keeps the
   whole register (services/erasure.py).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from traumefokus.domain.access import Action, may
from traumefokus.domain.passwords import verify_password
from traumefokus.domain.users import normalise_user_name
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import DataProblem, InvalidInput, Refused
from traumefokus.fileio import as_problem
from traumefokus.paths import DataDir
from traumefokus.services import audit
from traumefokus.storage.backup import BEFORE_RESTORE, backup_name, write_backup
from traumefokus.storage.backup_file import BackupArchive, extract_database, open_backup
from traumefokus.storage.connect import connect_sqlite, driver, is_encrypted, unreadable
from traumefokus.storage.key_file import parse_key_file, read_key_file
from traumefokus.storage.keys import HeldKey, KeyProvider, PlainKeys
from traumefokus.storage.probe import SchemaState, classify
from traumefokus.storage.revisions import HEAD
from traumefokus.storage.side_files import key_file_of
from traumefokus.storage.target import DatabaseTarget

log = logging.getLogger(__name__)

LOCK_WAIT_MS = 2000
_JOURNALS = ("-wal", "-shm", "-journal", ".open")  # .open: storage/integrity.py


@dataclass(frozen=True)
class Restored:
    revision: str  # the backup's schema revision (upgraded to the program's on opening)
    encrypted: bool
    kept: Path | None  # the replaced database, kept in the backup folder
    reerased: int = 0  # clients of the registers of erased clients that were erased again
    register_read: bool = True  # False: the replaced database's register could not be read


@dataclass(frozen=True)
class _Checked:
    keys: KeyProvider
    revision: str
    user_id: str


def restore_backup(
    data_dir: DataDir, backup: Path, name: str, password: str, *, backups: Path
) -> Restored:
    """Replace the data directory's database with the backup at `backup`, as the user `name`
    with `password` (checked against the backup). `backups`: the folder for the kept copy."""
    archive = open_backup(backup)
    data_dir.ensure()
    target = data_dir.database
    copy = _temporary(data_dir.root, ".traumefokus.db.restore-")
    keys_copy: Path | None = None
    try:
        extract_database(archive, copy)
        checked = _check(archive, copy, name, password)
        if archive.key_file is not None:
            keys_copy = _temporary(data_dir.root, ".traumefokus.db.keys.restore-")
            keys_copy.write_bytes(archive.key_file)
        kept, register = _replace(target, copy, keys_copy, name, password, backups)
    finally:
        copy.unlink(missing_ok=True)
        if keys_copy is not None:
            keys_copy.unlink(missing_ok=True)
    reerased = _open_and_audit(target, checked, backups, kept, register or set())
    log.info("A backup was restored")
    if register is None:
        log.warning("The replaced database's register of erased clients could not be read")
    return Restored(checked.revision, archive.encrypted, kept, reerased, register is not None)


def _check(archive: BackupArchive, copy: Path, name: str, password: str) -> _Checked:
    """The backup's own check of `name` and `password`, then of the database in it."""
    keys: KeyProvider = PlainKeys()
    if archive.key_file is not None:
        try:
            key_file = parse_key_file(archive.key_file)
        except ValueError:
            raise InvalidInput("backup.not_a_backup", path=archive.path) from None
        unlocked = key_file.unlock(name, password)
        if unlocked is None:
            raise Refused("auth.failed")
        keys = HeldKey(unlocked[1])
    try:
        connection = connect_sqlite(copy, keys, read_only=True)
        try:
            return _check_database(archive, connection, keys, name, password)
        finally:
            connection.close()
    except unreadable(keys) as exc:
        detail = str(exc) or "out of memory"  # MemoryError says nothing itself
        raise DataProblem("backup.damaged", path=archive.path, detail=detail) from None


def _check_database(
    archive: BackupArchive, connection: Any, keys: KeyProvider, name: str, password: str
) -> _Checked:
    tables = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    rows = (
        connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if ("alembic_version" in tables)
        else []
    )
    revision = str(rows[0][0]) if len(rows) == 1 else None
    state = classify(revision, bool(tables - {"alembic_version"}))
    if state is SchemaState.NEWER:
        raise DataProblem("backup.newer_schema", path=archive.path, revision=revision, head=HEAD)
    if revision is None or "users" not in tables:
        raise InvalidInput("backup.not_a_backup", path=archive.path)
    user = connection.execute(
        "SELECT id, role, active, password_hash FROM users WHERE name = ?",
        (normalise_user_name(name),),
    ).fetchone()
    if keys.key() is None and not verify_password(user[3] if user else None, password):
        raise Refused("auth.failed")
    if user is None:
        raise Refused("auth.failed")
    user_id, role, active, _hash = user
    if not active or role not in {r.value for r in Role} or not may(Role(role), Action.RESTORE):
        raise Refused("restore.not_admin", name=normalise_user_name(name))
    (check,) = connection.execute("PRAGMA integrity_check(1)").fetchone()
    if check != "ok":
        raise DataProblem("backup.damaged", path=archive.path, detail="integrity check")
    return _Checked(keys, revision, str(user_id))


def _replace(
    target: Path, copy: Path, keys_copy: Path | None, name: str, password: str, backups: Path
) -> tuple[Path | None, set[str] | None]:
    """Keep the live database, then move the restored files into place; the kept copy, and
    the live database's register of erased clients (None if it could not be read)."""
    held = _lock_live(target, name, password) if target.exists() else None
    kept: Path | None = None
    register: set[str] | None = None if target.exists() else set()
    try:
        if held is not None:
            register = _erased_in(held)
            kept = _keep(target, held, backups)
        elif target.exists():
            kept = _keep_raw(target, backups)
        if os.name == "nt" and held is not None:  # Windows renames no open file
            held[0].close()
        try:
            os.replace(copy, target)
            live_keys = key_file_of(target)
            if keys_copy is not None:
                os.replace(keys_copy, live_keys)
            else:
                live_keys.unlink(missing_ok=True)  # it was the replaced database's (kept)
            for suffix in _JOURNALS:  # nothing of the old database may be applied to this one
                target.with_name(target.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
            raise as_problem(exc, target) from exc
    finally:
        if held is not None:
            held[0].close()
    return kept, register


def _erased_in(held: _Held) -> set[str] | None:
    """The register of erased clients of the live database (empty in one from before the
    register), or None if it cannot be read."""
    connection = held[0]
    try:
        tables = {
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "erased_clients" not in tables:  # from before the register; none at all: emptied
            return set() if "users" in tables else None
        return {str(row[0]) for row in connection.execute("SELECT client_id FROM erased_clients")}
    except driver(held[1]).DatabaseError:
        return None


_Held = tuple[Any, KeyProvider]


def _lock_live(target: Path, name: str, password: str) -> _Held | None:
    """The live database opened and locked for this process alone, or None if it cannot be
    read at all (damaged: kept as raw files). Refused if another program has it open."""
    keys: KeyProvider = PlainKeys()
    if is_encrypted(target):
        unlocked = read_key_file(key_file_of(target)).unlock(name, password)
        if unlocked is None:
            raise Refused("restore.live_not_yours", where=target, name=name)
        keys = HeldKey(unlocked[1])
    errors = driver(keys)
    try:
        connection = connect_sqlite(target, keys)
    except errors.DatabaseError:
        return None
    try:
        connection.isolation_level = None
        connection.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_MS}")
        # Leaving WAL needs every other connection closed: the window, another command.
        (mode,) = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
        if str(mode).lower() != "delete":
            raise Refused("restore.in_use", where=target)
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")  # held after COMMIT in exclusive locking mode
        connection.execute("COMMIT")
    except errors.OperationalError as exc:
        connection.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise Refused("restore.in_use", where=target) from None
        return None
    except errors.DatabaseError:
        connection.close()
        return None
    except BaseException:
        connection.close()
        raise
    return connection, keys


def _keep(target: Path, held: _Held, backups: Path) -> Path | None:
    """The live database as a before-restore backup; raw files if it fails its check."""
    out = _free(backups, backup_name(datetime.now(), BEFORE_RESTORE))
    try:
        write_backup(target, held[1], out, connection=held[0])
    except DataProblem as problem:
        if problem.code not in ("backup.copy_damaged", "backup.copy_failed", "db.damaged"):
            raise
        return _keep_raw(target, backups)
    return out


def _keep_raw(target: Path, backups: Path) -> Path:
    """The live files as they are, in a folder of their own in the backup folder."""
    folder = _free(backups, backup_name(datetime.now(), BEFORE_RESTORE + "-damaged"))
    folder = folder.with_suffix("")
    try:
        folder.mkdir(mode=0o700, parents=True)
        for suffix in ("", *_JOURNALS, ".keys"):
            found = target.with_name(target.name + suffix)
            if found.exists():
                shutil.copy2(found, folder / found.name)
    except OSError as exc:
        raise as_problem(exc, folder) from exc
    log.warning("The replaced database could not be read; its files were kept as they were")
    return folder


def _free(folder: Path, name: str) -> Path:
    path = folder / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataProblem("backup.folder_unusable", path=folder, detail=exc.strerror) from None
    if path.exists() or path.with_suffix("").exists():
        raise DataProblem("backup.folder_unusable", path=path, detail="exists")
    return path


def _open_and_audit(
    target: Path, checked: _Checked, backups: Path, kept: Path | None, register: set[str]
) -> int:
    """Open the restored database as the program will (upgrading an older one), audit, and
    erase again the clients of `register` and of its own register; how many were."""
    from traumefokus.services.auth import actor_of
    from traumefokus.services.erasure import erased_ids, reapply_erasures
    from traumefokus.storage.database import open_database
    from traumefokus.storage.models import User

    try:
        db = open_database(DatabaseTarget.sqlite(target), checked.keys, backups)
        with db, db.transaction() as tx:
            user = tx.get(User, checked.user_id)
            assert user is not None
            actor = actor_of(user)
            audit.record(tx, actor, "backup.restore", revision=checked.revision)
            return reapply_erasures(tx, register | erased_ids(tx), actor)
    except DataProblem as problem:
        raise DataProblem("restore.not_opened", where=target, problem=problem, kept=kept) from None


def _temporary(folder: Path, prefix: str) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    except OSError as exc:
        raise as_problem(exc, folder) from exc
    os.close(fd)
    return Path(name)
