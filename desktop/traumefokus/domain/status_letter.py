"""MOVE's status letter: written after every fourth held session (the programme says how
often). Which letter is due, from the number of held sessions."""

from __future__ import annotations

MAX_LETTER = 20_000  # characters: a few pages


def letter_due(held: int, every: int) -> int | None:
    """The held-session count the latest due letter reports on (4, 8, 12 … when `every` is
    4), or None before the first; a programme without letters (`every` 0) has none."""
    if every <= 0 or held < every:
        return None
    return held // every * every


def letters_due(held: int, every: int) -> list[int]:
    """Every letter due by now: after 4 and 8 held sessions when 9 are held."""
    latest = letter_due(held, every)
    return list(range(every, latest + 1, every)) if latest else []
