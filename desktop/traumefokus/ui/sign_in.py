"""Signing in: user name (remembered on this machine) and password, over the main window
once it has painted. A user from before passwords chooses one here. After failed attempts the
Sign in button waits as long as the service says, counting down."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.actor import Actor
from traumefokus.domain.passwords import MIN_LENGTH, check_new_password
from traumefokus.errors import InvalidInput, Refused, TraumefokusError
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.style import heading, hint, problem_label, show_problem


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(1024)
    field.setPlaceholderText(placeholder)
    return field


class SignInDialog(QDialog):
    """Who is working. `actor` is set once the password is right."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, name: str | None = None
    ) -> None:
        """`name`: the user name to start with (None: the one last signed in here)."""
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self._choosing = False  # a user from before passwords chooses one
        self._wait_left = 0
        self.setWindowTitle(self.tr("Sign in to Traumefokus"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        fit_on_show(self)

        remembered = ctx.settings.installation.get("last_user") or ""
        self.name = QLineEdit(remembered if name is None else name)
        self.name.setMaxLength(64)
        self.password = password_field()
        self.repeat = password_field()
        self.problem = problem_label()
        self.choose_hint = hint(
            self.tr(
                "You have no password yet. Choose one of at least %1 characters, and type it twice."
            ).replace("%1", str(MIN_LENGTH))
        )
        self.choose_hint.hide()
        self.form = QFormLayout()
        self.form.addRow(self.tr("&User name:"), self.name)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("&Repeat:"), self.repeat)
        self.form.setRowVisible(self.repeat, False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Sign in"), scale=1.3))
        layout.addLayout(self.form)
        layout.addWidget(self.choose_hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.ok.setDefault(True)  # only once the button is inside the dialog
        (self.password if self.name.text() else self.name).setFocus()

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def accept(self) -> None:
        if self._wait_left:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a third of a second
        try:
            self.actor = self._sign_in()
        except TraumefokusError as error:
            self._refused(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()

    def _sign_in(self) -> Actor:
        from traumefokus.services.auth import PasswordNotSet, set_first_password, sign_in

        name, password = self.name.text(), self.password.text()
        if self.ctx.db is None and self.ctx.workspace.locked:  # encrypted: the password opens it
            from traumefokus.services.unlocking import unlock_for_window

            self.ctx.db, actor, self.ctx.sign_in_writes = unlock_for_window(
                self.ctx.workspace, name, password
            )
            return actor
        if self.ctx.db is None:  # opened while the name was typed, unless that was quick
            self.ctx.db = self.ctx.workspace.open()
        if self._choosing:
            if password != self.repeat.text():
                raise InvalidInput("password.mismatch")
            check_new_password(password)
            return set_first_password(self.ctx.db, name, password)
        try:
            return sign_in(self.ctx.db, name, password)
        except PasswordNotSet:
            self._choose_password()
            raise

    def _choose_password(self) -> None:
        self._choosing = True
        self.name.setReadOnly(True)
        self.form.setRowVisible(self.repeat, True)
        self.choose_hint.show()
        self.ok.setText(self.tr("Save the password and sign in"))

    def _refused(self, error: TraumefokusError) -> None:
        show_problem(self.problem, self.ctx.describe(error))
        if isinstance(error, Refused) and error.code == "auth.wait":
            seconds = error.facts["seconds"]
            assert isinstance(seconds, int)  # services/auth.py counts whole seconds
            self._wait_left = seconds
            self.ok.setEnabled(False)
            self._countdown.start()
        if error.code != "auth.choose_password":
            self.password.clear()
        self.password.setFocus()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_left = 0
            self._countdown.stop()
            self.ok.setEnabled(True)
            show_problem(self.problem, None)
