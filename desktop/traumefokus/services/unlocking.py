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

from collections.abc import Callable

from traumefokus.domain.actor import Actor
from traumefokus.errors import Refused
from traumefokus.services import audit
from traumefokus.services.auth import actor_of
from traumefokus.services.key_unlock import unlock_with
from traumefokus.services.password_slots import fresh_slot, needs_fresh_slot
from traumefokus.services.workspace import Workspace
from traumefokus.storage.attempts_file import Attempts, attempts_file_of
from traumefokus.storage.database import Database
from traumefokus.storage.models import User


def unlock_for_window(
    workspace: Workspace, name: str, password: str
) -> tuple[Database, Actor, Callable[[], Actor]]:
    """The window's sign-in: the database open and the user known, so that they may start
    at once, and the sign-in's writes (`signed_in_unlocked`) for the window to run off its
    thread, where they first wait for the database's integrity check (a quarter of a second
    on ten years of data). A user who is no longer active is refused here, after the
    writes."""
    return opened_for_window(workspace, unlock_with(workspace, name, password), password)


def opened_for_window(
    workspace: Workspace, user_id: str, password: str
) -> tuple[Database, Actor, Callable[[], Actor]]:
    """`unlock_for_window` once `unlock_with` has given the user's id (the window may have
    had it done on another thread while it painted)."""
    db = workspace.open()
    try:
        actor = signed_in_to_read(db, user_id)
    except Refused:
        try:
            signed_in_unlocked(db, user_id, password)  # the waiting failures in the trail
        finally:
            db.close()
        raise
    return db, actor, lambda: signed_in_unlocked(db, user_id, password)


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
