"""Signing in to an encrypted workspace: how the command line and the program get an open
database and an acting user from a name and a password before the database can be read.

An encrypted database cannot be read before someone signs in, so its sign-in starts outside
it: the user's key slot in the key file is opened with their password (the one key
derivation of the sign-in, which is also the password check), the database opens with the key,
and the user's own record is then checked (active, audited) without a second derivation.
Failed attempts before the database is open are counted in the attempts file beside it and
reach the audit trail at the next successful unlock.
"""

from __future__ import annotations

from traumefokus.domain.actor import Actor
from traumefokus.domain.passwords import wait_left
from traumefokus.errors import Refused
from traumefokus.services import audit
from traumefokus.services.auth import actor_of
from traumefokus.services.password_slots import fresh_slot, needs_fresh_slot
from traumefokus.services.workspace import Workspace
from traumefokus.storage.attempts_file import Attempts, attempts_file_of
from traumefokus.storage.database import Database
from traumefokus.storage.key_file import key_file_of, read_key_file
from traumefokus.storage.keys import HeldKey
from traumefokus.storage.models import User
from traumefokus.storage.types import utc_now


def unlock_and_sign_in(workspace: Workspace, name: str, password: str) -> tuple[Database, Actor]:
    """A locked workspace's database, opened with the key that `name`'s password unlocks, and
    `name` signed in; Refused otherwise (exit 3), with nothing opened."""
    user_id = unlock_with(workspace, name, password)
    db = workspace.open()
    try:
        return db, signed_in_unlocked(db, user_id, password)
    except BaseException:
        db.close()
        raise


def unlock_with(workspace: Workspace, name: str, password: str) -> str:
    """The id of the user whose password opens their key slot; from then on the workspace
    holds the database key. Refused (the same answer for an unknown name) otherwise."""
    file = workspace.target.file
    assert file is not None
    keys = read_key_file(key_file_of(file))
    attempts = Attempts.load(attempts_file_of(file), saved=not workspace.read_only)
    subject = keys.name_digest(name)
    now = utc_now()
    seconds = wait_left(*attempts.failures(subject), now)
    if seconds:
        raise Refused("auth.wait", seconds=seconds)
    attempts.count(subject, now)
    found = keys.unlock(name, password)
    if found is None:
        slot = keys.slot_for_name(name)
        if slot is not None:
            attempts.failed(slot.id.removeprefix("user:"), now)
        raise Refused("auth.failed")
    attempts.clear(subject)
    slot_id, key = found
    workspace.keys = HeldKey(key)
    return slot_id.removeprefix("user:")


def signed_in_to_read(db: Database, user_id: str) -> Actor:
    """The user whose slot opened a database that can only be read, if they are still an
    active user. Nothing is written: neither this sign-in nor waiting failures can be."""
    with db.reading() as tx:
        user = tx.get(User, user_id)
        if user is None:
            raise Refused("auth.failed")
        if not user.active:
            raise Refused("user.inactive", name=user.name)
        return actor_of(user)


def signed_in_unlocked(db: Database, user_id: str, password: str) -> Actor:
    """The user whose slot opened the database, if they are still an active user; the
    failures waiting in the attempts file go into the audit trail with this sign-in, and a slot
    to be made anew (services/password_slots.py) is, from `password`."""
    file = db.target.file
    assert file is not None
    waiting = Attempts.load(attempts_file_of(file)).take_waiting()
    with db.transaction() as tx:
        for failed_id, at in waiting:
            audit.record(
                tx,
                None,
                "user.sign_in_failed",
                object_type="user",
                object_id=failed_id,
                at=at.isoformat(),
            )
        user = tx.get(User, user_id)
        actor = actor_of(user) if user is not None and user.active else None
        if actor is not None:
            audit.record(tx, actor, "user.sign_in", object_type="user", object_id=user_id)
    if actor is None:  # after the failures are in the trail
        raise Refused("user.inactive", name=user.name) if user else Refused("auth.failed")
    if needs_fresh_slot(db, user_id):
        fresh_slot(db, user_id, password)
    return actor
