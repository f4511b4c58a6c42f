"""Loading a row by its id, and a row that a user is about to change, as they last saw it."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session, object_session

from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term
from traumefokus.storage.base import Versioned
from traumefokus.storage.models import User

Row = TypeVar("Row")
Edited = TypeVar("Edited", bound=Versioned)  # a row that carries its version


def load(tx: Session, model: type[Row], row_id: str, name: str) -> Row:
    """The row `row_id`, or InvalidInput "`name`.unknown_id" (the catalogue's word for it)."""
    row = tx.get(model, row_id)
    if row is None:
        raise InvalidInput(f"{name}.unknown_id")
    return row


def check_version(row: Versioned, version: int, name: str) -> None:
    """Someone else's change since `version` (on a shared database) is refused rather than
    silently overwritten. The row is locked and read again first (SELECT ... FOR UPDATE on
    PostgreSQL; a SQLite writer holds the whole file already): of two programs saving it at
    the same moment, the second waits for the first and is told its name, never a bare
    "changed by someone" from the UPDATE that found its version gone."""
    tx = object_session(row)
    if row.version == version and tx is not None and not tx.is_modified(row):
        tx.refresh(row, with_for_update=True)
    if row.version != version:
        raise conflict(row, name)


def check_seen(row: Versioned, version: int | None, name: str) -> None:
    """`check_version` when the caller names the version it showed (a screen does; the CLI
    and the demo, which act on what they have just read, need not)."""
    if version is not None:
        check_version(row, version, name)


def conflict(row: Versioned, name: str) -> Refused:
    """The refusal of a change to `row` made from an older version: "changed by NAME at
    TIME" (`db.conflict_by`, with the facts `who` and `at` for a screen of its own) when the
    row says who saved it last, else the plain "changed by someone else"."""
    what = Term(f"object.{name}")
    tx = object_session(row)
    user = tx.get(User, row.changed_by_id) if tx and row.changed_by_id else None
    if user is None or row.changed_at is None:
        return Refused("db.conflict", what=what)
    local = row.changed_at.astimezone()
    return Refused(
        "db.conflict_by",
        what=what,
        name=user.full_name or user.name,
        day=local.strftime("%d.%m.%Y"),
        time=local.strftime("%H:%M"),
        at=row.changed_at,
        version=row.version,
    )


def for_edit(tx: Session, model: type[Edited], row_id: str, version: int, name: str) -> Edited:
    """The row `row_id` if it is still at `version`."""
    row = load(tx, model, row_id, name)
    check_version(row, version, name)
    return row
