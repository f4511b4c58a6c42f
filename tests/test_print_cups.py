"""Printing through a real CUPS queue: a session note and a client handout go from the
preview's Print button (the system print dialog answered with the queue) through
`cups_printing.print_document` and `lp` to the `cups-pdf` printer, and what comes out is
checked: A4, every page (or the pages asked for), and the Danish letters æ, ø, å, Æ, Ø and Å
as text: the program sends its PDF itself, so the printout holds the same text as the PDF.

Skipped without a CUPS queue (TRAUMEFOKUS_CUPS_QUEUE, default `PDF`), unless
TRAUMEFOKUS_REQUIRE_CUPS=1 (CI sets it: .ci/run installs cups and cups-pdf, starts cupsd and
adds the queue). cups-pdf writes to TRAUMEFOKUS_CUPS_PDF_DIR, ~/PDF or
/var/spool/cups-pdf/<user>.

The lp arguments for the print dialog's choices, and a job lp refuses, are checked without
CUPS (subprocess stood in for).
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog

import traumefokus.ui.cups_printing as cups_printing
import traumefokus.ui.print_preview as print_preview
from factories import planned_course
from pdf_reading import pictures
from traumefokus.documents.render import DocumentKind
from traumefokus.domain.session_note import CheckIn, NoteDraft
from traumefokus.errors import DataProblem
from traumefokus.messages import describe
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, save_draft
from traumefokus.ui.background import Cancelled
from traumefokus.ui.cups_printing import lp_arguments, print_document
from traumefokus.ui.print_preview import PrintPreview
from traumefokus.ui.printing import session_preview
from ui_helpers import make_context

QUEUE = os.environ.get("TRAUMEFOKUS_CUPS_QUEUE", "PDF")
REQUIRED = os.environ.get("TRAUMEFOKUS_REQUIRE_CUPS") == "1"
A4_POINTS = (595.28, 841.89)
DANISH = "æøåÆØÅ"
FEELING = "Ærlig og rolig, lidt træt; Øresund-turen gav søvn hos søsteren i Århus"
START = date(2026, 1, 5)


@pytest.fixture
def queue(qapp) -> str:
    if QPrinterInfo.printerInfo(QUEUE).isNull() or shutil.which("lp") is None:
        known = QPrinterInfo.availablePrinterNames()
        why = f"no CUPS queue {QUEUE!r} or no lp (Qt sees {known}): see .ci/run for one"
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
    save_draft(ctx.acting, session, NoteDraft(check_in=CheckIn(feeling=FEELING)))
    return open_note(ctx.acting, session)


# --- through the real queue -------------------------------------------------------------------
def output_folders() -> list[Path]:
    named = os.environ.get("TRAUMEFOKUS_CUPS_PDF_DIR")
    user = getpass.getuser()
    folders = [Path.home() / "PDF", Path("/var/spool/cups-pdf") / user]
    folders.append(Path("/var/spool/cups-pdf/ANONYMOUS"))
    return [Path(named)] if named else folders


def pdfs_named(mark: str) -> set[Path]:
    """cups-pdf names its file after the job's title: this job's files, not another's."""
    return {
        path
        for folder in output_folders()
        if folder.is_dir()
        for path in folder.glob("*.pdf")
        if mark in path.name
    }


def jobs_pending() -> bool:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    listed = subprocess.run([lpstat, "-o", QUEUE], capture_output=True, text=True, check=False)
    return bool(listed.stdout.strip())


def printed_through_cups(
    qtbot, monkeypatch, dialog: PrintPreview, pages: tuple[int, int] | None = None
) -> bytes:
    """Print from the preview as a user does, the dialog answered with the queue (and the
    pages from-to, if given); the PDF that cups-pdf wrote for the job."""
    mark = f"tf{uuid.uuid4().hex[:10]}"

    class QueueChosen:  # the system print dialog, with the queue picked and OK pressed
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            self.printer = printer
            self.offered: tuple[int, int] | None = None

        def setMinMax(self, first: int, last: int) -> None:
            self.offered = (first, last)  # the pages the dialog lets the user choose from

        def exec(self) -> QDialog.DialogCode:
            self.printer.setPrinterName(QUEUE)
            assert self.printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
            self.printer.setDocName(mark)  # the job's title: its file among others'
            assert self.offered is not None and self.offered[0] == 1  # the document's pages
            if pages is not None:
                assert self.offered[0] <= pages[0] <= pages[1] <= self.offered[1]
                self.printer.setFromTo(*pages)
            return QDialog.DialogCode.Accepted

    sent: list[list[str]] = []
    real_run = subprocess.run

    def run(command, **options):
        sent.append(list(command))
        return real_run(command, **options)

    monkeypatch.setattr(print_preview, "QPrintDialog", QueueChosen)
    monkeypatch.setattr(cups_printing.subprocess, "run", run)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.print_button.isEnabled())
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Sendt til printeren.", timeout=60_000)
    assert len(sent) == 1 and Path(sent[0][0]).name == "lp", sent  # the PDF itself, to lp
    deadline = time.monotonic() + 90
    new: set[Path] = set()
    while time.monotonic() < deadline:
        new = pdfs_named(mark)
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


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()


