"""Signing in: the one way the command line and the program become an acting user.

A wrong password and an unknown name give the same answer and take the same time. Every
attempt is counted before the password is checked, in one write transaction at a time, so that
neither a restart nor attempts side by side escape the growing delay; a success clears the
count. Attempts are counted per user (and per name, for names that are nobody's). The password
check itself runs outside any transaction: it takes a third of a second on purpose, and nobody
else should wait for it.

Users from before passwords existed have none. Until some administrator has a password, an
administrator without one chooses theirs at sign-in (the upgrade's first step); everyone else
without one is refused until an administrator gives them one.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from traumefokus.domain.actor import Actor
from traumefokus.domain.passwords import hash_password, needs_rehash, verify_password, wait_left
from traumefokus.domain.users import MAX_NAME_LENGTH, normalise_user_name, person_label
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import Refused
from traumefokus.services import audit
from traumefokus.services.password_slots import keep_slot, key_file, needs_fresh_slot
from traumefokus.storage.clock import utc_now
from traumefokus.storage.database import Database
from traumefokus.storage.key_file import read_key_file
from traumefokus.storage.key_slots import user_slot_id
from traumefokus.storage.models import SignInFailure, User


class PasswordNotSet(Refused):
    """An administrator from before passwords, before any has one: they choose it now
    (`set_first_password`)."""


def actor_of(user: User) -> Actor:
    label = person_label(user.name, user.full_name, user.title)
    return Actor(user.id, user.name, Role(user.role), label)


def find_user(tx: Session, name: str) -> User | None:
    """The user whose (normalised) name this is, exactly."""
    key = normalise_user_name(name)
    if len(key) > MAX_NAME_LENGTH:
        return None
    return tx.scalars(select(User).where(User.name == key)).one_or_none()


def sign_in(db: Database, name: str, password: str) -> Actor:
    """The active user `name`, if `password` is theirs; Refused otherwise (exit 3)."""
    with db.transaction() as tx:
        user = find_user(tx, name)
        if user is not None and user.password_hash is None:
            _refuse_without_password(tx, user)
        subject = _subject(user, name)
        _count_attempt(tx, subject)
        user_id, encoded = (user.id, user.password_hash) if user else (None, None)
    if not _password_matches(db, user_id, name, encoded, password) or user_id is None:
        _record_failure(db, user_id)
        raise Refused("auth.failed")
    with db.transaction() as tx:
        _clear_attempts(tx, subject)
        user = tx.get(User, user_id)
        assert user is not None
        if not user.active:
            raise Refused("user.inactive", name=user.name)
        if user.password_hash and needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)  # stronger parameters since
            keep_slot(db, user, new_hash=True)
        elif needs_fresh_slot(db, user.id):  # a slot a plain copy's hash could open
            user.password_hash = hash_password(password)
            keep_slot(db, user, new_hash=True)
        audit.record(tx, actor_of(user), "user.sign_in", object_type="user", object_id=user.id)
        return actor_of(user)


def confirm_password(db: Database, actor: Actor, password: str) -> bool:
    """Whether `password` is the signed-in user's own (unlocking after the idle lock,
    changing one's password): counted and delayed like signing in."""
    subject = f"user:{actor.id}"
    with db.transaction() as tx:
        _count_attempt(tx, subject)
        user = tx.get(User, actor.id)
        encoded = user.password_hash if user is not None and user.active else None
    if not _password_matches(db, actor.id if encoded else None, actor.name, encoded, password):
        _record_failure(db, actor.id)
        return False
    with db.transaction() as tx:
        _clear_attempts(tx, subject)
    return True


def _password_matches(
    db: Database, user_id: str | None, name: str, encoded: str | None, password: str
) -> bool:
    """The password check: the user's key slot in an encrypted database (the slot is the
    truth there), else their hash. An unknown user costs the same either way."""
    path = key_file(db)
    if path is None:
        return verify_password(encoded, password)
    found = read_key_file(path).unlock(name, password)
    return found is not None and user_id is not None and found[0] == user_slot_id(user_id)


def set_first_password(db: Database, name: str, password: str) -> Actor:
    """An administrator from before passwords chooses theirs, while no administrator has
    one yet (the first sign-in after the upgrade)."""
    encoded = hash_password(password)
    with db.transaction() as tx:
        user = find_user(tx, name)
        if user is None or user.password_hash is not None or not _first_admin(tx, user):
            raise Refused("auth.failed")
        if not user.active:
            raise Refused("user.inactive", name=user.name)
        user.password_hash = encoded
        keep_slot(db, user, new_hash=True)
        audit.record(tx, actor_of(user), "user.password_set", object_type="user", object_id=user.id)
        return actor_of(user)


def _refuse_without_password(tx: Session, user: User) -> None:
    if _first_admin(tx, user):
        raise PasswordNotSet("auth.choose_password", name=user.name)
    raise Refused("auth.no_password", name=user.name)


def _first_admin(tx: Session, user: User) -> bool:
    """An administrator, while no administrator has a password yet."""
    with_password = exists().where(User.role == Role.ADMIN.value, User.password_hash.is_not(None))
    return user.role == Role.ADMIN.value and not tx.scalar(select(with_password))


def _subject(user: User | None, name: str) -> str:
    """Whose attempts these are: the user's, or (a name that is nobody's) the name's."""
    if user is not None:
        return f"user:{user.id}"
    digest = hashlib.sha256(normalise_user_name(name).encode("utf-8", "surrogatepass"))
    return f"name:{digest.hexdigest()[:40]}"


def _count_attempt(tx: Session, subject: str) -> None:
    """Refuse while the delay after earlier failures lasts; else count this attempt now, as
    if it failed (a success clears the count)."""
    now = utc_now()
    row = tx.get(SignInFailure, subject)
    if row is None:
        tx.add(SignInFailure(subject=subject, failures=1, last_failure_at=now))
        return
    seconds = wait_left(row.failures, row.last_failure_at, now)
    if seconds:
        raise Refused("auth.wait", seconds=seconds)
    row.failures += 1
    row.last_failure_at = now


def _clear_attempts(tx: Session, subject: str) -> None:
    row = tx.get(SignInFailure, subject)
    if row is not None:
        tx.delete(row)


def _record_failure(db: Database, user_id: str | None) -> None:
    """A wrong password for a user goes into the audit trail (nothing for unknown names)."""
    if user_id is None:
        return
    with db.transaction() as tx:
        audit.record(tx, None, "user.sign_in_failed", object_type="user", object_id=user_id)
