"""The idle lock: after the installation's idle time without a key press or a mouse movement,
every window that shows client data (the client's window and open dialogs too) is covered at
once. The same user's password uncovers them exactly as they were; another user who signs in
(with their own password) first puts the previous user's work away (the draft saved) and
starts afresh.

Windows are covered rather than hidden: hiding a dialog that is waiting for an answer would
end it and lose what was typed in it. A running session clock counts as activity for the
session's length and a quarter of an hour more, so that a conversation is never interrupted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from traumefokus.errors import TraumefokusError
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.sign_in import password_field
from traumefokus.ui.style import heading, hint, problem_label, show_problem

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_EVERY_MS = 5000


class LockCover(QWidget):
    """An opaque sheet over one window's contents while the program is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("LockCover { background: palette(window); }")
        layout = QVBoxLayout(self)
        label = heading(self.tr("Traumefokus is locked"), scale=1.4)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class UnlockDialog(QDialog):
    """The signed-in user's password, or another user signing in to take over."""

    switch_user = Signal(object)  # the Actor who signed in

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Traumefokus")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)
        fit_on_show(self)
        actor = ctx.acting.actor
        self.password = password_field()
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox()
        self.unlock = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        other = buttons.addButton(
            self.tr("Sign in as someone else…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        other.clicked.connect(self._someone_else)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Traumefokus is locked"), scale=1.3))
        layout.addWidget(
            hint(
                self.tr(
                    "Signed in: %1. Your password unlocks it, with everything as you left it."
                ).replace("%1", actor.shown)
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.unlock.setDefault(True)
        self.password.setFocus()

    def accept(self) -> None:
        from traumefokus.services.auth import confirm_password

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            right = confirm_password(
                self.ctx.acting.db, self.ctx.acting.actor, self.password.text()
            )
        except TraumefokusError as error:  # the delay after failures, a database problem
            show_problem(self.problem, self.ctx.describe(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        if not right:
            show_problem(self.problem, self.tr("That is not the password. Try again."))
            self.password.clear()
            self.password.setFocus()
            return
        super().accept()

    def _someone_else(self) -> None:
        """Another user signs in here; only then is the previous user's work put away."""
        from traumefokus.ui.sign_in import SignInDialog

        dialog = SignInDialog(self.ctx, self, name="")
        if not dialog.exec() or dialog.actor is None:
            return
        if dialog.actor.id == self.ctx.acting.actor.id:  # it was them after all
            super().accept()
            return
        self.switch_user.emit(dialog.actor)

    def reject(self) -> None:
        """Esc does not unlock."""


class IdleLock(QObject):
    """Watches for input, and covers the windows when there has been none for a while."""

    locked = Signal()
    switch_user = Signal(object)  # the Actor who signed in while the screens were locked

    def __init__(
        self,
        ctx: UiContext,
        *,
        idle_seconds: float,
        allowance: Callable[[], float] = lambda: 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`allowance()`: seconds to wait on top of `idle_seconds` (a session under way)."""
        super().__init__()
        self.ctx = ctx
        self.idle_seconds = idle_seconds
        self.allowance = allowance
        self.clock = clock
        self.last_input = clock()
        self.covers: list[tuple[QWidget, LockCover, str]] = []
        self.dialog: UnlockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:  # there is one while windows exist
            app.installEventFilter(self)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = self.clock()
        return False

    def check(self) -> None:
        if not self.is_locked and self.clock() - self.last_input >= (
            self.idle_seconds + self.allowance()
        ):
            self.lock()

    def lock(self) -> None:
        """Cover every window at once and ask for the password."""
        if self.is_locked:
            return
        popup = QApplication.activePopupWidget()
        while popup is not None:  # an open menu would float above the covers
            popup.close()
            popup = QApplication.activePopupWidget()
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and not isinstance(window, UnlockDialog):
                self.covers.append((window, LockCover(window), window.windowTitle()))
                window.setWindowTitle("Traumefokus")  # a title may name a client
        self.dialog = UnlockDialog(self.ctx)
        self.dialog.accepted.connect(self.unlock)
        self.dialog.switch_user.connect(self._switch_user)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked.emit()

    def unlock(self) -> None:
        """Uncover the windows exactly as they were."""
        for window, cover, title in self.covers:
            window.removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
            window.setWindowTitle(title)
        self.covers = []
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.last_input = self.clock()

    def _switch_user(self, actor: object) -> None:
        """The windows stay covered: the switch closes them."""
        self.switch_user.emit(actor)

    def stop(self) -> None:
        """No more watching (the user signs out or the program closes)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.covers = []
