"""The recovery key, shown once when the database is encrypted: printed or written down before
the dialog lets the user go on, since nothing can show it again."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.operations import run
from traumefokus.ui.style import heading, hint, problem_label


class RecoveryKeyDialog(QDialog):
    def __init__(self, ctx: UiContext, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recovery_key = recovery_key
        self.setWindowTitle(self.tr("Recovery key"))
        self.setMinimumWidth(560)
        fit_on_show(self)

        self.key = QLabel(recovery_key)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.key.setFont(font)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.print_button = QPushButton(self.tr("&Print the recovery key…"))
        self.print_button.clicked.connect(self.print_key)
        self.kept = QCheckBox(self.tr("I have &printed or written down the key and keep it safe"))
        self.problem = problem_label()

        buttons = QDialogButtonBox()
        self.go_on = buttons.addButton(self.tr("&Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_on.setEnabled(False)
        self.kept.toggled.connect(self.go_on.setEnabled)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Keep the recovery key safe")))
        layout.addWidget(
            hint(
                self.tr(
                    "The data are encrypted on this computer. This recovery key opens them, and "
                    "every backup, if every password is forgotten. It is shown only now: print "
                    "it or write it down, and keep it locked away from the computer. Do not "
                    "save it on the computer."
                )
            )
        )
        layout.addWidget(self.key)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        layout.addWidget(self.kept)
        layout.addStretch()
        layout.addWidget(buttons)
        self.print_button.setFocus()

    def reject(self) -> None:
        """Escape or the window's close button: only once the key is kept."""
        if self.kept.isChecked():
            self.accept()

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        printer.setDocName(self.tr("Recovery key"))
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.send_to(printer)

    def send_to(self, printer: QPrinter) -> None:
        from traumefokus.documents.recovery_sheet import recovery_sheet
        from traumefokus.ui.cups_printing import print_document

        def printed() -> None:
            sheet = recovery_sheet(
                self.recovery_key, self.ctx.workspace.where, self.ctx.lang, date.today()
            )
            print_document(sheet.data, printer)

        if run(self, self.ctx, printed, problem=self.problem):
            self.kept.setFocus()
