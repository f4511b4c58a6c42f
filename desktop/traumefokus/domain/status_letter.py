"""MOVE's status letter: written after every fourth held weekly session (the programme says
how often and which session kinds count: the assessment and the follow-ups do not). Which
letter is due, from the number of counted sessions held."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from traumefokus.domain.vocabulary import Attendance

MAX_LETTER = 20_000  # characters: a few pages


def counted_held(sessions: Iterable[tuple[str, str | None]], kinds: Collection[str]) -> int:
    """Held sessions of the counted kinds, from (kind, attendance) pairs."""
    return sum(
        1 for kind, attendance in sessions if attendance == Attendance.HELD.value and kind in kinds
    )


def letter_due(held: int, every: int) -> int | None:
    """The counted-session number the latest due letter reports on (4, 8, 12 … when
    `every` is 4), or None before the first; a programme without letters (`every` 0) has
    none."""
    if every <= 0 or held < every:
        return None
    return held // every * every


def letters_due(held: int, every: int) -> list[int]:
    """Every letter due by now: after 4 and 8 counted sessions when 9 are held."""
    latest = letter_due(held, every)
    return list(range(every, latest + 1, every)) if latest else []
