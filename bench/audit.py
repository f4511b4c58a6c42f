"""The audit trail's hash chain on a large database: `audit verify` of the whole trail
(target: under 5 s), what the chain adds to a session step that writes an entry (target:
under 2 ms) and to printing 500 notes (target: under 10 %), and what writing `record.open`
costs when a course or a session is opened.

    .venv/bin/python bench/audit.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo first. The steps that write are timed on a copy
of the data directory, which is removed afterwards: an entry written the old way (one row,
not chained) is compared with one written through the chain.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from datetime import date
from itertools import count
from pathlib import Path

from common import DEMO_PASSWORD, large_demo, open_as, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)

    from traumefokus.cli import main as cli
    from traumefokus.services.audit_trail import verify_chain

    ctx = open_as(folder, "supervisor")
    report = verify_chain(ctx.acting)
    assert report.broken is None, report.broken
    print(f"the trail: {report.count} entries")
    timed("audit verify (service)", lambda: verify_chain(ctx.acting), max(1, args.runs // 10))
    ctx.db.close()
    os.environ.setdefault("TRAUMEFOKUS_PASSWORD", DEMO_PASSWORD)
    began = time.perf_counter()
    code = cli(["audit", "verify", "--data-dir", str(folder), "--user", "supervisor"])
    print(f"{'audit verify (command, sign-in included)':<44} {time.perf_counter() - began:7.2f} s")
    assert code == 0

    with tempfile.TemporaryDirectory(prefix="traumefokus-bench-audit-") as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(folder, copy)
        _writing(copy, args.runs)


def _writing(folder: Path, runs: int) -> None:
    from sqlalchemy import select

    from traumefokus.documents.page import build_pdf
    from traumefokus.documents.render import (
        DocumentKind,
        DocumentRequest,
        Rendered,
        render,
        save_rendered,
    )
    from traumefokus.documents.session_note import note_section
    from traumefokus.documents.wording import Wording
    from traumefokus.domain.access import Action
    from traumefokus.fileio import write_atomic
    from traumefokus.services import audit, printing
    from traumefokus.services.planning import record_attendance
    from traumefokus.services.session_notes import open_note, save_draft
    from traumefokus.storage.clock import utc_now
    from traumefokus.storage.models import AuditEvent, Course, CourseSession, User

    ctx = open_as(folder, "mette.h")
    db, acting = ctx.db, ctx.acting
    with db.reading() as tx:
        session_id = tx.scalars(
            select(CourseSession.id)
            .join(Course)
            .join(User, User.id == Course.therapist_id)
            .where(
                CourseSession.note_status == "none",
                CourseSession.attendance.is_(None),
                Course.status == "active",
                User.name == "mette.h",
            )
            .limit(1)
        ).one()
    chained = audit.record
    numbers = count(10**9)

    def unchained(tx, actor, action, *, object_type=None, object_id=None, **details):
        """The trail before the chain: one row, no head, no hash."""
        seq = next(numbers)
        tx.add(
            AuditEvent(
                seq=seq,
                at=utc_now(),
                user_name=actor.name if actor else None,
                action=action,
                object_type=object_type,
                object_id=object_id,
                details=details,
                prev_hash="-",
                hash=str(seq),
            )
        )

    states = iter(["held", None] * runs * 4)

    def step() -> None:
        record_attendance(acting, session_id, next(states))

    note = open_note(acting, session_id)
    timed(
        "save a draft (no entry: unchanged)",
        lambda: save_draft(acting, session_id, note.draft),
        runs,
    )
    audit.record = unchained
    timed("attendance step, entry unchained (before)", step, runs)
    audit.record = chained
    timed("attendance step, entry chained (now)", step, runs)
    from traumefokus.services.record_opening import Opened, record_opened

    course_id = open_note(acting, session_id).course_id
    timed(
        "opening a course: its record.open entry",
        lambda: record_opened(acting, Opened.COURSE, course_id),
        runs,
    )
    timed(
        "one chained entry in its own unit of work",
        lambda: printing.record_printed(
            acting, "note", object_type="session", object_id=session_id
        ),
        runs,
    )

    admin = open_as(folder, "admin")
    with admin.db.reading() as tx:
        signed = tx.scalars(
            select(CourseSession.id)
            .where(CourseSession.kind == "trauma", CourseSession.note_status == "signed")
            .order_by(CourseSession.id)
            .limit(500)
        ).all()
    today = date.today()
    began = time.perf_counter()
    words = Wording("da")
    sections = [note_section(open_note(admin.acting, s), words, with_name=False) for s in signed]
    pdf = build_pdf(sections, title="bench", words=words, printed_on=today)
    rendered_in = time.perf_counter() - began
    rendered = Rendered(
        DocumentRequest(DocumentKind.NOTE, signed[0]),
        pdf.data,
        pdf.pages,
        "bench",
        "bench.pdf",
        may=frozenset({Action.PRINT}),
    )
    out = folder / "500-notes.pdf"
    print(f"500 notes rendered into one PDF ({pdf.pages} pages) {'':<9} {rendered_in:7.1f} s")
    timed(
        "  written as before (file, then entry)",
        lambda: (
            write_atomic(out, pdf.data),
            printing.record_printed(
                admin.acting, "note", object_type="session", object_id=signed[0]
            ),
        ),
        5,
    )
    timed(
        "  saved now (entry committed, then renamed)",
        lambda: save_rendered(admin.acting, rendered, out, today=today),
        5,
    )
    entries, renders = [], []
    for session in signed[:40]:
        began = time.perf_counter()
        render(admin.acting, DocumentRequest(DocumentKind.NOTE, session), today=today)
        renders.append(time.perf_counter() - began)
        began = time.perf_counter()
        printing.record_printed(admin.acting, "note", object_type="session", object_id=session)
        entries.append(time.perf_counter() - began)
    entry, one = sum(entries) / len(entries), sum(renders) / len(renders)
    print(
        f"500 notes printed one by one: rendering {500 * one:6.1f} s, their 500 entries "
        f"{500 * entry:5.2f} s ({entry / one:.1%}; by medians "
        f"{statistics.median(entries) / statistics.median(renders):.1%})"
    )
    admin.db.close()
    db.close()


if __name__ == "__main__":
    main()
