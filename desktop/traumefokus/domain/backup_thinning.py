"""Which automatic backups to delete: Anki's thinning, so that the backup folder holds many
recent copies and ever fewer old ones without growing for ever.

Only automatic backups are thinned; a manual backup and the copies made before an upgrade or a
restore are never deleted by the program. The automatic ones are taken newest first:

1. Recent: every backup made today or yesterday is kept (at most one per half hour is made,
   so a mistake made this morning can be undone from any half hour since yesterday).
2. Daily: then the newest backup of each earlier day, for `daily` days that have one.
3. Weekly: then the newest of each earlier ISO week, for `weekly` weeks.
4. Monthly: then the newest of each earlier calendar month, for `monthly` months.
5. Everything older is deleted.

"Earlier" means before the day (week, month) of the last backup kept, so each stage goes on
where the one before stopped. Days are the local calendar days of the backups' names. Weeks
and months that have no backup are skipped, not counted: a laptop that was away on holiday
keeps its `daily` last working days. With the defaults (12, 10, 9, as Anki) the folder holds
about two days of half-hourly copies, twelve days, ten weeks and nine months.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

K = TypeVar("K")

MIN_INTERVAL = timedelta(minutes=30)  # at most one automatic backup per half hour


@dataclass(frozen=True)
class BackupLimits:
    """How many daily, weekly and monthly automatic backups are kept (Anki's defaults)."""

    daily: int = 12
    weekly: int = 10
    monthly: int = 9


def is_due(newest_automatic: datetime | None, now: datetime) -> bool:
    """Whether an automatic backup is due: none yet, or the newest is half an hour old (or
    from the future, as after the clock was put back)."""
    if newest_automatic is None:
        return True
    return not newest_automatic <= now < newest_automatic + MIN_INTERVAL


def obsolete(backups: Iterable[tuple[K, datetime]], limits: BackupLimits, today: date) -> list[K]:
    """The automatic backups (key, local time made) to delete, newest first."""
    left = [limits.daily, limits.weekly, limits.monthly]
    last: tuple[int, int, int] | None = None  # the day, week and month of the last one kept
    gone: list[K] = []
    for key, made in sorted(backups, key=lambda b: b[1], reverse=True):
        periods = _periods(made.date())
        if made.date() >= today - timedelta(days=1):  # recent: kept whatever the limits
            last = periods
            continue
        stage = next((i for i in range(3) if left[i] > 0), None)
        if stage is None or (last is not None and periods[stage] >= last[stage]):
            gone.append(key)
            continue
        last = periods
        left[stage] -= 1
    return gone


def _periods(day: date) -> tuple[int, int, int]:
    """The day, ISO week and month of `day` as numbers that grow with time."""
    iso_year, week, _weekday = day.isocalendar()
    return day.toordinal(), iso_year * 100 + week, day.year * 12 + day.month
