"""The signed-in user's own account: changing their password (File ▸ Change password)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from traumefokus.domain.passwords import MIN_LENGTH, check_new_password
from traumefokus.errors import InvalidInput
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import FormDialog
from traumefokus.ui.sign_in import password_field


class ChangePasswordDialog(FormDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Change your password"),
            parent,
            intro=self.tr(
                "At least %1 characters. A sentence you remember is a good password."
            ).replace("%1", str(MIN_LENGTH)),
            ok_text=self.tr("Change password"),
        )
        self.current = password_field()
        self.new = password_field()
        self.repeat = password_field()
        self.form.addRow(self.tr("&Current password:"), self.current)
        self.form.addRow(self.tr("&New password:"), self.new)
        self.form.addRow(self.tr("&Repeat the new one:"), self.repeat)
        self.current.setFocus()

    def submit(self) -> None:
        from traumefokus.services.users import change_own_password

        new = check_new_password(self.new.text())
        if new != self.repeat.text():
            raise InvalidInput("password.mismatch")
        change_own_password(self.ctx.acting, self.current.text(), new)


def change_password(ctx: UiContext, parent: QWidget) -> None:
    dialog = ChangePasswordDialog(ctx, parent)
    if dialog.exec():
        QMessageBox.information(
            parent,
            dialog.windowTitle(),
            QCoreApplication.translate("ChangePasswordDialog", "Your password has been changed."),
        )
