"""The pages a print dialog chose, printed exactly: a page list ("1-3,5") as the pages to
draw on Windows' path (one sheet each, cancellable), and as the pages of the PDF written when
the dialog chose a file (the program's own PDF, text as text, 0600, whole or not at all)."""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import traumefokus.fileio as fileio
from pdf_reading import pictures
from traumefokus.errors import DataProblem
from traumefokus.ui.background import Cancelled
from traumefokus.ui.cups_printing import print_document
from traumefokus.ui.pdf_pages import check_page_list, chosen_pages, chosen_pdf, print_pdf

GREYS = (0.0, 0.2, 0.4, 0.6, 0.8)  # page n is filled with the n-th grey: told apart on paper


def document(pages: int = 5) -> bytes:
    """A PDF whose page n says "Side n – æøå" and is filled with GREYS[n - 1]."""
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        sheet.setFillGray(GREYS[(number - 1) % len(GREYS)])
        sheet.rect(0, 200, A4[0], A4[1] - 200, stroke=0, fill=1)
        sheet.setFillGray(0)
        sheet.drawString(72, 100, f"Side {number} – æøå")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def ranges(text: str) -> QPageRanges:
    return QPageRanges.fromString(text)


def texts(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range().strip() for i in range(len(doc))]
    finally:
        doc.close()


def greys(pdf: bytes) -> list[float]:
    """The grey at the middle of each page (0 black, 1 white)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        found = []
        for i in range(len(doc)):
            image = doc[i].render(scale=0.2).to_pil().convert("L")
            found.append(image.getpixel((image.width // 2, image.height // 3)) / 255)
        return found
    finally:
        doc.close()


def file_printer(out: Path, pages: str = "") -> QPrinter:
    """A printer as the print dialog leaves it when "Print to file" was chosen."""
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setFullPage(True)
    if pages:
        printer.setPageRanges(ranges(pages))
    return printer


# --- which pages --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("asked", "count", "pages"),
    [
        ("", 4, [0, 1, 2, 3]),  # nothing asked: every page
        ("1-3,5", 10, [0, 1, 2, 4]),
        ("5,1-3", 10, [0, 1, 2, 4]),  # in the document's order
        ("2-3,3-4", 10, [1, 2, 3]),  # each once
        ("8-12", 10, [7, 8, 9]),  # past the end: not there
        ("12-14", 10, []),
        ("1", 1, [0]),
    ],
)
def test_a_page_list_is_the_pages_listed(qapp, asked, count, pages):
    assert chosen_pages(ranges(asked), count) == pages


# --- drawn as pictures (Windows' path) ------------------------------------------------------
def test_a_page_list_draws_exactly_the_pages_listed_one_sheet_each(qapp, tmp_path):
    out = tmp_path / "drawn.pdf"
    reported = []
    print_pdf(document(), file_printer(out, "1-2,4"), lambda *done: reported.append(done))
    drawn = out.read_bytes()
    assert pictures(drawn) == 3 and texts(drawn) == ["", "", ""]  # pictures, one a sheet
    assert greys(drawn) == pytest.approx([GREYS[0], GREYS[1], GREYS[3]], abs=0.03)
    assert reported == [(0, 3), (1, 3), (2, 3)]


def test_from_and_to_still_draw_that_stretch(qapp, tmp_path):
    out = tmp_path / "drawn.pdf"
    printer = file_printer(out)
    printer.setFromTo(3, 5)
    print_pdf(document(), printer)
    assert greys(out.read_bytes()) == pytest.approx(list(GREYS[2:5]), abs=0.03)


def test_drawing_is_cancelled_between_pages(qapp, tmp_path):
    aborted = []

    class Watched(QPrinter):
        def abort(self) -> bool:
            aborted.append(True)
            return super().abort()

    printer = Watched(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "drawn.pdf"))
    printer.setPageRanges(ranges("2,4-5"))

    def cancel_at_the_second(done: int, _total: int) -> None:
        if done == 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        print_pdf(document(), printer, cancel_at_the_second)
    assert aborted == [True]


# --- into a file: the PDF itself ----------------------------------------------------------------
def test_printing_to_a_file_writes_the_programs_own_pdf(qapp, tmp_path):
    pdf = document()
    out = tmp_path / "udskrift.pdf"
    print_document(pdf, file_printer(out))
    assert out.read_bytes() == pdf  # every page: the document as it is
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["udskrift.pdf"]  # no temporary file left


def test_printing_a_page_list_to_a_file_writes_those_pages_as_text(qapp, tmp_path):
    out = tmp_path / "udskrift.pdf"
    print_document(document(), file_printer(out, "1-2,4"))
    written = out.read_bytes()
    assert texts(written) == ["Side 1 – æøå", "Side 2 – æøå", "Side 4 – æøå"]
    assert pictures(written) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_the_pages_chosen_of_a_pdf(qapp):
    pdf = document()
    assert chosen_pdf(pdf, QPageRanges()) is pdf
    assert texts(chosen_pdf(pdf, ranges("5,3"))) == ["Side 3 – æøå", "Side 5 – æøå"]
    assert chosen_pdf(pdf, ranges("7-9")) is None


def test_a_page_list_outside_the_document_writes_nothing(qapp, tmp_path):
    print_document(document(), file_printer(tmp_path / "udskrift.pdf", "7-9"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("asked", ["", "5", "5-9", "1,7", "3-4"])
def test_a_page_list_that_names_a_page_of_the_document_may_print(qapp, asked):
    check_page_list(ranges(asked), 5)


@pytest.mark.parametrize("asked", ["6", "7-9", "6,8,20-30"])
def test_a_page_list_wholly_past_the_end_is_refused_saying_which_pages_there_are(qapp, asked):
    with pytest.raises(DataProblem) as raised:
        check_page_list(ranges(asked), 5)
    assert raised.value.code == "print.no_page_chosen"
    assert "1-5" in str(raised.value)


def test_a_folder_that_cannot_be_written_is_a_clear_problem(qapp, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataProblem) as raised:
        print_document(document(), file_printer(blocker / "udskrift.pdf"))
    assert raised.value.code == "file.unwritable"


def test_a_full_disk_leaves_no_file_and_says_so(qapp, tmp_path, monkeypatch):
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio.os, "fsync", full)
    (tmp_path / "udskrift.pdf").write_bytes(b"the earlier printout")
    with pytest.raises(DataProblem) as raised:
        print_document(document(), file_printer(tmp_path / "udskrift.pdf", "2"))
    assert raised.value.code == "disk.full"
    assert (tmp_path / "udskrift.pdf").read_bytes() == b"the earlier printout"
    assert [p.name for p in tmp_path.iterdir()] == ["udskrift.pdf"]


def test_cancelling_before_the_file_is_written_writes_nothing(qapp, tmp_path):
    def cancelled(_done: int, _total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        print_document(document(), file_printer(tmp_path / "udskrift.pdf"), cancelled)
    assert list(tmp_path.iterdir()) == []
