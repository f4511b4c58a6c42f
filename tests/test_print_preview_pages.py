"""The print preview draws only the pages in or near view: a long document holds a handful of
page pictures wherever it is scrolled, the last page shows once scrolled to, and the keys
that scroll scroll the pages. Printing into a file writes the pages chosen as they are, never
over the program's own files."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from factories import planned_course
from pdf_reading import flat, page_texts
from traumefokus.documents.render import DocumentKind
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.ui import print_preview
from traumefokus.ui.pdf_pages import page_images, page_sizes
from traumefokus.ui.preview_pages import HELD, NEAR, PreviewPages
from traumefokus.ui.printing import course_preview
from ui_helpers import make_context

PAGES = 40


def long_document(pages: int = PAGES) -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        sheet.drawString(72, 760, f"Side {number}")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def drawn(pages: PreviewPages) -> list[int]:
    """The pages whose sheet shows a picture."""
    return [i for i, sheet in enumerate(pages.sheets) if not sheet.pixmap().isNull()]


def settled(qtbot, pages: PreviewPages) -> None:
    """Wait until every page in view is drawn and no picture is being rendered."""
    qtbot.waitUntil(lambda: set(pages.in_view()) <= set(drawn(pages)) and pages._task is None)


def scroll_through(qtbot, pages: PreviewPages) -> int:
    """Scroll from top to bottom a screenful at a time; the most pictures held on the way."""
    bar = pages.verticalScrollBar()
    most = 0
    while True:
        settled(qtbot, pages)
        assert drawn(pages) == pages.held()  # what is held is what shows
        most = max(most, len(pages.held()))
        if bar.value() == bar.maximum():
            return most
        bar.setValue(bar.value() + bar.pageStep())


def test_a_long_document_holds_a_bounded_number_of_pictures(qtbot):
    pdf = long_document()
    pages = PreviewPages()
    qtbot.addWidget(pages)
    pages.resize(700, 900)
    pages.show()
    pages.show_document(pdf, page_sizes(pdf), 72.0, dict(enumerate(page_images(pdf, 72, [0]))))
    assert len(pages.sheets) == PAGES
    assert 0 in drawn(pages)  # the first page at once, with the layout
    most = scroll_through(qtbot, pages)
    assert most <= len(pages.in_view()) + HELD + 1 < PAGES / 3
    assert PAGES - 1 in drawn(pages)  # the last page is drawn once scrolled to
    assert 0 not in drawn(pages)  # the first, far away, is let go


def test_pages_laid_out_before_they_are_shown_draw_only_the_first(qtbot):
    pdf = long_document()
    pages = PreviewPages()
    qtbot.addWidget(pages)
    pages.resize(700, 900)
    pages.show_document(pdf, page_sizes(pdf), 72.0, {})  # not shown: the layout waits
    settled(qtbot, pages)
    view = pages.in_view()
    assert view.start == 0 and drawn(pages) == list(range(view.stop + NEAR)) and view.stop < 3


def test_a_page_drawn_late_for_an_older_document_is_dropped(qtbot):
    pages = PreviewPages()
    qtbot.addWidget(pages)
    pages.resize(700, 900)
    pages.show()
    pdf = long_document()
    pages.show_document(pdf, page_sizes(pdf), 72.0, {})
    assert pages._task is not None  # page 1 is being rendered
    other = long_document(2)
    pages.show_document(other, page_sizes(other), 72.0, {})
    settled(qtbot, pages)
    assert len(pages.sheets) == 2 and drawn(pages) == [0, 1]
    pages.clear()
    assert pages.sheets == [] and pages.held() == [] and pages._task is None


@pytest.fixture
def ctx(db, therapist, workspace):
    return make_context(workspace, "da", acting=therapist)


@pytest.fixture
def long_preview(qtbot, ctx, admin, therapist, monkeypatch):
    """The preview of a course's plan, rendered as a document of PAGES pages."""
    client = add_client(admin, "K-0042")
    course = view_course(therapist, planned_course(therapist, client.id, start=date(2026, 1, 5)))
    real = print_preview.render
    pdf = long_document()
    monkeypatch.setattr(
        print_preview,
        "render",
        lambda *args, **kwargs: replace(real(*args, **kwargs), pdf=pdf, pages=PAGES),
    )
    dialog = course_preview(ctx, DocumentKind.PLAN, course, None)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 600)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.print_button.isEnabled())
    return dialog


