"""PDF pages as images, with pdfium (through pypdfium2): for the preview, and for a printer
that cannot take the PDF itself (Windows; see `cups_printing`, which sends the PDF as it is to
a CUPS queue), so that paper shows exactly what the preview showed.

pdfium is not thread-safe: one thread at a time uses it (the background task in progress).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from traumefokus.errors import DataProblem
from traumefokus.ui.background import Cancelled
from traumefokus.ui.heap import give_large_blocks_back

give_large_blocks_back()  # page pictures are megabytes each: freed, they leave the process

PRINT_DPI_LIMIT = 300  # enough for text on paper; a 600 dpi A4 page would be 140 MB
_pdfium = threading.Lock()


def page_images(
    pdf: bytes, dpi: float, progress: Callable[[int, int], None] | None = None
) -> list[QImage]:
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            images = []
            for index in range(len(document)):
                if progress is not None:
                    progress(index, len(document))
                images.append(_image(document[index], dpi))
            return images
        finally:
            document.close()


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    return _wrapped(_bitmap(page, dpi)).copy()  # own the pixels: the buffer goes with the bitmap


def _bitmap(page: pdfium.PdfPage, dpi: float) -> pdfium.PdfBitmap:
    return page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)


def _wrapped(bitmap: pdfium.PdfBitmap) -> QImage:
    """The bitmap's own pixels as a QImage, not copied (35 MB for an A4 page at 300 dpi): to
    be used only while `bitmap` lives."""
    return QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
    )


def print_pdf(
    pdf: bytes, printer: QPrinter, progress: Callable[[int, int], None] | None = None
) -> None:
    """The pages the print dialog asked for (all by default), each rendered at the printer's
    resolution (at most 300 dpi) onto one sheet: the printout holds pictures, not text.
    Callers go through `cups_printing.print_document`, which uses this where CUPS is not."""
    dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        painter = QPainter()
        if not painter.begin(printer):
            document.close()
            raise DataProblem("print.printer_unavailable")
        first = max(printer.fromPage(), 1) - 1
        last = min(printer.toPage() or len(document), len(document))
        pages = range(first, last)
        try:
            for index in pages:
                if progress is not None:
                    try:
                        progress(index - first, len(pages))
                    except Cancelled:
                        printer.abort()  # nothing half-printed reaches the printer
                        raise
                if index > first:
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
            document.close()
