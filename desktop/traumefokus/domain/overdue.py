"""What is overdue in the lists: a note left unsigned after its day, a session left unrecorded.

A note is overdue from the day after its session was held or started: a held session whose
note is not signed, or a draft (the note was begun) that is not signed. A session not held is
signed with its attendance at once, and a session nobody has touched yet is not a note.
"""

from __future__ import annotations

from datetime import date

from traumefokus.domain.vocabulary import Attendance, NoteStatus


def note_day(held_on: date | None, planned_on: date | None) -> date | None:
    """The day a note belongs to: the day the session was recorded, else its planned day."""
    return held_on or planned_on


def note_overdue(
    attendance: str | None,
    note_status: str,
    held_on: date | None,
    planned_on: date | None,
    today: date,
) -> bool:
    if note_status == NoteStatus.SIGNED.value:
        return False
    begun = attendance == Attendance.HELD.value or note_status == NoteStatus.DRAFT.value
    day = note_day(held_on, planned_on)
    return begun and day is not None and day < today


def session_overdue(next_session: date | None, today: date) -> bool:
    """A course's next unrecorded session lies in the past: it was held and not recorded,
    or it did not happen and nobody said so."""
    return next_session is not None and next_session < today
