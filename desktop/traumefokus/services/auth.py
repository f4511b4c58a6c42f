"""The acting user and permission checks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from traumefokus.domain.actor import Actor
from traumefokus.domain.permissions import Permission, allowed
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import Refused
from traumefokus.messages import Term
from traumefokus.storage.database import Database
from traumefokus.storage.models import User


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.name, Role(user.role))


def sign_in(db: Database, name: str) -> Actor:
    """The active user called `name` (passwords arrive with their own issue)."""
    with db.reading() as session:
        user = find_user(session, name)
        if user is None:
            raise Refused("user.unknown", name=name)
        if not user.active:
            raise Refused("user.inactive", name=name)
        return actor_of(user)


def find_user(session: Session, name: str) -> User | None:
    return session.scalars(select(User).where(User.name == name)).one_or_none()


def require(actor: Actor, permission: Permission) -> None:
    if not allowed(actor.role, permission):
        raise Refused(
            "permission.denied",
            name=actor.name,
            role=Term(f"role.{actor.role.value}"),
            action=Term(f"action.{permission.value}"),
        )
