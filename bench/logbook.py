"""The logbook on a large database: opening it (the first page and the count), each filter,
sorting, and a deep page, per user; the supervision overview (bench/overview.py has more of
it); then the full logbook export as CSV and as XLSX, each in a process of its own, with its
peak memory.

    .venv/bin/python bench/logbook.py [--data-dir DIR] [--runs N] [--export-only]

Without --data-dir it builds the large demo (2000 clients, about ten years) first.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from common import large_demo, open_as, timed

PAGE = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--export-only", action="store_true")
    args = parser.parse_args()
    folder = large_demo(args.data_dir)
    if not args.export_only:
        for user in ("mette.h", "supervisor"):
            bench_user(open_as(folder, user).acting, user, args.runs)
        bench_overview(open_as(folder, "supervisor").acting, args.runs)
    for suffix in ("csv", "xlsx"):
        bench_export(folder, suffix)


# The export, run in a process of its own: the supervisor (every course) is signed in without
# the password hash (argon2id's memory would hide the export's); the process reports the
# export's time and its peak resident memory, Python included: Linux's VmHWM, since
# getrusage's figure carries over from the process that started it (this bench, grown by the
# timings above).
EXPORT = """
import json, resource, sys, time

def peak_kb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

from pathlib import Path
from sqlalchemy import select
from traumefokus.content.library import ContentLibrary
from traumefokus.exports.logbook import export_logbook
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.auth import actor_of
from traumefokus.services.workspace import Workspace
from traumefokus.storage.models import User

folder, out = DataDir(Path(sys.argv[1])), Path(sys.argv[2])
workspace = Workspace(folder)
if workspace.locked:  # encrypted: the supervisor's password unlocks it
    from traumefokus.services.key_unlock import unlock_with

    unlock_with(workspace, "supervisor", "traumefokus-demo")
db = workspace.open()
with db.reading() as tx:
    actor = actor_of(tx.scalar(select(User).where(User.name == "supervisor")))
acting = Acting(db, ContentLibrary.for_data_dir(folder), actor, folder)
before = peak_kb()
began = time.perf_counter()
done = export_logbook(acting, out)
seconds = time.perf_counter() - began
peak = peak_kb()
print(json.dumps({"rows": done.rows, "seconds": seconds, "before_kb": before, "peak_kb": peak}))
"""


def bench_export(folder: Path, suffix: str) -> None:
    """The full logbook export of the database: its time, and the process's peak memory
    (before the export: after the imports and opening the database)."""
    out = Path(tempfile.mkdtemp(prefix="traumefokus-export-")) / f"logbook.{suffix}"
    found = subprocess.run(
        [sys.executable, "-c", EXPORT, str(folder), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(found.stdout.strip().splitlines()[-1])
    label = f"export logbook ({suffix}, {figures['rows']} rows)"
    print(
        f"{label:<44} {figures['seconds']:7.2f} s   peak {figures['peak_kb'] / 1024:5.0f} MB"
        f"   (before the export {figures['before_kb'] / 1024:.0f} MB)"
        f"   {out.stat().st_size / 1e6:.1f} MB file"
    )


def bench_overview(acting, runs: int) -> None:
    from traumefokus.services.supervision import OverviewQuery, supervision_overview

    today = date.today()
    periods = {
        "the last year": OverviewQuery(start=date(today.year - 1, today.month, 1), end=today),
        "all ten years": OverviewQuery(),
    }
    for label, query in periods.items():
        timed(f"overview: {label}", lambda q=query: supervision_overview(acting, q), runs)


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
