"""The first start: no users yet, so the first person to start the program becomes admin."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.users import clean_user_name
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import attempt
from traumefokus.ui.style import heading, hint, problem_label


class FirstUserDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Welcome to Traumefokus"))
        self.setMinimumWidth(520)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. mette.h"))
        self.name.setMaxLength(64)
        self.problem = problem_label()

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.name)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            self.tr("Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Welcome to Traumefokus")))
        layout.addWidget(
            hint(
                self.tr(
                    "There are no users yet. Create the first user: they become the administrator "
                    "and can then add therapists, supervisors and coders."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(
            hint(self.tr("Letters, digits, dot, hyphen or underscore, starting with a letter."))
        )
        layout.addWidget(self.problem)
        layout.addWidget(hint(self.tr("Data is kept in: %1").replace("%1", ctx.workspace.where)))
        layout.addStretch()
        layout.addWidget(buttons)
        self.create_button.setDefault(True)  # only once the button is inside the dialog
        self.name.setFocus()

    def accept(self) -> None:
        if attempt(self, self.ctx, self.problem, self._create):
            super().accept()
        else:
            self.name.setFocus()

    def _create(self) -> None:
        from traumefokus.services.users import create_first_admin

        name = clean_user_name(self.name.text())  # before a database is made for nothing
        if self.ctx.db is None:
            self.ctx.db = self.ctx.workspace.open(create=True)
        self.ctx.actor = create_first_admin(self.ctx.db, name)
