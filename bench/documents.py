"""Printed documents on a large database: one session note (target: under 200 ms), 500
notes in one PDF (target: under 60 s), a whole course's notes, a handout, the course plan,
and the preview's page images.

    .venv/bin/python bench/documents.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo first.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from common import large_demo, open_as, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from traumefokus.documents.page import build_pdf
    from traumefokus.documents.render import DocumentKind, DocumentRequest, render
    from traumefokus.documents.session_note import note_section
    from traumefokus.documents.wording import Wording
    from traumefokus.services.session_notes import open_note
    from traumefokus.storage.models import CourseSession
    from traumefokus.ui.pdf_pages import page_images

    QApplication.instance() or QApplication([])
    ctx = open_as(folder, "admin")
    db, acting = ctx.db, ctx.acting
    today = date.today()
    with db.reading() as tx:
        signed = tx.scalars(
            select(CourseSession.id)
            .where(CourseSession.kind == "trauma", CourseSession.note_status == "signed")
            .order_by(CourseSession.id)
            .limit(500)
        ).all()
        busiest = tx.execute(
            select(CourseSession.course_id, func.count())
            .where(CourseSession.note_status != "none")
            .group_by(CourseSession.course_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
    note = DocumentRequest(DocumentKind.NOTE, signed[0])
    rendered = render(acting, note, today=today)
    print(f"a signed trauma session's note: {rendered.pages} page(s)")
    timed(
        "one session note (read and render)",
        lambda: render(acting, note, today=today),
        args.runs,
    )
    handout = DocumentRequest(DocumentKind.HANDOUT, signed[0])
    timed("one handout", lambda: render(acting, handout, today=today), args.runs)
    plan = DocumentRequest(DocumentKind.PLAN, busiest[0])
    timed("one course plan", lambda: render(acting, plan, today=today), args.runs)
    course = DocumentRequest(DocumentKind.NOTES, busiest[0])
    pages = render(acting, course, today=today).pages
    timed(
        f"a course's {busiest[1]} notes ({pages} pages)",
        lambda: render(acting, course, today=today),
        max(1, args.runs // 3),
    )
    timed("preview images of one note (96 dpi)", lambda: page_images(rendered.pdf, 96), args.runs)

    began = time.perf_counter()
    words = Wording("da")
    sections = [note_section(open_note(acting, s), words, with_name=False) for s in signed]
    read = time.perf_counter() - began
    pdf = build_pdf(sections, title="bench", words=words, printed_on=today)
    total = time.perf_counter() - began
    print(
        f"{len(signed)} notes in one PDF ({pdf.pages} pages, {len(pdf.data) // 1024} KB)"
        f"{'':<6} {total:7.1f} s   (reading {read:.1f} s)"
    )
    db.close()


if __name__ == "__main__":
    main()
