"""The logbook on a large database: opening it (the first page and the count), each filter,
sorting, and a deep page, per user, with SQLite's plan for the first page.

    .venv/bin/python bench/logbook.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo (2000 clients, about ten years) first.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date

from common import large_demo, open_as, timed

PAGE = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)
    for user in ("mette.h", "supervisor"):
        bench_user(open_as(folder, user).acting, user, args.runs)


def bench_user(acting, user: str, runs: int) -> None:
    from traumefokus.domain.vocabulary import Attendance, CourseStatus, Method, NoteStatus
    from traumefokus.services.logbook import (
        LogbookFilter,
        LogbookOrder,
        count_entries,
        page_of_entries,
    )

    def shown(where, order=LogbookOrder.DAY, offset=0):
        """What the screen does for a filter: the count line and the first page."""
        count_entries(acting, where)
        page_of_entries(acting, where, order=order, offset=offset, limit=PAGE)

    everything = LogbookFilter()
    total = count_entries(acting, everything)
    print(f"{user}: {total} logbook entries")
    timed(f"{user}: open (count + first page)", lambda: shown(everything), runs)
    first = page_of_entries(acting, everything, limit=1)[0]
    year = date.today().year - 1
    filters = {
        "therapist": LogbookFilter(therapists=frozenset({first.therapist.id})),
        "site": LogbookFilter(site=first.site),
        "method": LogbookFilter(method=Method.CREATING_CHANGE),
        "period (one year)": LogbookFilter(start=date(year, 1, 1), end=date(year, 12, 31)),
        "attendance": LogbookFilter(attendance=Attendance.NO_SHOW),
        "note status": LogbookFilter(note_status=NoteStatus.DRAFT),
        "course status": LogbookFilter(course_status=CourseStatus.ENDED_EARLY),
        "client code": LogbookFilter(client_code="K-01"),
    }
    filters["period + method"] = replace(filters["period (one year)"], method=Method.SEEKING_SAFETY)
    for label, where in filters.items():
        timed(f"{user}: filter {label}", lambda w=where: shown(w), runs)
    for order in (LogbookOrder.CLIENT, LogbookOrder.THERAPIST):
        timed(f"{user}: sort by {order.value}", lambda o=order: shown(everything, o), runs)
    last = max(total - PAGE, 0)
    timed(f"{user}: the last page", lambda: shown(everything, offset=last), runs)


if __name__ == "__main__":
    main()
