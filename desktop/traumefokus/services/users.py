"""Users: the first administrator, adding and editing users, and the lists to choose from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func, select

from traumefokus.domain.actor import Actor
from traumefokus.domain.permissions import Permission
from traumefokus.domain.users import clean_user_name
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services.auth import actor_of, require
from traumefokus.services.editing import for_edit
from traumefokus.storage.database import Database
from traumefokus.storage.models import User


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    role: Role
    active: bool
    version: int


def has_users(db: Database) -> bool:
    with db.reading() as session:
        return bool(session.scalar(select(exists().where(User.id.is_not(None)))))


def active_users(db: Database, role: Role | None = None) -> list[Actor]:
    query = select(User).where(User.active).order_by(User.name)
    if role is not None:
        query = query.where(User.role == role.value)
    with db.reading() as session:
        return [actor_of(user) for user in session.scalars(query)]


def list_users(db: Database, actor: Actor) -> list[UserRow]:
    require(actor, Permission.MANAGE_USERS)
    with db.reading() as session:
        return [
            UserRow(u.id, u.name, Role(u.role), u.active, u.version)
            for u in session.scalars(select(User).order_by(User.name))
        ]


def create_first_admin(db: Database, name: str) -> Actor:
    """The first user of an empty database; refused once any user exists."""
    name = clean_user_name(name)
    with db.transaction() as session:
        if session.scalar(select(func.count(User.id))):
            raise Refused("init.already_done")
        admin = User(name=name, role=Role.ADMIN.value, active=True)
        session.add(admin)
        session.flush()
        actor = actor_of(admin)
        audit.record(
            session,
            actor,
            "user.create",
            object_type="user",
            object_id=admin.id,
            name=name,
            role=admin.role,
            first=True,
        )
        return actor


def add_user(db: Database, actor: Actor, name: str, role: str) -> Actor:
    require(actor, Permission.MANAGE_USERS)
    name = clean_user_name(name)
    chosen = _role(role)
    with db.transaction() as session:
        # Unique regardless of case, so that "Anna" and "anna" are never two people.
        if session.scalar(select(exists().where(func.lower(User.name) == name.lower()))):
            raise InvalidInput("user.exists", name=name)
        user = User(name=name, role=chosen.value, active=True)
        session.add(user)
        session.flush()
        audit.record(
            session,
            actor,
            "user.create",
            object_type="user",
            object_id=user.id,
            name=name,
            role=user.role,
        )
        return actor_of(user)


def update_user(
    db: Database, actor: Actor, user_id: str, *, role: str, active: bool, version: int
) -> None:
    """Change a user's role or deactivate them; the last active administrator stays."""
    require(actor, Permission.MANAGE_USERS)
    chosen = _role(role)
    with db.transaction() as session:
        user = for_edit(session, User, user_id, version, "user")
        losing_admin = user.role == Role.ADMIN.value and (chosen is not Role.ADMIN or not active)
        if losing_admin and user.active:
            admins = session.scalar(
                select(func.count(User.id)).where(User.role == Role.ADMIN.value, User.active)
            )
            if admins <= 1:
                raise Refused("user.last_admin", name=user.name)
        before = {"role": user.role, "active": user.active}
        user.role, user.active = chosen.value, active
        audit.record(
            session,
            actor,
            "user.update",
            object_type="user",
            object_id=user.id,
            before=before,
            after={"role": user.role, "active": user.active},
        )


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise InvalidInput(
            "user.role_invalid", role=role, choices=", ".join(r.value for r in Role)
        ) from None
