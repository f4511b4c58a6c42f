"""The Logbook tab's Export… button: the entries the filters select, written by the logbook
export (exports/logbook.py) as a spreadsheet or a CSV file with its codebook beside it,
pseudonymised, on a thread of its own; the tab says how far it got and where the files went.

The save dialog's choice of file type decides the format: a spreadsheet (.xlsx), CSV with
semicolons (what Danish Excel opens directly) or CSV with commas.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QLocale, QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from traumefokus.messages import Term, text
from traumefokus.ui import operations
from traumefokus.ui.context import save_settings

if TYPE_CHECKING:
    from traumefokus.errors import TraumefokusError
    from traumefokus.exports.logbook import LogbookExport
    from traumefokus.services.logbook import LogbookFilter
    from traumefokus.ui.background import BackgroundTask
    from traumefokus.ui.context import UiContext

FOLDER_SETTING = "print_folder"  # the folder the user last saved a file to (settings.py)


class LogbookExporter(QObject):
    """`export(where, rows)` asks for the file and writes it; `status` says how it goes, and
    `idle()` is called when the export is over (`busy` meanwhile: one export at a time)."""

    def __init__(
        self, ctx: UiContext, parent: QWidget, status: QLabel, idle: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget, self.status, self.idle = ctx, parent, status, idle
        self.task: BackgroundTask | None = None
        self.busy = False

    def kinds(self) -> list[tuple[str, str, str]]:
        """(the dialog's filter, the suffix, the CSV separator)"""
        return [
            (self.tr("Spreadsheet (*.xlsx)"), ".xlsx", ","),
            (self.tr("CSV for Danish Excel, with semicolons (*.csv)"), ".csv", ";"),
            (self.tr("CSV with commas (*.csv)"), ".csv", ","),
        ]

    def export(self, where: LogbookFilter, rows: int) -> None:
        chosen = self.choose_file()
        if chosen is None:
            return
        out, separator = chosen
        self._run(where, rows, out, separator)

    def choose_file(self) -> tuple[Path, str] | None:
        """The file to write and the CSV separator, or None if the user cancelled."""
        folder = self.ctx.mine.get(FOLDER_SETTING) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if not Path(folder).is_dir():  # no Documents folder: the home folder, never the cwd
            folder = str(Path.home())
        kinds = self.kinds()
        stem = self.tr("logbook")  # the file's name
        name = f"{stem}-{date.today().isoformat()}.xlsx"
        chosen, kind = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Export the logbook"),
            str(Path(folder) / name),
            ";;".join(k[0] for k in kinds),
            kinds[0][0],
        )
        if not chosen:
            return None
        _filter, suffix, separator = next((k for k in kinds if k[0] == kind), kinds[0])
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.ctx.mine.set(FOLDER_SETTING, str(path.parent))
        save_settings(self.ctx)
        return path, separator

    def _run(self, where: LogbookFilter, rows: int, out: Path, separator: str) -> None:
        from traumefokus.exports.logbook import export_logbook

        acting, lang = self.ctx.acting, self.ctx.lang

        def work(progress: Callable[[int, int], None]) -> LogbookExport:
            return export_logbook(
                acting,
                out,
                where,
                separator=separator,
                lang=lang,
                progress=lambda done: progress(done, rows),
            )

        self.busy = True
        self.idle()
        self.status.setText(self.tr("Exporting the logbook…"))
        self.status.show()
        task = operations.run_in_background(
            self.parent_widget,
            self.ctx,
            work,
            self._done,
            progress=self._progress,
            title=self.tr("Export the logbook"),
        )
        task.failed.connect(self._failed)
        self.task = task

    def _progress(self, done: int, total: int) -> None:
        if shiboken6.isValid(self.status):
            locale = QLocale()
            self.status.setText(
                self.tr("Exporting the logbook: %1 of %2 sessions…")
                .replace("%1", locale.toString(done))
                .replace("%2", locale.toString(max(total, done)))
            )

    def _done(self, result: LogbookExport) -> None:
        self.busy = False
        if not shiboken6.isValid(self.status):
            return
        self.idle()
        self.status.setText(
            text(
                "export.logbook_done",
                self.ctx.lang,
                rows=QLocale().toString(result.rows),
                how=Term("export.pseudonymised"),
                path=result.path,
                codebook=result.codebook.name,
            )
        )

    def _failed(self, _error: TraumefokusError | str) -> None:
        self.busy = False
        if shiboken6.isValid(self.status):  # the error itself is shown by run_in_background
            self.idle()
            self.status.hide()