def letters(text: str) -> Counter[str]:
    """The letters of a page's text and how often each comes: two PDFs of the same page may
    give their text back in another order (the footer first) and with other spaces."""
    return Counter("".join(text.split()))


def check_printout(sent: bytes, printed: bytes, pages: range | None = None) -> str:
    """The pages of `sent` (all, or those in `pages`, counted from 1) on A4 in `printed`,
    each with the same letters as text; the printed text."""
    want = page_texts(sent)
    chosen = [want[n - 1] for n in pages] if pages is not None else want
    got = page_texts(printed)
    assert len(got) == len(chosen), f"{len(got)} pages printed of {len(chosen)}"
    for number, (width, height) in enumerate(page_sizes(printed), start=1):
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (
            f"page {number} is {width:.0f}x{height:.0f} pt, not A4"
        )
    assert pictures(printed) == pictures(sent) == 0, "pages printed as pictures, not text"
    for number, (expected, printed_text) in enumerate(zip(chosen, got, strict=True), start=1):
        assert expected.split(), f"page {number} of the PDF holds no text"
        lost = letters(expected) - letters(printed_text)
        added = letters(printed_text) - letters(expected)
        assert not lost and not added, f"page {number}: lost {dict(lost)}, added {dict(added)}"
    return "\n".join(got)


def test_a_note_prints_through_the_cups_queue_on_a4_with_the_danish_letters_as_text(
    qtbot, monkeypatch, queue, ctx, note
):
    dialog = session_preview(ctx, DocumentKind.NOTE, note, None)
    printed = printed_through_cups(qtbot, monkeypatch, dialog)
    text = check_printout(dialog.rendered.pdf, printed)
    assert set(DANISH) <= set(text), f"missing {set(DANISH) - set(text)}"
    assert " ".join(FEELING.split()) in " ".join(text.split())


def test_a_handout_prints_every_page_through_the_cups_queue(qtbot, monkeypatch, queue, ctx, note):
    dialog = session_preview(ctx, DocumentKind.HANDOUT, note, None)
    printed = printed_through_cups(qtbot, monkeypatch, dialog)
    assert dialog.rendered.pages >= 2  # two worksheets: the pages after the first too
    text = check_printout(dialog.rendered.pdf, printed)
    assert set("æøå") <= set(text)


def test_the_pages_asked_for_are_the_pages_printed(qtbot, monkeypatch, queue, ctx, note):
    dialog = session_preview(ctx, DocumentKind.HANDOUT, note, None)
    printed = printed_through_cups(qtbot, monkeypatch, dialog, pages=(2, 2))
    check_printout(dialog.rendered.pdf, printed, range(2, 3))


# --- lp's arguments and answers, without CUPS ---------------------------------------------------
class Chosen(QPrinter):
    """A printer as the print dialog leaves it, for a queue this machine need not have (Qt
    keeps only the choices the machine's own queues support)."""

    def __init__(self, queue: str = "Kontor-2", duplex=QPrinter.DuplexMode.DuplexNone) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.queue, self.sides = queue, duplex

    def printerName(self) -> str:
        return self.queue

    def outputFormat(self) -> QPrinter.OutputFormat:
        return QPrinter.OutputFormat.NativeFormat

    def outputFileName(self) -> str:
        return ""

    def duplex(self) -> QPrinter.DuplexMode:
        return self.sides


def options(arguments: list[str], flag: str) -> list[str]:
    return [arguments[i + 1] for i, a in enumerate(arguments[:-1]) if a == flag]


def test_lp_gets_the_queue_and_a4_and_nothing_else_by_default(qapp):
    printer = Chosen()
    arguments = lp_arguments(printer)
    assert options(arguments, "-d") == ["Kontor-2"]
    assert options(arguments, "-o") == ["media=A4", "sides=one-sided"]
    assert options(arguments, "-n") == [] and options(arguments, "-P") == []


def test_lp_gets_the_copies_pages_sides_and_black_and_white_the_dialog_chose(qapp):
    printer = Chosen(duplex=QPrinter.DuplexMode.DuplexLongSide)
    printer.setCopyCount(3)
    printer.setFromTo(2, 4)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setDocName("Sessionsnote")
    arguments = lp_arguments(printer)
    assert options(arguments, "-n") == ["3"]
    assert options(arguments, "-P") == ["2-4"]
    assert options(arguments, "-t") == ["Sessionsnote"]
    assert set(options(arguments, "-o")) == {
        "media=A4",
        "collate=true",
        "sides=two-sided-long-edge",
        "print-color-mode=monochrome",
    }
    assert "-" not in arguments and not any(a.endswith(".pdf") for a in arguments)


def test_short_edge_and_several_ranges_go_to_lp_as_chosen(qapp):
    printer = Chosen(duplex=QPrinter.DuplexMode.DuplexShortSide)
    ranges = QPageRanges()
    ranges.addRange(1, 2)
    ranges.addPage(5)
    printer.setPageRanges(ranges)
    arguments = lp_arguments(printer)
    assert options(arguments, "-P") == ["1-2,5"]
    assert "sides=two-sided-short-edge" in options(arguments, "-o")


