"""Users: the first administrator, and the list to sign in from."""

from __future__ import annotations

from sqlalchemy import exists, func, select

from traumefokus.domain.actor import Actor
from traumefokus.domain.users import clean_user_name
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import Refused
from traumefokus.services import audit
from traumefokus.services.auth import actor_of
from traumefokus.storage.database import Database
from traumefokus.storage.models import User


def has_users(db: Database) -> bool:
    with db.reading() as session:
        return bool(session.scalar(select(exists().where(User.id.is_not(None)))))


def active_users(db: Database) -> list[Actor]:
    with db.reading() as session:
        users = session.scalars(select(User).where(User.active).order_by(User.name))
        return [actor_of(user) for user in users]


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
