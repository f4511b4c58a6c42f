"""Encryption at rest of a SQLite database: a new database is encrypted from its first byte,
and one from before encryption when it is upgraded.

The database key stands for a recovery key made at the same moment (storage/key_slots.py),
which is returned to be shown once and is never stored; the key file is written, empty, before
the database, so that an encrypted database never exists without one. Each user's slot is
added when their password is set (services/password_slots.py).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from traumefokus.domain.access import Action
from traumefokus.domain.actor import Actor
from traumefokus.domain.passwords import hash_password
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import DataProblem, InvalidInput, Refused, TraumefokusError
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.auth import actor_of, find_user
from traumefokus.services.workspace import Workspace
from traumefokus.storage.backup import SUFFIX, parse_name, write_backup
from traumefokus.storage.backup_file import extract_database, open_backup
from traumefokus.storage.clock import utc_now
from traumefokus.storage.connect import connect_sqlite
from traumefokus.storage.database import Database, open_database
from traumefokus.storage.encrypt_file import InUse, encrypt_into, is_plain, replace_with
from traumefokus.storage.file_lock import exclusive, lock_file_of
from traumefokus.storage.key_file import KeyFile, read_key_file, write_key_file
from traumefokus.storage.key_slots import (
    database_key,
    new_recovery_key,
    normalise_recovery_key,
    slot_from_hash,
    user_slot_id,
)
from traumefokus.storage.keys import HeldKey, PlainKeys
from traumefokus.storage.models import InstallationSecret, User
from traumefokus.storage.side_files import key_file_of

log = logging.getLogger(__name__)


def create_encrypted(
    workspace: Workspace, *, refusal: str = "init.already_done"
) -> tuple[Database, str]:
    """A new, empty, encrypted database in the workspace and its recovery key; `refusal` if
    there is a database already. A server database is created as before (its server protects
    it at rest), with no recovery key."""
    file = workspace.target.file
    if file is None:
        return workspace.open(create=True), ""
    if file.exists() and file.stat().st_size > 0:
        if not _abandoned(file):
            raise Refused(refusal)
        for leftover in (file, key_file_of(file), *(Path(f"{file}{j}") for j in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    recovery = new_recovery_key()
    workspace.data_dir.ensure()
    keys_path = key_file_of(file)
    write_key_file(keys_path, KeyFile())
    workspace.keys = HeldKey(database_key(recovery))
    try:
        return workspace.open(create=True), recovery
    except DataProblem:
        for leftover in (file, keys_path):  # nothing half made stays behind
            leftover.unlink(missing_ok=True)
        raise


def _abandoned(file: Path) -> bool:
    """A database nothing was ever kept in, which may be made anew, encrypted: an encrypted
    one whose key file has no slot (a first set-up cut short before its administrator was
    made), or a plain one without users, clients or courses (one from before encryption that
    never got its first user)."""
    if is_plain(file):
        connection = connect_sqlite(file, PlainKeys(), read_only=True)
        try:
            return not any(
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("users", "clients", "courses")
            )
        except sqlite3.Error:
            return False
        finally:
            connection.close()
    try:
        return not read_key_file(key_file_of(file)).slots
    except DataProblem:
        return False


OPENING_WAIT_SECONDS = 60  # for another program to finish encrypting (about 1 s per 50 MB)
PENDING = "encrypt_pending"  # set by the upgrade to 0009 on a plain database with users
RECOVERY_PENDING = "recovery_key_pending"  # shown to the next administrator, then removed
BACKUPS_PENDING = "backups_pending"  # plain backup copies still to be encrypted


def encrypt_if_marked(workspace: Workspace, db: Database) -> Database:
    """The database, encrypted now if the upgrade marked it and it can be: an active
    administrator has a password to make a key slot from, no other program has the file open
    and none is encrypting it (else it stays plain until a later opening). Every user with a
    password gets a slot from their hash; the recovery key waits inside the encrypted database
    for the next administrator to sign in; plain backup copies are encrypted too (at a later
    opening if this one is cut short)."""
    file = db.target.file
    if file is None:
        return db
    if db.keys.key() is not None:
        _finish_backups(workspace, db)
        return db
    with db.reading() as tx:
        if tx.get(InstallationSecret, PENDING) is None:
            return db
        users = [
            (u.id, u.name, u.role, u.password_hash)
            for u in tx.scalars(select(User).where(User.active, User.password_hash.is_not(None)))
        ]
    if not any(role == Role.ADMIN.value for _id, _name, role, _hash in users):
        log.info("Encryption waits for an administrator with a password")
        return db
    db.close()  # the caller holds the lock (plain_opening): no other program opens it now
    key = _encrypt(file, users)
    if key is None:
        return open_database(workspace.target, workspace.keys, workspace.data_dir.backups)
    log.info("Database encrypted")
    workspace.keys = HeldKey(key)
    workspace.just_encrypted = True
    return workspace.open()  # which encrypts the plain backup copies (_finish_backups)


@contextmanager
def plain_opening(workspace: Workspace) -> Iterator[None]:
    """Opening a plain SQLite file, one program at a time: a program that encrypts it holds the
    same lock, so no other one opens the plain file meanwhile (its writes would be lost when
    the encrypted copy takes the file's place), and one that opened it before is seen by the
    encryption's check. A program that waited and finds the file encrypted meanwhile is told
    to sign in again; one that waited too long is told to try again."""
    file = workspace.target.file
    if file is None or workspace.keys.key() is not None or not is_plain(file):
        yield
        return
    with exclusive(lock_file_of(file), wait=OPENING_WAIT_SECONDS) as had:
        if not had:
            raise Refused("db.being_encrypted", where=workspace.where)
        if not is_plain(file):
            raise Refused("db.encrypted_meanwhile", where=workspace.where)
        yield


def _encrypt(file: Path, users: list[tuple[str, str, str, str | None]]) -> bytes | None:
    """Encrypt `file` into a copy of this program's own, check it, and put it in its place
    with the key file; the database key, or None if it stays plain for now (logged)."""
    import sqlcipher3

    recovery = new_recovery_key()
    key = database_key(recovery)
    copy = _own_temporary(file.parent, ".traumefokus-encrypting-")
    try:
        copy.unlink()  # SQLCipher makes it anew; the name stays this program's alone
        encrypt_into(file, copy, key)
        _mark_done(copy, key, recovery)
        keys = KeyFile()
        for user_id, name, _role, encoded in users:  # hashes the plain copies hold too
            slot = slot_from_hash(key, user_slot_id(user_id), encoded or "")
            if slot is not None:
                keys = keys.with_slot(replace(slot, from_hash=True), name)
        write_key_file(key_file_of(file), keys)
        replace_with(file, copy)
    except (InUse, PermissionError):  # PermissionError: Windows will not replace an open file
        log.info("Encryption waits: another program has the database open")
        return None
    except (DataProblem, OSError, sqlcipher3.Error) as exc:  # a full disk, say: still plain
        log.warning("Encryption postponed (%s)", type(exc).__name__)
        return None
    finally:
        copy.unlink(missing_ok=True)
    return key


def _own_temporary(folder: Path, prefix: str) -> Path:
    """A new file name in `folder` no other program uses (made with O_EXCL), ending in .tmp so
    that what a killed program leaves is cleaned up later (storage/backup.py)."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(name)


def _finish_backups(workspace: Workspace, db: Database) -> None:
    """An encrypted database whose plain backup copies are not all encrypted yet (the program
    that encrypted it may have been cut short): encrypt them now, then clear the mark."""
    key = db.keys.key()
    with db.reading() as tx:
        pending = tx.get(InstallationSecret, BACKUPS_PENDING) is not None
    if not pending or key is None:
        return
    if _encrypt_backups(workspace, key):
        with db.transaction() as tx:
            found = tx.get(InstallationSecret, BACKUPS_PENDING)
            if found is not None:
                tx.delete(found)


def _mark_done(copy: Path, key: bytes, recovery: str) -> None:
    connection = connect_sqlite(copy, HeldKey(key))
    now = utc_now().isoformat(sep=" ")
    try:
        with connection:
            connection.execute("DELETE FROM installation_secrets WHERE name = ?", (PENDING,))
            connection.executemany(
                "INSERT INTO installation_secrets (name, value, created_at) VALUES (?, ?, ?)",
                [(RECOVERY_PENDING, recovery, now), (BACKUPS_PENDING, "1", now)],
            )
    finally:
        connection.close()


def _encrypt_backups(workspace: Workspace, key: bytes) -> bool:
    """No plain copy remains: every plain backup, in the data directory's backups/ and in the
    backup folder chosen in the settings, is encrypted in place under the same key, with the
    key file inside; whether every one is (one that cannot be is left as it is, logged, and
    tried again at the next opening)."""
    from traumefokus.services.backups import backup_plan
    from traumefokus.settings import Settings

    data_dir = workspace.data_dir
    chosen = backup_plan(Settings.load(data_dir.settings), data_dir).folder
    whole = True
    for folder in dict.fromkeys((data_dir.backups, chosen)):
        if not folder.is_dir():
            continue
        for backup in sorted(folder.iterdir()):
            try:
                if backup.suffix == SUFFIX and parse_name(backup) is not None:
                    _encrypt_archive(workspace, backup, key)
                elif backup.suffix == ".db" and is_plain(backup):
                    _encrypt_file(workspace, backup, key)
            except (InUse, OSError, TraumefokusError) as exc:
                log.warning("A backup copy could not be encrypted (%s)", type(exc).__name__)
                whole = False
    return whole


def _encrypt_file(workspace: Workspace, backup: Path, key: bytes) -> None:
    """A plain database file (a copy from before backups were archives), encrypted in place."""
    copy = _own_temporary(backup.parent, ".traumefokus-encrypting-")
    try:
        copy.unlink()
        encrypt_into(backup, copy, key)
        replace_with(backup, copy)
    finally:
        copy.unlink(missing_ok=True)


def _encrypt_archive(workspace: Workspace, backup: Path, key: bytes) -> None:
    """A plain backup archive made anew, encrypted and with the key file, under its name. Its
    database is unpacked in the data directory (never on a backup share), under a name a
    killed program's leftovers are cleaned up by."""
    if open_backup(backup).encrypted:
        return
    live = workspace.target.file
    assert live is not None
    plain = _own_temporary(workspace.data_dir.root, ".traumefokus-plain-")
    encrypted = _own_temporary(workspace.data_dir.root, ".traumefokus-encrypting-")
    keys = key_file_of(encrypted)
    try:
        extract_database(open_backup(backup), plain)
        encrypted.unlink()
        encrypt_into(plain, encrypted, key)
        write_key_file(keys, read_key_file(key_file_of(live)))
        write_backup(encrypted, HeldKey(key), backup)
    finally:
        for leftover in (plain, encrypted, keys):
            leftover.unlink(missing_ok=True)


def pending_recovery_key(acting: Acting) -> str | None:
    """The recovery key of a database encrypted at its upgrade, for an administrator to keep;
    None when there is none waiting or the user is not an administrator."""
    if not acting.may(Action.MANAGE_USERS):
        return None
    with acting.db.reading() as tx:
        found = tx.get(InstallationSecret, RECOVERY_PENDING)
        return found.value if found is not None else None


def recovery_key_kept(acting: Acting) -> None:
    """The administrator has printed or written down the recovery key: it is removed."""
    acting.require(Action.MANAGE_USERS)
    with acting.transaction() as tx:
        found = tx.get(InstallationSecret, RECOVERY_PENDING)
        if found is not None:
            tx.delete(found)
            audit.record(tx, acting.actor, "encryption.recovery_key_kept")


def recover(workspace: Workspace, recovery_key: str, admin: str, password: str) -> Actor:
    """Every password, or the key file, lost: the recovery key opens the database, the
    administrator `admin` gets the new `password`, and the key file is made anew from every
    active user's password (so that the others keep theirs)."""
    file = workspace.target.file
    typed = normalise_recovery_key(recovery_key)
    if file is None or not file.exists():
        raise DataProblem("db.missing", where=workspace.where)
    if typed is None:
        raise InvalidInput("recovery.key_invalid")
    encoded = hash_password(password)
    key = database_key(typed)
    workspace.keys = HeldKey(key)
    try:
        db = workspace.open()
    except DataProblem as problem:
        if problem.code == "db.corrupt":  # the key does not open it
            raise Refused("recovery.key_wrong") from None
        raise
    with db, db.transaction() as tx:
        user = find_user(tx, admin)
        if user is None or user.role != Role.ADMIN.value or not user.active:
            raise Refused("recovery.not_admin", name=admin)
        user.password_hash = encoded
        keys = KeyFile()
        for other in tx.scalars(select(User).where(User.active, User.password_hash.is_not(None))):
            slot = slot_from_hash(key, user_slot_id(other.id), other.password_hash or "")
            if slot is not None:  # the others' hashes may be a plain copy's
                keys = keys.with_slot(replace(slot, from_hash=other is not user), other.name)
        write_key_file(key_file_of(file), keys)
        actor = actor_of(user)
        audit.record(tx, actor, "user.password_recovered", object_type="user", object_id=user.id)
        return actor
