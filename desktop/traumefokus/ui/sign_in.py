"""Choosing who is working, when several users share the data and no --user was given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from traumefokus.services.workspace import actor_from_probe
from traumefokus.storage.probe import Probe
from traumefokus.ui.context import UiContext
from traumefokus.ui.labels import role_label
from traumefokus.ui.style import heading


class SignInDialog(QDialog):
    def __init__(self, ctx: UiContext, found: Probe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found = found
        self.setWindowTitle(self.tr("Sign in to Traumefokus"))
        self.setMinimumSize(420, 360)

        self.users = QListWidget()
        last = ctx.settings.get("last_user")
        for user in found.users:
            if not user.active:
                continue
            item = QListWidgetItem(f"{user.name}  ·  {role_label(user.role)}")
            item.setData(Qt.ItemDataRole.UserRole, user.name)
            self.users.addItem(item)
            if user.name == last:
                self.users.setCurrentItem(item)
        if self.users.currentItem() is None and self.users.count():
            self.users.setCurrentRow(0)
        self.users.itemActivated.connect(self.accept)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Who is working?"), scale=1.3))
        layout.addWidget(self.users)
        layout.addWidget(buttons)
        ok.setDefault(True)  # only once the button is inside the dialog
        self.users.setFocus()

    def accept(self) -> None:
        item = self.users.currentItem()
        if item is None:
            return
        self.ctx.actor = actor_from_probe(self.found, item.data(Qt.ItemDataRole.UserRole))
        super().accept()
