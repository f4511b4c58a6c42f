"""The shared database server asks for a password at the start: typed here, used for this run,
and remembered in the system's credential store only if the user asks (storage/
server_password.py); never written to a file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.sign_in import password_field
from traumefokus.ui.style import heading, hint


class ServerPasswordDialog(QDialog):
    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database server"))
        self.setMinimumWidth(480)
        fit_on_show(self)
        self.password = password_field()
        self.remember = QCheckBox(self.tr("&Remember it in this computer's credential store"))
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The database server wants a password")))
        layout.addWidget(
            hint(
                self.tr(
                    "The shared database %1 asks for its password (from your IT department). "
                    "It is not saved in a file; remembered, it is kept in the system's "
                    "credential store for your user only."
                ).replace("%1", where)
            )
        )
        layout.addLayout(form)
        layout.addStretch()
        layout.addWidget(buttons)
        self.password.setFocus()
