"""The print preview's pages: one sheet of the right size for every page of the PDF, each
drawn only while it is in or near view. A page's picture is rendered in the background when it
scrolls into view (pdfium one page at a time, nearest the view first) and let go when it is
far from it, so that a course's 50 pages of notes hold a handful of pictures (3.6 MB each at
96 dpi), not all of them, however long the document.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from traumefokus.ui.background import BackgroundTask
from traumefokus.ui.pdf_pages import page_images

PAPER = "background: #7d878d;"
SHEET = "background: white; border: 1px solid #5b6469;"
NEAR = 1  # pages either side of the view that are drawn before they are scrolled to
HELD = 4  # at most this many pictures beyond those in view are kept


class PreviewPages(QScrollArea):
    """The scrolling column of pages. `show_document` lays out a PDF; `clear` empties it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheets: list[QLabel] = []
        self._tops: list[int] = []  # where each sheet begins in the column
        self._pdf = b""
        self._dpi = 96.0  # of the pictures, in device pixels (the screen's ratio included)
        self._task: BackgroundTask | None = None
        self._held: list[int] = []  # the pages that have a picture
        self.sheet_column = QWidget()
        self.sheet_column.setStyleSheet(PAPER)
        self.column = QVBoxLayout(self.sheet_column)
        self.column.setSpacing(18)
        self.column.setContentsMargins(24, 24, 24, 24)
        self.setWidget(self.sheet_column)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setStyleSheet(PAPER)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # PageUp/PageDown and arrows scroll
        self.verticalScrollBar().setSingleStep(40)
        self.verticalScrollBar().valueChanged.connect(self._fill)

    def show_document(
        self, pdf: bytes, sizes: list[QSizeF], dpi: float, first: dict[int, QImage]
    ) -> None:
        """Lay out the pages of `pdf` (`sizes` in points) at `dpi` device pixels an inch,
        with the pictures already rendered in `first`; the others follow as they come into
        view."""
        self.clear()
        self._pdf, self._dpi = pdf, dpi
        ratio = self.devicePixelRatioF()
        top = self.column.contentsMargins().top()
        for size in sizes:
            sheet = QLabel(self.sheet_column)
            sheet.setAlignment(Qt.AlignmentFlag.AlignCenter)
            sheet.setStyleSheet(SHEET)
            pixels = QSize(*(math.ceil(points * dpi / 72) for points in size.toTuple()))
            sheet.setFixedSize((pixels.toSizeF() / ratio).toSize() + QSize(2, 2))
            self.column.addWidget(sheet)
            sheet.show()  # counted by the layout now, not after the next event loop turn
            self.sheets.append(sheet)
            self._tops.append(top)
            top += sheet.height() + self.column.spacing()
        self.sheet_column.resize(self.column.sizeHint())
        for index, image in first.items():
            self._put(index, image)
        self._fill()

    def clear(self) -> None:
        """No pages, no pictures, no picture being rendered."""
        self._stop()
        self._pdf, self._held = b"", []
        for sheet in self.sheets:
            self.column.removeWidget(sheet)
            sheet.deleteLater()
        self.sheets, self._tops = [], []

    def held(self) -> list[int]:
        """The pages (counted from 0) whose pictures are kept."""
        return sorted(self._held)

    def in_view(self) -> range:
        """The pages that show, wholly or in part (from the column's own arithmetic, right
        before the layout has placed the sheets)."""
        top = self.verticalScrollBar().value()
        first = max(bisect.bisect_right(self._tops, top) - 1, 0)
        last = bisect.bisect_left(self._tops, top + self.viewport().height())
        return range(first, last) if self.sheets else range(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill()

    # --- the pictures ---------------------------------------------------------------------
    def _fill(self) -> None:
        """Let go of pictures far from view; render the next one the view wants."""
        view = self.in_view()
        if not view:
            return
        near = range(max(view.start - NEAR, 0), min(view.stop + NEAR, len(self.sheets)))
        self._let_go(view)
        if self._task is None:
            wanted = sorted(near, key=lambda index: (index not in view, index))
            missing = [index for index in wanted if index not in self._held]
            if missing:
                self._render(missing[0])

    def _let_go(self, view: range) -> None:
        """Keep the pictures in view, and of the others at most HELD, the nearest."""
        others = [index for index in self._held if index not in view]
        others.sort(key=lambda index: min(abs(index - view.start), abs(index - view.stop + 1)))
        for index in others[HELD:]:
            self._held.remove(index)
            self.sheets[index].clear()

    def _render(self, index: int) -> None:
        pdf, dpi = self._pdf, self._dpi

        def work(progress: Callable[[int, int], None]) -> QImage:
            progress(0, 1)  # a page no longer wanted is not drawn
            return page_images(pdf, dpi, [index])[0]

        task = BackgroundTask(work)

        def current() -> bool:
            return shiboken6.isValid(self) and task is self._task

        def done(image: object) -> None:
            if current():
                self._task = None
                assert isinstance(image, QImage)
                self._put(index, image)
                self._fill()

        def ended() -> None:
            if current():
                self._task = None  # failed or cancelled: the page stays blank

        task.done.connect(done)
        task.failed.connect(lambda _problem: ended())
        task.cancelled.connect(ended)
        self._task = task
        task.start()

    def _put(self, index: int, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.sheets[index].setPixmap(pixmap)
        if index not in self._held:
            self._held.append(index)

    def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None  # whatever it still reports is dropped
