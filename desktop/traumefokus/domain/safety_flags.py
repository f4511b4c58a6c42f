"""Which safety flags a session's note carries: those raised in the session, and those raised
earlier in the course that were still open when the session took place."""

from __future__ import annotations

from datetime import date


def open_on(raised_on: date, cleared_on: date | None, day: date) -> bool:
    """Whether a flag raised on `raised_on` was still open on `day`: raised before that day
    and not cleared before it (a flag cleared on the day was open when the day began)."""
    return raised_on < day and (cleared_on is None or cleared_on >= day)
