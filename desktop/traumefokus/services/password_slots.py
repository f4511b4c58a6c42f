"""An encrypted database's key file kept in step with its users: whoever has a password and is
active has a key slot that their password opens, and nobody else has one (a deactivated user
can no longer unlock the file, even with a copy of it made afterwards).

A slot is made from the user's password hash (storage/key_slots.py `slot_from_hash`), so that
setting a password costs one key derivation, as before encryption. The key file is written
inside the unit of work that changed the user: the database's write lock makes writers of the
key file wait for one another, on this machine and across programs.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from traumefokus.domain.passwords import hash_password
from traumefokus.errors import DataProblem
from traumefokus.storage import key_slots
from traumefokus.storage.database import Database
from traumefokus.storage.key_file import read_key_file, write_key_file
from traumefokus.storage.key_slots import slot_from_hash, user_slot_id
from traumefokus.storage.models import User
from traumefokus.storage.side_files import key_file_of

log = logging.getLogger(__name__)


def key_file(db: Database) -> Path | None:
    """The key file of an encrypted database; None for a plain or server one."""
    if db.target.file is None or db.keys.key() is None:
        return None
    return key_file_of(db.target.file)


def keep_slot(db: Database, user: User, *, new_hash: bool) -> None:
    """After `user`'s password or activity changed, in the same unit of work: their slot
    matches (a new one from their hash, or none). `new_hash`: the hash was just made from the
    password; otherwise (a reactivation) it may be one a plain copy holds, and the slot is
    made anew at the user's next sign-in."""
    path = key_file(db)
    key = db.keys.key()
    if path is None or key is None:
        return
    keys = read_key_file(path)
    slot_id = user_slot_id(user.id)
    slot = (
        slot_from_hash(key, slot_id, user.password_hash)
        if user.active and user.password_hash
        else None
    )
    if user.active and user.password_hash and slot is None:
        raise DataProblem("keys.hash_unusable", user=user.id)
    if slot is not None and not new_hash:
        slot = replace(slot, from_hash=True)
    write_key_file(path, keys.with_slot(slot, user.name) if slot else keys.without_slot(slot_id))


def needs_fresh_slot(db: Database, user_id: str) -> bool:
    """Whether the user's slot is to be made anew at this sign-in: made from a hash a plain
    copy may hold, or with a weaker cost than this version's."""
    path = key_file(db)
    if path is None:
        return False
    slot = read_key_file(path).slot(user_slot_id(user_id))
    return slot is not None and (slot.from_hash or slot.kdf.weaker_than(key_slots.DEFAULT_KDF))


def fresh_slot(db: Database, user_id: str, password: str) -> None:
    """A new password hash (a new salt, today's cost) and the slot made from it, in one unit of
    work: the key file is re-read and written under the database's write lock."""
    encoded = hash_password(password)  # the one extra derivation, before the lock is taken
    try:
        with db.transaction() as tx:
            user = tx.get(User, user_id)
            if user is not None and user.active:
                user.password_hash = encoded
                keep_slot(db, user, new_hash=True)
    except DataProblem as problem:  # a full disk, say: the old slot stays, tried next time
        log.warning("A key slot was not made anew (%s)", problem.code)
