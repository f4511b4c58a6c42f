"""Signing in: the one way the command line and the program become an acting user.

A wrong password and an unknown name give the same answer and take the same time. Failures
in a row are kept in the database, so that the growing delay after them survives a restart.
The password check runs outside any transaction: it takes a third of a second on purpose, and
nobody else should wait for it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from traumefokus.domain.actor import Actor
from traumefokus.domain.passwords import (
    hash_password,
    needs_rehash,
    verify_password,
    wait_left,
)
from traumefokus.domain.users import MAX_NAME_LENGTH, normalise_user_name, person_label
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import Refused
from traumefokus.services import audit
from traumefokus.storage.database import Database
from traumefokus.storage.models import SignInFailure, User
from traumefokus.storage.types import utc_now


class PasswordNotSet(Refused):
    """The user dates from before passwords: they choose one now (`set_first_password`)."""


def actor_of(user: User) -> Actor:
    return Actor(
        user.id, user.name, Role(user.role), person_label(user.name, user.full_name, user.title)
    )


def find_user(session: Session, name: str) -> User | None:
    return session.scalars(select(User).where(User.name == normalise_user_name(name))).one_or_none()


def sign_in(db: Database, name: str, password: str) -> Actor:
    """The active user `name`, if `password` is theirs; Refused otherwise (exit 3)."""
    key = normalise_user_name(name)[:MAX_NAME_LENGTH]
    with db.reading() as session:
        _refuse_while_waiting(session, key)
        user = find_user(session, key)
        encoded = user.password_hash if user else None
        if user is not None and encoded is None:
            raise PasswordNotSet("auth.choose_password", name=user.name)
    if not verify_password(encoded, password) or user is None:
        _record_failure(db, key)
        raise Refused("auth.failed")
    if not user.active:
        raise Refused("user.inactive", name=user.name)
    with db.transaction() as session:
        _clear_failures(session, key)
        current = session.get(User, user.id)
        if current is not None and current.password_hash and needs_rehash(current.password_hash):
            current.password_hash = hash_password(password)  # stronger parameters since
        audit.record(session, actor_of(user), "user.sign_in", object_type="user", object_id=user.id)
    return actor_of(user)


def set_first_password(db: Database, name: str, password: str) -> Actor:
    """A user from before passwords chooses theirs at their first sign-in since."""
    encoded = hash_password(password)
    with db.transaction() as session:
        user = find_user(session, name)
        if user is None or user.password_hash is not None:
            raise Refused("auth.failed")
        if not user.active:
            raise Refused("user.inactive", name=user.name)
        user.password_hash = encoded
        audit.record(
            session, actor_of(user), "user.password_set", object_type="user", object_id=user.id
        )
        return actor_of(user)


def check_password(db: Database, actor: Actor, password: str) -> bool:
    """Whether `password` is the signed-in user's own (unlocking after the idle lock)."""
    with db.reading() as session:
        user = session.get(User, actor.id)
        encoded = user.password_hash if user and user.active else None
    return verify_password(encoded, password) and encoded is not None


def _refuse_while_waiting(session: Session, key: str) -> None:
    failure = session.get(SignInFailure, key)
    if failure is None:
        return
    seconds = wait_left(failure.failures, failure.last_failure_at, utc_now())
    if seconds:
        raise Refused("auth.wait", seconds=seconds)


def _record_failure(db: Database, key: str) -> None:
    with db.transaction() as session:
        failure = session.get(SignInFailure, key)
        if failure is None:
            session.add(SignInFailure(name=key, failures=1, last_failure_at=utc_now()))
        else:
            failure.failures += 1
            failure.last_failure_at = utc_now()


def _clear_failures(session: Session, key: str) -> None:
    failure = session.get(SignInFailure, key)
    if failure is not None:
        session.delete(failure)
