"""ISO 8601 text for dates and moments, as every export writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def moment(value: datetime | None) -> str | None:
    """A moment in UTC to the second, e.g. `2026-11-23T13:05:00Z`."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def clock(value: time | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


def local_day(value: datetime) -> date:
    """The day a moment fell on where the program runs (the centre's clock)."""
    return value.astimezone().date()
