"""Users: the first administrator, adding and editing users, passwords, and the lists of
colleagues to choose from.

Users are never deleted, so that their notes and plan changes keep their name: an
administrator deactivates them instead, and they can no longer sign in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from traumefokus.domain.access import Action
from traumefokus.domain.actor import Actor
from traumefokus.domain.passwords import check_new_password, hash_password
from traumefokus.domain.users import clean_person, clean_user_name, person_label
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.auth import actor_of, confirm_password, find_user
from traumefokus.services.editing import for_edit, load
from traumefokus.services.password_slots import keep_slot
from traumefokus.storage.database import Database
from traumefokus.storage.models import SignInFailure, User


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    role: Role
    active: bool
    full_name: str | None
    title: str | None
    version: int

    @property
    def label(self) -> str:
        return person_label(self.name, self.full_name, self.title)


@dataclass(frozen=True)
class Colleague:
    """A user to choose from (a therapist for a course, a co-therapist to cover)."""

    id: str
    name: str
    label: str


def has_users(db: Database) -> bool:
    with db.reading() as tx:
        return bool(tx.scalar(select(exists().where(User.id.is_not(None)))))


def colleagues(acting: Acting, role: Role = Role.THERAPIST) -> list[Colleague]:
    """The active users of `role`, by name."""
    query = select(User).where(User.active, User.role == role.value).order_by(User.name)
    with acting.db.reading() as tx:
        return [
            Colleague(u.id, u.name, person_label(u.name, u.full_name, u.title))
            for u in tx.scalars(query)
        ]


def list_users(acting: Acting) -> list[UserRow]:
    acting.require(Action.MANAGE_USERS)
    with acting.db.reading() as tx:
        return [_row(u) for u in tx.scalars(select(User).order_by(User.name))]


def _row(user: User) -> UserRow:
    return UserRow(
        user.id,
        user.name,
        Role(user.role),
        user.active,
        user.full_name,
        user.title,
        user.version,
    )


def _taken(tx: Session) -> list[str]:
    return list(tx.scalars(select(User.name)))


def create_first_admin(
    db: Database,
    name: str,
    password: str,
    *,
    full_name: str | None = None,
    title: str | None = None,
) -> Actor:
    """The first user of an empty database; refused once any user exists."""
    name = clean_user_name(name)
    person = clean_person(full_name, title)
    encoded = hash_password(password)
    with db.transaction() as tx:
        if tx.scalar(select(func.count(User.id))):
            raise Refused("init.already_done")
        admin = User(
            name=name,
            role=Role.ADMIN.value,
            active=True,
            full_name=person[0],
            title=person[1],
            password_hash=encoded,
        )
        tx.add(admin)
        tx.flush()
        keep_slot(db, admin, new_hash=True)
        actor = actor_of(admin)
        audit.record(
            tx,
            actor,
            "user.create",
            object_type="user",
            object_id=admin.id,
            role=admin.role,
            first=True,
        )
        return actor


def add_user(
    acting: Acting,
    name: str,
    role: str,
    password: str,
    *,
    full_name: str | None = None,
    title: str | None = None,
) -> Actor:
    chosen = _role(role)
    person = clean_person(full_name, title)
    clean_user_name(name)
    check_new_password(password)
    acting.require(Action.MANAGE_USERS)
    encoded = hash_password(password)
    with acting.transaction() as tx:
        name = clean_user_name(name, _taken(tx))
        user = User(
            name=name,
            role=chosen.value,
            active=True,
            full_name=person[0],
            title=person[1],
            password_hash=encoded,
        )
        tx.add(user)
        tx.flush()
        keep_slot(acting.db, user, new_hash=True)
        audit.record(
            tx,
            acting.actor,
            "user.create",
            object_type="user",
            object_id=user.id,
            role=user.role,
        )
        return actor_of(user)


def update_user(
    acting: Acting,
    user_id: str,
    *,
    role: str,
    active: bool,
    version: int,
    full_name: str | None = None,
    title: str | None = None,
) -> None:
    """Change a user's role, full name or title, or deactivate them; the last active
    administrator stays."""
    chosen = _role(role)
    person = clean_person(full_name, title)
    acting.require(Action.MANAGE_USERS)
    with acting.transaction() as tx:
        user = for_edit(tx, User, user_id, version, "user")
        losing_admin = user.role == Role.ADMIN.value and (chosen is not Role.ADMIN or not active)
        if losing_admin and user.active:
            admins = tx.scalar(
                select(func.count(User.id)).where(User.role == Role.ADMIN.value, User.active)
            )
            if (admins or 0) <= 1:
                raise Refused("user.last_admin", name=user.name)
        before = {"role": user.role, "active": user.active}
        user.role, user.active = chosen.value, active
        user.full_name, user.title = person
        if before["active"] != active:  # a deactivated user can no longer unlock the file
            keep_slot(acting.db, user, new_hash=False)
        audit.record(
            tx,
            acting.actor,
            "user.update",
            object_type="user",
            object_id=user.id,
            before=before,
            after={"role": user.role, "active": user.active},
        )


def reset_password(acting: Acting, user_id: str, password: str) -> None:
    """An administrator gives a user a new password (they forgot theirs); the delay after
    failed sign-ins starts over."""
    check_new_password(password)
    acting.require(Action.MANAGE_USERS)
    encoded = hash_password(password)
    with acting.transaction() as tx:
        user = load(tx, User, user_id, "user")
        _set_password(acting.db, tx, acting.actor, user, encoded, "user.password_reset")


def change_own_password(acting: Acting, current: str, new: str) -> None:
    """Anyone changes their own password, knowing the current one."""
    encoded = hash_password(new)
    if not confirm_password(acting.db, acting.actor, current):
        raise Refused("auth.failed")
    with acting.transaction() as tx:
        user = tx.get(User, acting.actor.id)
        assert user is not None
        _set_password(acting.db, tx, acting.actor, user, encoded, "user.password_change")


def _set_password(
    db: Database, tx: Session, actor: Actor, user: User, encoded: str, action: str
) -> None:
    user.password_hash = encoded
    keep_slot(db, user, new_hash=True)
    failures = tx.get(SignInFailure, f"user:{user.id}")
    if failures is not None:
        tx.delete(failures)
    audit.record(tx, actor, action, object_type="user", object_id=user.id)


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise InvalidInput(
            "user.role_invalid", role=role, choices=", ".join(r.value for r in Role)
        ) from None


def find_user_id(acting: Acting, name: str) -> str:
    """The id of the user called `name` (for an administrator acting on them)."""
    acting.require(Action.MANAGE_USERS)
    with acting.db.reading() as tx:
        user = find_user(tx, name)
        if user is None:
            raise InvalidInput("user.unknown", name=name)
        return user.id
