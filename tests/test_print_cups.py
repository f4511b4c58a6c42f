"""Printing through a real CUPS queue: a session note and a client handout go from the
preview's Print button (the system print dialog answered with the queue) through
print_pdf and Qt's CUPS printing to the `cups-pdf` printer, and what comes out is checked:
A4, every page, and the Danish letters on paper.

The program sends each page as a picture at the printer's resolution (ui/pdf_pages.py: paper
shows exactly what the preview showed), so the printout holds no text to extract: the letters
æ, ø and å are checked where the PDF the program sent has them as text, as ink of the same
shape on the printed page, and each printed page against the page it came from.

Skipped without a CUPS queue (TRAUMEFOKUS_CUPS_QUEUE, default `PDF`), unless
TRAUMEFOKUS_REQUIRE_CUPS=1 (CI sets it: .ci/run installs cups and cups-pdf, starts cupsd and
adds the queue). cups-pdf writes to TRAUMEFOKUS_CUPS_PDF_DIR, ~/PDF or
/var/spool/cups-pdf/<user>.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import time
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog

import traumefokus.ui.print_preview as print_preview
from factories import planned_course
from traumefokus.documents.render import DocumentKind
from traumefokus.domain.session_note import CheckIn, NoteDraft
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, save_draft
from traumefokus.ui.pdf_pages import PRINT_DPI_LIMIT
from traumefokus.ui.print_preview import PrintPreview
from traumefokus.ui.printing import session_preview
from ui_helpers import make_context

QUEUE = os.environ.get("TRAUMEFOKUS_CUPS_QUEUE", "PDF")
REQUIRED = os.environ.get("TRAUMEFOKUS_REQUIRE_CUPS") == "1"
A4_POINTS = (595.28, 841.89)
DANISH = "æøåÆØÅ"
TOLERANCE = 40  # of 255: what two ways of drawing the same page differ by, at most
START = date(2026, 1, 5)


@pytest.fixture
def queue(qapp) -> str:
    if QPrinterInfo.printerInfo(QUEUE).isNull():
        known = QPrinterInfo.availablePrinterNames()
        why = f"no CUPS queue {QUEUE!r} (Qt sees {known}): see .ci/run for setting one up"
        if REQUIRED:
            pytest.fail(f"TRAUMEFOKUS_REQUIRE_CUPS=1 but {why}", pytrace=False)
        pytest.skip(why)
    return QUEUE


@pytest.fixture
def ctx(db, therapist, workspace):
    return make_context(workspace, "da", acting=therapist)


@pytest.fixture
def note(ctx, admin, therapist):
    client = add_client(admin, "K-0042")
    course = view_course(therapist, planned_course(therapist, client.id, start=START))
    session = next(s.id for s in course.sessions if s.number == 3)
    feeling = "Rolig, lidt træt; sov på sofaen hos sin søster i Århus"
    save_draft(ctx.acting, session, NoteDraft(check_in=CheckIn(feeling=feeling)))
    return open_note(ctx.acting, session)


def output_folders() -> list[Path]:
    named = os.environ.get("TRAUMEFOKUS_CUPS_PDF_DIR")
    user = getpass.getuser()
    folders = [Path.home() / "PDF", Path("/var/spool/cups-pdf") / user]
    folders.append(Path("/var/spool/cups-pdf/ANONYMOUS"))
    return [Path(named)] if named else folders


def pdfs_now() -> set[Path]:
    return {p for folder in output_folders() if folder.is_dir() for p in folder.glob("*.pdf")}


def jobs_pending() -> bool:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    listed = subprocess.run([lpstat, "-o", QUEUE], capture_output=True, text=True)
    return bool(listed.stdout.strip())


def printed_through_cups(qtbot, monkeypatch, dialog: PrintPreview) -> bytes:
    """Print from the preview as a user does, the dialog answered with the queue; the PDF
    that cups-pdf wrote for the job."""

    class QueueChosen:  # the system print dialog, with the queue picked and OK pressed
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            self.printer = printer

        def exec(self) -> QDialog.DialogCode:
            self.printer.setPrinterName(QUEUE)
            assert self.printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_preview, "QPrintDialog", QueueChosen)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.print_button.isEnabled())
    before = pdfs_now()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Sendt til printeren.", timeout=60_000)
    deadline = time.monotonic() + 90
    new: set[Path] = set()
    while time.monotonic() < deadline:
        new = pdfs_now() - before
        if new and not jobs_pending():
            break
        time.sleep(0.5)
    folders = ", ".join(map(str, output_folders()))
    assert new, f"cups-pdf wrote no PDF within 90 s into {folders} (lpstat -o {QUEUE})"
    assert len(new) == 1, f"one job, several files: {sorted(new)}"
    printed = new.pop()
    data = printed.read_bytes()
    printed.unlink()
    return data


class Pixels:
    """A page's pixels (BGR, 3 bytes each) and the points-to-pixels scale."""

    def __init__(self, bitmap: pdfium.PdfBitmap, scale: float) -> None:
        self.data, self.stride = bytes(bitmap.buffer), bitmap.stride
        self.width, self.height, self.scale = bitmap.width, bitmap.height, scale

    def row(self, y: int, left: int = 0, right: int | None = None) -> bytes:
        right = self.width if right is None else right
        return self.data[y * self.stride + 3 * left : y * self.stride + 3 * right]


