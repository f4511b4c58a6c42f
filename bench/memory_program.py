"""The running program for bench/memory.py: the main window signed in as a user, ten courses
opened on the course page, then notes printed course by course through the print preview
(its pages rendered and shown, Print pressed, the preview closed) until 500 notes have gone
to the printer, as a user would do it, without the dialogs.

The printing is the worst real path, Windows': each page drawn as a picture at up to 300 dpi
(`pdf_pages.print_pdf`, into a PDF file). The preview is made to print through `print_pdf`
itself, since a printer that chose a file would otherwise get the program's own PDF written
as it is (`cups_printing`), and a CUPS queue the PDF through `lp`: neither draws a picture.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def prepare_program(
    folder: Path, user: str, out: Path, notes: int, courses: int
) -> tuple[Callable[[], str], str]:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from common import open_as
    from traumefokus.storage.models import Course, CourseSession

    app = QApplication.instance() or QApplication([])
    ctx = open_as(folder, user)
    acting = ctx.acting
    with acting.db.reading() as tx:
        busiest = tx.execute(
            select(Course.id, func.count())
            .join(CourseSession, CourseSession.course_id == Course.id)
            .where(acting.readable_courses(), CourseSession.note_status != "none")
            .group_by(Course.id)
            .order_by(func.count().desc(), Course.id)
            .limit(200)
        ).all()

    def work() -> str:
        from traumefokus.ui.main_window import MainWindow

        window = MainWindow(ctx)
        window.begin()
        window.show()
        _settle(app)
        for course_id, _count in busiest[:courses]:
            window.open_course(course_id)
            _settle(app)
            window.show_overview()
        printed = pages = jobs = 0
        for course_id, count in busiest:
            if printed >= notes:
                break
            window.open_course(course_id)
            pages += _print_course_notes(app, ctx, window, out)
            printed += count
            jobs += 1
        window.show_overview()
        _settle(app)
        rss = _rss_mb()
        window.close()
        window.deleteLater()
        _settle(app)
        return (
            f"{printed} notes, {pages} pages in {jobs} print jobs; {rss:.0f} MB held at the "
            f"end, {_rss_mb():.0f} MB once the window is closed"
        )

    return work, ""


def _print_course_notes(app: Any, ctx: Any, window: Any, out: Path) -> int:
    """The course page's "All session notes": preview, Print (each page drawn as a picture
    into a PDF file), close."""
    from PySide6.QtPrintSupport import QPrinter

    from traumefokus.documents.kinds import DocumentKind
    from traumefokus.ui import print_preview
    from traumefokus.ui.pdf_pages import print_pdf
    from traumefokus.ui.printing import course_preview

    print_preview.print_document = print_pdf  # Windows' path: pictures (see the docstring)

    page = window.course_page
    preview = course_preview(ctx, DocumentKind.NOTES, page.course, page)
    preview.show()
    _wait(app, lambda: preview.rendered is not None and not preview.working)
    assert preview.rendered is not None
    pages: int = preview.rendered.pages

    def to_file(_rendered: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out.with_suffix(".pdf")))
        printer.setFullPage(True)
        return printer

    preview.choose_printer = to_file  # the print dialog, answered
    if preview.print_button.isEnabled():
        preview.print_document()
        _wait(app, lambda: not preview.working)
    preview.done(0)
    preview.deleteLater()
    _settle(app)
    return pages


def _wait(app: Any, ready: Callable[[], bool], limit: float = 600) -> None:
    began = time.monotonic()
    while not ready():
        app.processEvents()
        time.sleep(0.002)
        if time.monotonic() - began > limit:
            raise TimeoutError("the preview did not finish")
    _settle(app)


def _settle(app: Any) -> None:
    """Let queued work and deleteLater() run."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _rss_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