class Lp:
    """subprocess.run for lp: what it was given, and the answer it gives."""

    def __init__(self, code: int = 0, stderr: bytes = b"") -> None:
        self.code, self.stderr = code, stderr
        self.calls: list[tuple[list[str], dict]] = []

    def __call__(self, command, **options):
        self.calls.append((list(command), options))
        return subprocess.CompletedProcess(command, self.code, b"request id is X-1", self.stderr)


@pytest.fixture
def lp(monkeypatch):
    answer = Lp()
    monkeypatch.setattr(cups_printing.sys, "platform", "linux")
    monkeypatch.setattr(cups_printing.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(cups_printing.subprocess, "run", answer)
    return answer


def test_the_pdf_goes_to_lp_on_its_standard_input(qapp, lp):
    print_document(b"%PDF-1.4 the note", Chosen())
    [(command, given)] = lp.calls
    assert command[0] == "/usr/bin/lp" and command[1:] == lp_arguments(Chosen())
    assert given["input"] == b"%PDF-1.4 the note" and given["timeout"] > 0
    assert "shell" not in given and given["env"]["LC_ALL"] == "C"


def test_cancelling_before_the_job_is_handed_over_sends_nothing(qapp, lp):
    def cancelled(_done: int, _total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        print_document(b"%PDF-1.4", Chosen(), cancelled)
    assert lp.calls == []


@pytest.mark.log_warnings_expected
def test_a_job_lp_refuses_is_a_clear_problem_without_the_document(qapp, lp, caplog):
    lp.code, lp.stderr = 1, b"lp: Error - K-0042 Rolig the job was refused"
    with pytest.raises(DataProblem) as raised:
        print_document(b"%PDF-1.4 K-0042", Chosen())
    assert raised.value.code == "print.lp_failed"
    danish = describe(raised.value, "da")
    assert "Kontor-2" in danish and "fejlkode 1" in danish
    assert "Kontor-2" in describe(raised.value, "en")
    logged = caplog.text + danish + describe(raised.value, "en")
    assert "K-0042" not in logged and "Rolig" not in logged
    assert "exit code 1" in caplog.text


@pytest.mark.log_warnings_expected
def test_a_queue_that_is_gone_says_so(qapp, lp):
    lp.code, lp.stderr = 1, b"lp: The printer or class does not exist."
    with pytest.raises(DataProblem) as raised:
        print_document(b"%PDF-1.4", Chosen())
    assert raised.value.code == "print.queue_missing"
    assert "Kontor-2" in describe(raised.value, "da")


@pytest.mark.log_warnings_expected
def test_lp_that_does_not_answer_is_stopped(qapp, lp, monkeypatch):
    def hangs(command, **options):
        raise subprocess.TimeoutExpired(command, options["timeout"])

    monkeypatch.setattr(cups_printing.subprocess, "run", hangs)
    with pytest.raises(DataProblem) as raised:
        print_document(b"%PDF-1.4", Chosen())
    assert raised.value.code == "print.lp_timeout"


def test_on_windows_the_pages_are_drawn_as_pictures_and_into_a_file_the_pdf_goes(
    qapp, lp, monkeypatch, tmp_path
):
    drawn = []
    monkeypatch.setattr(cups_printing, "print_pdf", lambda *args: drawn.append(args))
    print_document(b"%PDF-1.4", Chosen())
    assert len(lp.calls) == 1 and drawn == []
    monkeypatch.setattr(cups_printing.sys, "platform", "win32")
    print_document(b"%PDF-1.4", Chosen())
    assert len(drawn) == 1
    into_file = QPrinter()
    into_file.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    into_file.setOutputFileName(str(tmp_path / "udskrift.pdf"))
    monkeypatch.setattr(cups_printing, "chosen_pdf", lambda pdf, _pages: pdf)  # every page
    for platform in ("linux", "win32"):
        monkeypatch.setattr(cups_printing.sys, "platform", platform)
        print_document(b"%PDF-1.4 " + platform.encode(), into_file)
        assert (tmp_path / "udskrift.pdf").read_bytes() == b"%PDF-1.4 " + platform.encode()
    assert len(lp.calls) == 1 and len(drawn) == 1


def test_without_lp_the_pages_are_drawn_as_pictures(qapp, lp, monkeypatch):
    drawn = []
    monkeypatch.setattr(cups_printing, "print_pdf", lambda *args: drawn.append(args))
    monkeypatch.setattr(cups_printing.shutil, "which", lambda _name: None)
    print_document(b"%PDF-1.4", Chosen())
    assert lp.calls == [] and len(drawn) == 1


def test_the_bundled_program_gives_lp_the_systems_library_path(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/traumefokus/_internal")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/usr/local/lib")
    assert cups_printing._lp_environment()["LD_LIBRARY_PATH"] == "/usr/local/lib"
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG")
    assert "LD_LIBRARY_PATH" not in cups_printing._lp_environment()
