"""Loading a row that a user is about to change, as they last saw it."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term

Row = TypeVar("Row")


def for_edit(session: Session, model: type[Row], row_id: str, version: int, name: str) -> Row:
    """The row `row_id` if it is still at `version`. Someone else's change in the meantime
    (on a shared database) is refused rather than silently overwritten; `name` is the
    catalogue's word for the thing (client, user, goal)."""
    row = session.get(model, row_id)
    if row is None:
        raise InvalidInput(f"{name}.unknown_id")
    if row.version != version:  # type: ignore[attr-defined]
        raise Refused("db.conflict", what=Term(f"object.{name}"))
    return row
