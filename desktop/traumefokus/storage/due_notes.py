"""Which sessions' notes are to be signed: held or drafted, and not signed yet.

A partial index (`DUE_NOTES_INDEX`) holds just these sessions, a few hundred of the tens of
thousands that ten years give, so that the overdue list reads a few pages of the database
instead of every session of the user's courses. A query uses the index only where the
database can see, while planning it, that the query asks for no more than the index holds:
so the condition is written with its values in the SQL, the same in the index and in the
queries (SQLite would look at bound values too; a statement PostgreSQL has prepared is
planned without them).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, literal, or_

from traumefokus.domain.vocabulary import Attendance, NoteStatus

DUE_NOTES_INDEX = "ix_course_sessions_note_due"


def note_to_sign(
    note_status: SQLColumnExpression[str], attendance: SQLColumnExpression[str | None]
) -> ColumnElement[bool]:
    """The session's note is to be signed (the partial index's condition)."""
    return and_(
        note_status != _inline(NoteStatus.SIGNED),
        or_(attendance == _inline(Attendance.HELD), note_status == _inline(NoteStatus.DRAFT)),
    )


def _inline(value: StrEnum) -> ColumnElement[str]:
    return literal(value.value, literal_execute=True)
