"""The acting-user context every service runs in: the database, the content library and the
signed-in user (Anki's `Collection` is the model), and the one place where the access rules of
`domain/access.py` are enforced.

A service loads what it acts on, then asks here whether this user may do this with it: a
course of their own, one they cover for a colleague, or another therapist's. A refusal is a
`Refused` error (exit 3) and nothing has changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, exists, not_, or_, select, union
from sqlalchemy.orm import Session

from traumefokus.domain.access import Action, Relation, allowed_on_course, may
from traumefokus.domain.actor import Actor
from traumefokus.errors import Refused
from traumefokus.messages import Term
from traumefokus.paths import DataDir
from traumefokus.storage.database import Database
from traumefokus.storage.models import Client, Course, CourseCover

if TYPE_CHECKING:
    from traumefokus.content.library import ContentLibrary


@dataclass(frozen=True)
class Acting:
    db: Database
    library: ContentLibrary
    actor: Actor
    data_dir: DataDir

    # --- units of work ----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work of this user's (`Database.transaction`): every row with a version it
        inserts or changes is stamped with this user and the moment (storage/database.py),
        inside a batch too, where several users' calls share one transaction (the demo)."""
        with self.db.transaction(actor=self.actor.id) as tx:
            yield tx

    # --- the installation -------------------------------------------------------------------
    def may(self, action: Action, relation: Relation = Relation.NONE) -> bool:
        return may(self.actor.role, action, relation)

    def require(self, action: Action, relation: Relation = Relation.NONE) -> None:
        if not self.may(action, relation):
            raise self.refusal(action, relation)

    # --- courses ----------------------------------------------------------------------------
    def course_relation(self, course: Course) -> Relation:
        if course.therapist_id == self.actor.id:
            return Relation.OWN
        if any(cover.user_id == self.actor.id for cover in course.covers):
            return Relation.COVERING
        return Relation.OTHER

    def require_course(self, course: Course, action: Action) -> None:
        self.require(action, self.course_relation(course))

    def course_actions(self, course: Course) -> frozenset[Action]:
        """What this user may do with `course`: screens offer exactly these."""
        return allowed_on_course(self.actor.role, self.course_relation(course))

    def readable_courses(self) -> ColumnElement[bool]:
        """A filter for queries over courses: those this user may read."""
        if self.may(Action.READ, Relation.OTHER):
            return Course.id.is_not(None)
        if not self.may(Action.READ, Relation.OWN):
            return Course.id.is_(None)
        return _mine(self.actor.id)

    def course_ids_for(self, action: Action) -> Select[Any] | CompoundSelect[Any]:
        """The ids of the courses this user may do `action` with (own, covered, other
        therapists' as the rules say), as a subquery each part of which an index answers."""
        if self.may(action, Relation.OTHER):
            return select(Course.id)
        parts: list[Select[Any]] = []
        if self.may(action, Relation.OWN):
            parts.append(select(Course.id).where(Course.therapist_id == self.actor.id))
        if self.may(action, Relation.COVERING):
            parts.append(select(CourseCover.course_id).where(CourseCover.user_id == self.actor.id))
        if not parts:
            return select(Course.id).where(Course.id.is_(None))
        return parts[0] if len(parts) == 1 else union(*parts)

    # --- clients ----------------------------------------------------------------------------
    def client_relation(self, tx: Session, client_id: str) -> Relation:
        """OWN: the client has a course of this user's (or one they cover); UNASSIGNED: no
        course yet; OTHER: only other therapists' courses."""
        mine = exists().where(Course.client_id == client_id, _mine(self.actor.id))
        if tx.scalar(select(mine)):
            return Relation.OWN
        if tx.scalar(select(exists().where(Course.client_id == client_id))):
            return Relation.OTHER
        return Relation.UNASSIGNED

    def require_client(self, tx: Session, client_id: str, action: Action) -> None:
        self.require(action, self.client_relation(tx, client_id))

    def visible_clients(self) -> ColumnElement[bool]:
        """A filter for queries over clients: those this user may see."""
        if self.may(Action.SEE_CLIENT, Relation.OTHER):
            return Client.id.is_not(None)
        if not self.may(Action.SEE_CLIENT, Relation.OWN):
            return Client.id.is_(None)
        any_course = exists().where(Course.client_id == Client.id)
        mine = exists().where(Course.client_id == Client.id, _mine(self.actor.id))
        return or_(mine, not_(any_course))

    # --- files the program must never overwrite ---------------------------------------------
    def protected_paths(self) -> frozenset[Path]:
        files = [self.data_dir.settings]
        database = self.db.target.file
        if database is not None:
            suffixes = ("", "-wal", "-shm", "-journal", ".keys", ".attempts", ".open", ".lock")
            files += [Path(f"{database}{suffix}") for suffix in suffixes]
        return frozenset(f.resolve() for f in files)

    def refusal(self, action: Action, relation: Relation = Relation.NONE) -> Refused:
        """Why this user may not do `action` here: the thing is someone else's (when they may
        do it with their own), or their role never may."""
        theirs_only = relation is Relation.OTHER and self.may(action, Relation.OWN)
        code = "access.not_yours" if theirs_only else "access.denied"
        return Refused(
            code,
            name=self.actor.name,
            role=Term(f"role.{self.actor.role.value}"),
            action=Term(f"action.{action.value}"),
        )


def _mine(user_id: str) -> ColumnElement[bool]:
    """Courses whose therapist is `user_id`, or which they cover."""
    covered = exists().where(CourseCover.course_id == Course.id, CourseCover.user_id == user_id)
    return or_(Course.therapist_id == user_id, covered)
