"""Printing a PDF to a real printer queue or to a file. On Linux and macOS (CUPS) the program's
PDF goes to the queue as it is, through `lp` reading it from its standard input (the program
writes no file of it; CUPS spools the job as it does every job): the text stays text, sharp at
any resolution, and the jobs stay small. When the print dialog chose a file, the program's
own PDF (the pages asked for) is written there, on every system. On Windows, or where `lp` is
missing, each page is drawn as a picture at the printer's resolution (`pdf_pages.print_pdf`,
at most 300 dpi).

`print_document` chooses; the options the print dialog chose (copies, pages, two-sided,
black and white) go to `lp` as its own options, and the paper is always A4. A job `lp`
refuses is a DataProblem that names the printer and `lp`'s exit code; nothing of the
document, `lp`'s own words included, reaches a message or the log.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from traumefokus.errors import DataProblem
from traumefokus.fileio import atomic_writer
from traumefokus.ui.pdf_pages import chosen_pdf, print_pdf

log = logging.getLogger(__name__)

LP_TIMEOUT = 60  # seconds for lp to hand the job to the scheduler (not for the printing)
SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexAuto: "two-sided-long-edge",  # the pages are portrait A4
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


def print_document(
    pdf: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None
) -> None:
    """Print `pdf` on the printer the print dialog chose: into the file it chose or to a
    CUPS queue as the PDF itself, else (Windows, no `lp`) each page as a picture. (The
    preview has checked the file with `fileio.checked_output` before recording the print.)"""
    if (out := pdf_file(printer)) is not None:
        write_to_file(pdf, printer, out, progress)
    elif (lp := lp_program(printer)) is not None:
        send_to_cups(pdf, printer, lp, progress)
    else:
        print_pdf(pdf, printer, progress)


def pdf_file(printer: QPrinter) -> Path | None:
    """The PDF file the print dialog chose ("Print to file"), if it chose one."""
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat:
        return None
    return Path(name) if (name := printer.outputFileName()) else None


def write_to_file(
    pdf: bytes, printer: QPrinter, out: Path, progress: Callable[[int, int], None] | None = None
) -> None:
    """Write the pages the dialog chose (all by default; "1-3,5" as listed) into `out`, whole
    or not at all (0600; a full disk or a folder that cannot be written is a DataProblem).
    Cancelling works until the file is written."""
    if progress is not None:
        progress(0, 1)
    chosen = chosen_pdf(pdf, printer.pageRanges())
    if chosen is None:
        return  # no page of the document in the list: nothing to write
    with atomic_writer(out) as file:
        file.write(chosen)
    if progress is not None:
        progress(1, 1)


def lp_program(printer: QPrinter) -> str | None:
    """The `lp` to send the PDF with, if the printer is a CUPS queue; else None."""
    if sys.platform == "win32":
        return None
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    if printer.outputFileName() or not printer.printerName():
        return None
    return shutil.which("lp")


def lp_arguments(printer: QPrinter) -> list[str]:
    """`lp`'s arguments (after the program) for the queue and the choices of the dialog; no
    file: the PDF comes on standard input."""
    arguments = ["-d", printer.printerName(), "-o", "media=A4"]
    if title := printer.docName():
        arguments += ["-t", title]
    copies = max(printer.copyCount(), 1)
    if copies > 1:
        arguments += ["-n", str(copies)]
        arguments += ["-o", f"collate={'true' if printer.collateCopies() else 'false'}"]
    if not (pages := printer.pageRanges()).isEmpty():  # "2-4" or "1-3,5", as CUPS writes them
        arguments += ["-P", pages.toString()]
    arguments += ["-o", f"sides={SIDES.get(printer.duplex(), 'one-sided')}"]
    if printer.colorMode() == QPrinter.ColorMode.GrayScale:
        arguments += ["-o", "print-color-mode=monochrome"]
    return arguments


def send_to_cups(
    pdf: bytes,
    printer: QPrinter,
    lp: str,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Hand the PDF to the queue. Cancelling works until the job is handed over (the
    progress report before it raises); after that the job is the print system's."""
    if progress is not None:
        progress(0, 1)
    queue = printer.printerName()
    try:
        answer = subprocess.run(
            [lp, *lp_arguments(printer)],
            input=pdf,
            capture_output=True,
            timeout=LP_TIMEOUT,
            env=_lp_environment(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        log.warning("lp did not answer within %d s", LP_TIMEOUT)
        raise DataProblem("print.lp_timeout", printer=queue, seconds=LP_TIMEOUT) from None
    except OSError as error:
        log.warning("lp could not be started (errno %s)", error.errno)
        raise DataProblem("print.lp_failed", printer=queue, code=error.errno) from None
    if answer.returncode != 0:
        log.warning("lp refused the job (exit code %d)", answer.returncode)
        if b"does not exist" in answer.stderr:  # lp speaks English: LC_ALL=C
            raise DataProblem("print.queue_missing", printer=queue)
        raise DataProblem("print.lp_failed", printer=queue, code=answer.returncode)
    if progress is not None:
        progress(1, 1)


def _lp_environment() -> dict[str, str]:
    """The environment for `lp`: its messages in English (to tell a missing queue), and, in
    the bundled program, the library path the system had (PyInstaller's bootloader points
    it at the bundle, whose libraries are not the system's `lp`'s)."""
    environment = dict(os.environ, LC_ALL="C")
    if getattr(sys, "frozen", False):
        for name in ("LD_LIBRARY_PATH", "LIBPATH"):
            original = environment.pop(f"{name}_ORIG", None)
            if original is None:
                environment.pop(name, None)
            else:
                environment[name] = original
    return environment
