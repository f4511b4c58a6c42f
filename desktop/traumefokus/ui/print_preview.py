"""The preview of a printed document: its real PDF pages, the choices that change them (the
client's name on paper; which worksheets a handout holds), and Print and Save as PDF, which
send exactly those pages on.

Rendering and printing run in the background with progress, so that a whole course of notes
never freezes the window; the pages are drawn as they come into view (`preview_pages`).
Printing or saving records the document (audit trail; a status letter's printed day) and
emits `delivered`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, QSizeF, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageSize, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.documents.render import (
    DocumentRequest,
    Rendered,
    check_printable,
    deliver,
    render,
    save_rendered,
)
from traumefokus.errors import Refused, TraumefokusError
from traumefokus.fileio import checked_output
from traumefokus.ui.background import BackgroundTask, Work
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.cups_printing import pdf_file, print_document
from traumefokus.ui.fit import fit_on_show, room
from traumefokus.ui.operations import IN_FORM, Icon, run
from traumefokus.ui.pdf_pages import check_page_list, page_images, page_sizes
from traumefokus.ui.preview_pages import PreviewPages
from traumefokus.ui.style import heading, problem_label, show_problem

# The document, its pages' sizes in points, the pictures' dots per inch, its first picture.
Shown = tuple[Rendered, list[QSizeF], float, dict[int, QImage]]

PREVIEW_DPI = 96  # at most: a page at about its real size
A4_WIDTH_INCHES = 210 / 25.4


class PrintPreview(QDialog):
    delivered = Signal()

    def __init__(
        self,
        ctx: UiContext,
        request: DocumentRequest,
        title: str,
        parent: QWidget | None = None,
        *,
        has_name: bool = False,
        worksheets: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = replace(request, lang=ctx.lang)
        self.rendered: Rendered | None = None
        self.task: BackgroundTask | None = None
        self.working = False  # rendering or printing: Print and Save wait
        self.setWindowTitle(title)
        wanted = QSize(1160 if has_name or worksheets else 920, 1000)
        self.resize(wanted.boundedTo(room(self)))
        fit_on_show(self)

        self.with_name = QCheckBox(self.tr("The client's &name on paper"))
        self.with_name.setVisible(has_name)
        self.with_name.setChecked(request.with_name)
        self.with_name.toggled.connect(self._changed)
        self.sheets = QListWidget()
        self.sheets.setWordWrap(True)
        for sheet_id, sheet_title in worksheets:
            item = QListWidgetItem(sheet_title)
            item.setData(Qt.ItemDataRole.UserRole, sheet_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = request.worksheets is None or sheet_id in request.worksheets
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.sheets.addItem(item)
        self.sheets.itemChanged.connect(self._changed)
        side = QVBoxLayout()
        side.addWidget(self.with_name)
        if worksheets:
            side.addWidget(QLabel(self.tr("Worksheets:")))
            side.addWidget(self.sheets, 1)
        else:
            side.addStretch()
        self.sheets.setVisible(bool(worksheets))

        self.paper = PreviewPages()
        self.pages = self.paper.sheet_column

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(220)
        self.status = QLabel()
        self.problem = problem_label()
        self.print_button = QPushButton(self.tr("&Print… (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF… (Ctrl+S)"))
        close = QPushButton(self.tr("Close"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        close.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.progress)
        footer.addWidget(self.status, 1)
        footer.addWidget(self.print_button)
        footer.addWidget(self.save_button)
        footer.addWidget(close)

        body = QHBoxLayout()
        self.options = QWidget()
        self.options.setLayout(side)
        self.options.setFixedWidth(240)
        self.options.setVisible(has_name or bool(worksheets))
        body.addWidget(self.options)
        body.addWidget(self.paper, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, scale=1.25))
        layout.addWidget(self.problem)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.print_document)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save_document)
        self.paper.setFocus()  # the keys that scroll scroll the pages; Enter still prints

        self.rerender = QTimer(self)
        self.rerender.setSingleShot(True)
        self.rerender.setInterval(250)
        self.rerender.timeout.connect(self.render_pages)
        self.render_pages()

    # --- rendering -------------------------------------------------------------------------
    def _changed(self) -> None:
        chosen = None
        if self.sheets.count():
            chosen = tuple(
                item.data(Qt.ItemDataRole.UserRole)
                for item in map(self.sheets.item, range(self.sheets.count()))
                if item.checkState() == Qt.CheckState.Checked
            )
        self.request = replace(
            self.request, with_name=self.with_name.isChecked(), worksheets=chosen
        )
        self._busy(self.tr("Preparing the pages…"))  # the pages shown are no longer these
        self.rerender.start()

    def render_pages(self) -> None:
        """Render the document in the background, with its page sizes and its first page's
        picture (the others are drawn as they come into view)."""
        if self.task is not None:
            self.task.cancel()  # its result, should it still come, is dropped
        self._busy(self.tr("Preparing the pages…"))
        ctx, request = self.ctx, self.request
        dpi = self.devicePixelRatioF() * self._fit()

        def work(progress: Callable[[int, int], None]) -> Shown:
            rendered = render(ctx.acting, request, today=date.today(), progress=progress)
            first = page_images(rendered.pdf, dpi, [0]) if rendered.pages else []
            return rendered, page_sizes(rendered.pdf), dpi, dict(enumerate(first))

        self._run(work, self._show)

    def _fit(self) -> float:
        """The dots per inch at which a page fits the width of the preview (on a small
        screen the pages get smaller rather than cut off)."""
        room = self.width() - (260 if self.options.isVisibleTo(self) else 0) - 110
        return max(48.0, min(float(PREVIEW_DPI), room / A4_WIDTH_INCHES))

    def _show(self, result: Shown) -> None:
        self.rendered, sizes, dpi, first = result
        self.paper.show_document(self.rendered.pdf, sizes, dpi, first)
        pages = self.rendered.pages
        self._idle(self.tr("Pages: %1").replace("%1", str(pages)))

    # --- printing and saving ---------------------------------------------------------------
    def _printable(self) -> Rendered | None:
        rendered = self.rendered
        if rendered is None or self.working:
            return None
        check = partial(check_printable, self.ctx.acting, rendered)
        return rendered if run(self, self.ctx, check, icon=Icon.Information) else None

    def print_document(self) -> None:
        rendered = self._printable()
        if rendered is None:
            return
        printer = self.choose_printer(rendered)
        if printer is None:
            return
        pages = partial(check_page_list, printer.pageRanges(), rendered.pages)
        if not run(self, self.ctx, pages, problem=self.problem, inline=IN_FORM):
            return
        if (out := pdf_file(printer)) is not None:  # never over the program's own files
            check = partial(checked_output, out, self.ctx.acting.protected_paths())
            if not run(self, self.ctx, check, problem=self.problem, inline=IN_FORM):
                return
        # The audit entry is committed before a page goes to the printer: a printout is
        # never without its record (a print that then fails is recorded all the same).
        handed = partial(deliver, self.ctx.acting, rendered, today=date.today())
        if not run(self, self.ctx, handed, problem=self.problem, inline=IN_FORM):
            return
        self.delivered.emit()
        self._busy(self.tr("Printing…"))
        self._run(
            lambda progress: print_document(rendered.pdf, printer, progress),
            lambda _result: self._idle(self.tr("Sent to the printer.")),
        )

    def choose_printer(self, rendered: Rendered) -> QPrinter | None:
        """The system print dialog; None if the user cancels."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF's pages carry their own margins
        printer.setDocName(rendered.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(rendered.pages, 1))  # a page list within the document
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def save_document(self) -> None:
        rendered = self._printable()
        if rendered is None:
            return
        path = self.choose_file(rendered)
        if path is None:
            return
        save = partial(save_rendered, self.ctx.acting, rendered, path, today=date.today())
        if not run(self, self.ctx, save, problem=self.problem, inline=IN_FORM):
            return
        self.ctx.mine.set("print_folder", str(path.parent))
        save_settings(self.ctx)
        self._idle(self.tr("Saved as %1").replace("%1", str(path)))
        self.delivered.emit()

    def choose_file(self, rendered: Rendered) -> Path | None:
        """The system's save dialog; None if the user cancels."""
        folder = self.ctx.mine.get("print_folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(Path(folder) / rendered.file_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not name:
            return None
        return Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")

    # --- the background task and the footer --------------------------------------------------
    def _run(self, work: Work, on_done: Callable[[Any], None]) -> None:
        task = BackgroundTask(work)

        def current() -> bool:
            """Whether this is still the work the preview waits for (not replaced by newer
            work, the window not gone)."""
            return shiboken6.isValid(self) and task is self.task

        def progress(done: int, total: int) -> None:
            if current():
                self._progress(done, total)

        def done(result: object) -> None:
            if current():
                on_done(result)

        def failed(problem: TraumefokusError | str) -> None:
            if current():
                self._failed(problem)

        def cancelled() -> None:
            if current():
                self._idle(self.tr("Cancelled."))

        task.progress.connect(progress)
        task.done.connect(done)
        task.failed.connect(failed)
        task.cancelled.connect(cancelled)
        self.task = task
        task.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, problem: TraumefokusError | str) -> None:
        text = problem if isinstance(problem, str) else self.ctx.describe(problem)
        self._idle("")
        show_problem(self.problem, text)

    def _busy(self, text: str) -> None:
        self.working = True
        self.options.setEnabled(False)
        show_problem(self.problem, None)
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _idle(self, text: str) -> None:
        self.working = False
        self.options.setEnabled(True)
        self.status.setText(text)
        self.progress.hide()
        ready = self.rendered is not None
        may = self._may_deliver()
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready and may is None)
            button.setToolTip(may or "")

    def _may_deliver(self) -> str | None:
        """None if this user may print the document shown; else why not. (A letter with gaps
        left says so when Print is pressed.)"""
        if self.rendered is None:
            return None
        try:
            check_printable(self.ctx.acting, self.rendered)
        except Refused as error:
            return self.ctx.describe(error)
        except TraumefokusError:
            return None
        return None

    def done(self, result: int) -> None:
        """Closing stops what is under way (a print job is withdrawn) without waiting."""
        self.rerender.stop()
        self.paper.clear()
        if self.task is not None:
            self.task.cancel()
            self.task = None  # whatever it still reports is dropped
        super().done(result)
