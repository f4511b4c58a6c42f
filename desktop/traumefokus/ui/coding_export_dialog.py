"""The Coding rounds tab's Export for coders… dialog: a round's files for its coders
(exports/coding.export_coding, as `coding export` writes them) to a folder or one ZIP file,
and, if asked, the recordings key beside them (it stays at the centre).

The export runs off the UI thread. Once written, the dialog says what was written and each
coder's pseudonym in the rating sheet, as the command line does, and offers only Close.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.messages import text
from traumefokus.ui import operations
from traumefokus.ui.context import save_settings
from traumefokus.ui.forms import FormDialog
from traumefokus.ui.style import hint, show_problem

if TYPE_CHECKING:
    from traumefokus.exports.coding import CodingExport
    from traumefokus.ui.background import BackgroundTask
    from traumefokus.ui.context import UiContext

FOLDER_SETTING = "print_folder"  # the folder the user last saved a file to (settings.py)


class CodingExportDialog(FormDialog):
    """`written` holds what was exported, once it is."""

    def __init__(self, ctx: UiContext, round_name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Export for coders"),
            parent,
            intro=self.tr(
                "The round's sessions, pseudonymised, with the codebook and an empty rating "
                "sheet: no client code, name, therapist or free text leaves the centre."
            ),
            ok_text=self.tr("&Export"),
        )
        self.round_name = round_name
        self.written: CodingExport | None = None
        self.task: BackgroundTask | None = None
        stem = "".join(c if c.isalnum() else "-" for c in round_name).strip("-").lower()
        prefix = self.tr("coding")  # the files' names
        self.stem = f"{prefix}-{stem or 'round'}"
        base = save_folder(ctx)
        self.as_folder = QRadioButton(self.tr("A &folder"))
        self.as_zip = QRadioButton(self.tr("One &ZIP file"))
        self.as_folder.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.as_folder)
        kinds.addWidget(self.as_zip)
        kinds.addStretch()
        self.out = QLineEdit(str(base / self.stem))
        self.with_key = QCheckBox(self.tr("Also write the &recordings key"))
        key_name = self.tr("recordings-key")  # the key file's name
        self.key = QLineEdit(str(base / f"{self.stem}-{key_name}.csv"))
        self.as_zip.toggled.connect(self._kind_changed)
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_text.hide()
        self.form.addRow(self.tr("Round:"), QLabel(round_name))
        self.form.addRow(self.tr("Write as:"), kinds)
        self.out_row = self._with_button(self.out, self._choose_out)
        self.form.addRow(self.tr("&Save to:"), self.out_row)
        self.form.addRow("", self.with_key)
        self.key_row = self._with_button(self.key, self._choose_key)
        self.key_row.setEnabled(False)
        self.with_key.toggled.connect(self.key_row.setEnabled)
        self.form.addRow(self.tr("&Key file:"), self.key_row)
        self.form.addRow(
            "",
            hint(
                self.tr(
                    "The key links each pseudonym to its recording's file name, so that the "
                    "recordings can be renamed; it stays at the centre and is never sent."
                )
            ),
        )
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.problem), self.done_text)  # never scrolled away

    def _with_button(self, edit: QLineEdit, choose: Callable[[], None]) -> QWidget:
        """The field with its Choose… button, enabled and disabled together."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        edit.setMinimumWidth(260)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Choose…"))
        button.clicked.connect(choose)
        row.addWidget(button)
        return box

    def _kind_changed(self, as_zip: bool) -> None:
        path = Path(self.out.text().strip() or str(save_folder(self.ctx) / self.stem))
        if as_zip and path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        elif not as_zip and path.suffix.lower() == ".zip":
            path = path.with_suffix("")
        self.out.setText(str(path))

    def _choose_out(self) -> None:
        current = self.out.text().strip()
        if self.as_zip.isChecked():
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export for coders"), current, self.tr("ZIP files (*.zip)")
            )
            if chosen and not chosen.lower().endswith(".zip"):
                chosen += ".zip"
        else:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Export for coders"), str(Path(current).parent)
            )
        if chosen:
            self.out.setText(chosen)

    def _choose_key(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Recordings key"), self.key.text().strip(), self.tr("CSV files (*.csv)")
        )
        if chosen:
            self.key.setText(chosen if chosen.lower().endswith(".csv") else f"{chosen}.csv")

    def accept(self) -> None:
        from traumefokus.exports.coding import export_coding

        if self.written is not None:  # the export is done: the button closes
            FormDialog.done(self, FormDialog.DialogCode.Accepted)
            return
        if self.task is not None and self.task.running:
            return
        out = self.out.text().strip()
        if not out:
            show_problem(self.problem, self.tr("Choose where the export is written."))
            return
        key = Path(self.key.text().strip()) if self.with_key.isChecked() else None
        if key is not None and not key.name:
            show_problem(self.problem, self.tr("Choose where the recordings key is written."))
            return
        acting, lang, name = self.ctx.acting, self.ctx.lang, self.round_name
        as_zip = self.as_zip.isChecked()
        self.ok_button.setEnabled(False)
        self.task = operations.run_in_background(
            self,
            self.ctx,
            lambda _p: export_coding(
                acting, name, Path(out), as_zip=as_zip, recordings_key=key, lang=lang
            ),
            self._written,
            problem=self.problem,
            title=self.windowTitle(),
        )
        self.task.failed.connect(self._failed)

    def _written(self, done: CodingExport) -> None:
        if not shiboken6.isValid(self):
            return
        self.written = done
        self.ctx.mine.set(FOLDER_SETTING, str(Path(done.path).parent))
        save_settings(self.ctx)
        self.done_text.setText(summary(done, self.ctx.lang))
        self.done_text.show()
        self.adjustSize()
        for widget in (self.as_folder, self.as_zip, self.out_row, self.with_key, self.key_row):
            widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.ok_button.setText(self.tr("Close"))
        self.ok_button.setEnabled(True)
        self.ok_button.setFocus()

    def _failed(self, _error: object) -> None:
        if shiboken6.isValid(self):  # the problem itself is shown by run_in_background
            self.ok_button.setEnabled(True)


def summary(done: CodingExport, lang: str) -> str:
    """What the export wrote, and each coder's pseudonym, as `coding export` says it."""
    lines = [
        text(
            "coding.exported",
            lang,
            name=done.round_name,
            path=done.path,
            sessions=done.sessions,
            rows=done.rating_rows,
        )
    ]
    lines += [
        text("coding.coder_pseudonym", lang, name=name, pseudonym=pseudonym)
        for name, pseudonym in done.coders
    ]
    if done.key is not None:
        lines.append(text("coding.key_written", lang, path=done.key))
    return "\n".join(lines)


def save_folder(ctx: UiContext) -> Path:
    """The folder the user last saved a file to, else Documents, else the home folder."""
    folder = ctx.mine.get(FOLDER_SETTING) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()
