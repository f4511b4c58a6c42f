"""Loading a row by its id, and a row that a user is about to change, as they last saw it."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term
from traumefokus.storage.base import Versioned

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
    silently overwritten."""
    if row.version != version:
        raise Refused("db.conflict", what=Term(f"object.{name}"))


def for_edit(tx: Session, model: type[Edited], row_id: str, version: int, name: str) -> Edited:
    """The row `row_id` if it is still at `version`."""
    row = load(tx, model, row_id, name)
    check_version(row, version, name)
    return row
