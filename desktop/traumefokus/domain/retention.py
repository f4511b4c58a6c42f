"""The client's right to erasure against the duty to keep health records.

Danish health records are kept at least ten years after the last entry; a centre may keep
them longer (the installation's `retention_years`). The period runs from the end of the
client's last course. While a course is planned or active nothing is erased: the client is
still in treatment. A client who never had a course may be erased at once.

The period ends on the same day `years` later; a course that ended on 29 February reaches it
on 1 March of a common year, never a day early.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from traumefokus.domain.vocabulary import OPEN_STATUSES

DEFAULT_YEARS = 10
MIN_YEARS, MAX_YEARS = 1, 30


@dataclass(frozen=True)
class CourseEnd:
    """A course as the rule sees it: its status, and the day it ended (None while open)."""

    status: str
    ended_on: date | None


@dataclass(frozen=True)
class ErasureDecision:
    allowed: bool
    open_course: bool  # a planned or active course: no erasure at all
    last_end: date | None  # the end of the client's last course; None: no closed course
    possible_from: date | None  # the first day erasure is allowed; None: open or no course


def years_after(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 1 March in a common year; past the
    calendar's end, its last day."""
    year = day.year + years
    if year > date.max.year:
        return date.max
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return date(year, 3, 1)


def erasure_decision(courses: Iterable[CourseEnd], today: date, years: int) -> ErasureDecision:
    """Whether the client of `courses` may be erased `today`, and from which day."""
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValueError(f"a retention period of {years} years")
    ends: list[date] = []
    for course in courses:
        if course.status in OPEN_STATUSES:
            return ErasureDecision(False, True, None, None)
        if course.ended_on is None:
            raise ValueError("a closed course without the day it ended")
        ends.append(course.ended_on)
    if not ends:
        return ErasureDecision(True, False, None, None)
    last = max(ends)
    possible = years_after(last, years)
    return ErasureDecision(today >= possible, False, last, possible)
