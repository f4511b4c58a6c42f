"""PDF pages as images, with pdfium (through pypdfium2): for the preview (a page at a time, as
it scrolls into view), and for a printer that cannot take the PDF itself (Windows; see
`cups_printing`, which sends the PDF as it is to a CUPS queue or a file), so that paper shows
exactly what the preview showed.

pdfium is not thread-safe: one thread at a time uses it (`_pdfium`), whichever background
task it is (the preview's pages, printing).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageRanges, QPainter
from PySide6.QtPrintSupport import QPrinter

from traumefokus.errors import DataProblem
from traumefokus.ui.background import Cancelled
from traumefokus.ui.heap import give_large_blocks_back

give_large_blocks_back()  # page pictures are megabytes each: freed, they leave the process

PRINT_DPI_LIMIT = 300  # enough for text on paper; a 600 dpi A4 page would be 140 MB
_pdfium = threading.Lock()


def page_sizes(pdf: bytes) -> list[QSizeF]:
    """Each page's size in points (1/72 inch)."""
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            return [QSizeF(*document.get_page_size(i)) for i in range(len(document))]
        finally:
            document.close()


def page_images(pdf: bytes, dpi: float, indices: Sequence[int] | None = None) -> list[QImage]:
    """The pages at `indices` (counted from 0; all by default) as pictures at `dpi`."""
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            chosen = range(len(document)) if indices is None else indices
            return [_image(document[index], dpi) for index in chosen]
        finally:
            document.close()


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    return _wrapped(_bitmap(page, dpi)).copy()  # own the pixels: the buffer goes with the bitmap


def _bitmap(page: pdfium.PdfPage, dpi: float) -> pdfium.PdfBitmap:
    """pdfium's own BGRx pixels: on a little-endian machine (every one the program runs on)
    Qt's RGB32, which a screen's pixmap and Qt's PDF engine take as they are, where another
    format is first converted (a second 35 MB for a page printed at 300 dpi)."""
    return page.render(scale=dpi / 72, prefer_bgrx=True)


def _wrapped(bitmap: pdfium.PdfBitmap) -> QImage:
    """The bitmap's own pixels as a QImage, not copied (35 MB for an A4 page at 300 dpi): to
    be used only while `bitmap` lives."""
    return QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
    )


def chosen_pages(ranges: QPageRanges, count: int) -> list[int]:
    """The pages (counted from 0, in order, each once) that the print dialog's page list
    ("1-3,5"; empty: all) chose of a document of `count` pages; pages past its end are not
    there to print."""
    if ranges.isEmpty():
        return list(range(count))
    chosen = {
        number - 1
        for part in ranges.toRangeList()
        for number in range(max(part.from_, 1), min(part.to, count) + 1)
    }
    return sorted(chosen)


def check_page_list(ranges: QPageRanges, count: int) -> None:
    """Refuse a page list that names no page of a document of `count` pages ("7-9" of five):
    it would print nothing, and the print would be recorded all the same."""
    if not chosen_pages(ranges, count):
        raise DataProblem("print.no_page_chosen", pages=count)


def chosen_pdf(pdf: bytes, ranges: QPageRanges) -> bytes | None:
    """The pages of `pdf` that `ranges` chose (see `chosen_pages`) as a PDF of their own,
    copied as they are (the text stays text); `pdf` itself if that is every page, None if
    it is none."""
    with _pdfium:
        source = pdfium.PdfDocument(pdf)
        try:
            pages = chosen_pages(ranges, len(source))
            if pages == list(range(len(source))):
                return pdf
            if not pages:
                return None
            chosen = pdfium.PdfDocument.new()
            try:
                chosen.import_pages(source, pages)
                out = io.BytesIO()
                chosen.save(out)
                return out.getvalue()
            finally:
                chosen.close()
        finally:
            source.close()


def print_pdf(
    pdf: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None
) -> None:
    """The pages the print dialog asked for (all by default; "1-3,5" as listed), each rendered
    at the printer's resolution (at most 300 dpi) onto a sheet of its own: the printout holds
    pictures, not text. Callers go through `cups_printing.print_document`, which uses this
    where neither CUPS nor a file is."""
    dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            pages = chosen_pages(printer.pageRanges(), len(document))
            if pages:
                _draw(document, pages, printer, dpi, progress)
        finally:
            document.close()


def _draw(
    document: pdfium.PdfDocument,
    pages: list[int],
    printer: QPrinter,
    dpi: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise DataProblem("print.printer_unavailable")
    try:
        for done, index in enumerate(pages):
            if progress is not None:
                try:
                    progress(done, len(pages))
                except Cancelled:
                    printer.abort()  # nothing half-printed reaches the printer
                    raise
            if done:
                printer.newPage()
            bitmap = _bitmap(document[index], dpi)  # drawn from pdfium's pixels: one copy
            image = _wrapped(bitmap)
            area = painter.viewport()
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((area.width() - width) / 2, 0, width, height), image)
            del image, bitmap  # the picture before its pixels
    finally:
        painter.end()