def printed_picture(page: pdfium.PdfPage, index: int) -> pdfium.PdfBitmap:
    """The one picture that makes up a printed page, as the program drew it."""
    pictures = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    assert len(pictures) == 1, f"page {index + 1}: {len(pictures)} pictures, not the page's one"
    return pictures[0].get_bitmap(render=False)


def most_different(want: Pixels, got: Pixels, box: tuple[int, int, int, int]) -> int:
    left, top, right, bottom = box
    worst = 0
    for y in range(max(top, 0), min(bottom, want.height)):
        expected, printed = want.row(y, left, right), got.row(y, left, right)
        if expected != printed:
            worst = max(worst, max(abs(a - b) for a, b in zip(expected, printed, strict=True)))
    return worst


def check_printout(sent: bytes, printed: bytes) -> int:
    """Every page of `sent` on A4 in `printed`, its pixels those the program drew from the
    page (within the rounding of two ways of drawing), each æ, ø and å of the page's text
    among them; the number of Danish letters checked."""
    source, paper = pdfium.PdfDocument(sent), pdfium.PdfDocument(printed)
    checked = 0
    try:
        assert len(paper) == len(source), f"{len(paper)} pages printed of {len(source)}"
        for index in range(len(source)):
            width, height = paper[index].get_size()
            assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (
                f"page {index + 1} is {width:.0f}x{height:.0f} pt, not A4"
            )
            scale = PRINT_DPI_LIMIT / 72  # cups-pdf takes 300 dpi and more: the program's most
            got = Pixels(printed_picture(paper[index], index), scale)
            rendered = source[index].render(scale=scale)
            want = Pixels(rendered, scale)
            rendered.close()
            assert (got.width, got.height) == (want.width, want.height), (
                f"page {index + 1}: printed {got.width}x{got.height} px, not the page's"
                f" {want.width}x{want.height}"
            )
            worst = max(
                most_different(want, got, (0, y, want.width, y + 1))
                for y in range(0, want.height, 4)
            )
            assert worst <= TOLERANCE, f"page {index + 1} differs from its PDF (by {worst})"
            checked += check_letters(source[index], want, got, index)
    finally:
        source.close()
        paper.close()
    return checked


def check_letters(page: pdfium.PdfPage, want: Pixels, got: Pixels, index: int) -> int:
    text = page.get_textpage()
    height = page.get_height()
    checked = 0
    for char_index, char in enumerate(text.get_text_range()):
        if char not in DANISH:
            continue
        left, bottom, right, top = text.get_charbox(char_index)
        box = (
            int(left * want.scale),
            int((height - top) * want.scale),
            int(right * want.scale) + 1,
            int((height - bottom) * want.scale) + 1,
        )
        inked = any(b < 128 for y in range(box[1], box[3]) for b in want.row(y, box[0], box[2]))
        assert inked, f"page {index + 1}: the {char!r} at {box} px has no ink in the PDF"
        worst = most_different(want, got, box)
        assert worst <= TOLERANCE, (
            f"page {index + 1}: the {char!r} at {box} px is not on paper as in the PDF"
            f" (differs by {worst})"
        )
        checked += 1
    return checked


def test_a_note_prints_through_the_cups_queue_on_a4_with_the_danish_letters(
    qtbot, monkeypatch, queue, ctx, note
):
    dialog = session_preview(ctx, DocumentKind.NOTE, note, None)
    printed = printed_through_cups(qtbot, monkeypatch, dialog)
    sent = dialog.rendered.pdf
    assert all(letter in pdfium_text(sent) for letter in "æøå")  # the text the PDF holds
    assert check_printout(sent, printed) >= 3


def test_a_handout_prints_every_page_through_the_cups_queue(qtbot, monkeypatch, queue, ctx, note):
    dialog = session_preview(ctx, DocumentKind.HANDOUT, note, None)
    printed = printed_through_cups(qtbot, monkeypatch, dialog)
    assert dialog.rendered.pages >= 2  # two worksheets: the pages after the first too
    assert check_printout(dialog.rendered.pdf, printed) >= 1


def pdfium_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