def test_the_preview_of_a_long_document_shows_its_pages_as_they_come(qtbot, long_preview):
    paper = long_preview.paper
    assert len(paper.sheets) == PAGES and long_preview.status.text() == f"Sider: {PAGES}"
    most = scroll_through(qtbot, paper)
    assert most <= len(paper.in_view()) + HELD + 1 < PAGES / 3
    assert PAGES - 1 in drawn(paper)


def test_the_keys_scroll_the_pages(qtbot, long_preview):
    bar = long_preview.paper.verticalScrollBar()
    assert long_preview.focusWidget() is long_preview.paper
    qtbot.keyClick(long_preview.paper, Qt.Key.Key_PageDown)
    assert bar.value() == bar.pageStep()
    qtbot.keyClick(long_preview.paper, Qt.Key.Key_Down)
    assert bar.value() == bar.pageStep() + bar.singleStep()
    qtbot.keyClick(long_preview.paper, Qt.Key.Key_PageUp)
    assert bar.value() == bar.singleStep()
    settled(qtbot, long_preview.paper)
    assert 0 in drawn(long_preview.paper)


def test_enter_on_the_pages_prints(qtbot, long_preview, monkeypatch):
    asked = []
    monkeypatch.setattr(long_preview, "choose_printer", lambda rendered: asked.append(rendered))
    qtbot.keyClick(long_preview.paper, Qt.Key.Key_Return)
    assert asked == [long_preview.rendered]


def test_closing_lets_go_of_every_picture(qtbot, long_preview):
    paper = long_preview.paper
    settled(qtbot, paper)
    long_preview.reject()
    assert paper.held() == [] and paper._task is None


# --- Print, into a file -------------------------------------------------------------------------
def file_printer(out, pages: str = ""):
    """The print dialog's answer when "Print to file" was chosen."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    if pages:
        printer.setPageRanges(QPageRanges.fromString(pages))
    return printer


def test_printing_into_a_file_writes_the_pages_chosen_as_text(
    qtbot, long_preview, tmp_path, monkeypatch
):
    out = tmp_path / "udskrift.pdf"
    monkeypatch.setattr(long_preview, "choose_printer", lambda _r: file_printer(out, "2,39-40"))
    with qtbot.waitSignal(long_preview.delivered):
        long_preview.print_button.click()
    qtbot.waitUntil(lambda: long_preview.status.text() == "Sendt til printeren.")
    assert [flat(text) for text in page_texts(out.read_bytes())] == ["Side2", "Side39", "Side40"]


def test_a_page_list_past_the_end_prints_nothing_says_so_and_records_nothing(
    qtbot, long_preview, tmp_path, monkeypatch
):
    out = tmp_path / "udskrift.pdf"
    monkeypatch.setattr(long_preview, "choose_printer", lambda _r: file_printer(out, "41-45"))
    delivered = []
    long_preview.delivered.connect(lambda: delivered.append(True))
    long_preview.print_button.click()
    assert long_preview.problem.isVisible() and "(1-40)" in long_preview.problem.text()
    assert long_preview.status.text() != "Sendt til printeren."
    assert not delivered and not out.exists()
    assert not long_preview.working and long_preview.print_button.isEnabled()


def test_printing_into_the_programs_own_files_is_refused_and_not_recorded(
    qtbot, long_preview, ctx, monkeypatch
):
    database = ctx.acting.db.target.file
    before = database.read_bytes()
    monkeypatch.setattr(long_preview, "choose_printer", lambda _r: file_printer(database))
    delivered = []
    long_preview.delivered.connect(lambda: delivered.append(True))
    long_preview.print_button.click()
    assert long_preview.problem.isVisible() and "overskrives aldrig" in long_preview.problem.text()
    assert not delivered
    assert not long_preview.working and long_preview.print_button.isEnabled()
    assert database.read_bytes()[:100] == before[:100]  # not written over
