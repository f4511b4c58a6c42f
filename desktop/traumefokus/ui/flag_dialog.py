"""Raising a safety flag is a deliberate step: the flag stays on the course, seen by everyone
who opens it, until it is cleared with a note. The dialog shows the flag's text (taken from the
check-in's field, and editable) and raises it only on Confirm; the keyboard goes back to
where it was, whichever way the dialog closes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit, QWidget
from shiboken6 import isValid

from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import FormDialog


class FlagDialog(FormDialog):
    def __init__(
        self, ctx: UiContext, session_id: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Raise a safety flag"),
            parent,
            ok_text=self.tr("Raise the flag"),
            intro=self.tr(
                "The flag stays on the course and on every note, seen by everyone who opens "
                "it, until it is cleared with a word on what was done. Say briefly what the "
                "risk is."
            ),
        )
        self.session_id = session_id
        self.raised: str | None = None  # the flag's id, once raised
        self.text = QPlainTextEdit(text.strip())
        # Typing starts here: Space types a space, Return a new line; Tab reaches the buttons.
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        self.form.addRow(self.tr("&The flag's text:"), self.text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.text.textChanged.connect(self._enable)
        self._enable()
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def _enable(self) -> None:
        self.ok_button.setEnabled(bool(self.text.toPlainText().strip()))

    def submit(self) -> None:
        from traumefokus.services.safety_flags import raise_safety_flag

        self.raised = raise_safety_flag(self.ctx.acting, self.session_id, self.text.toPlainText())


def ask_to_raise(ctx: UiContext, session_id: str, text: str, parent: QWidget) -> str | None:
    """Open the dialog; the id of the flag raised, or None."""
    dialog = FlagDialog(ctx, session_id, text, parent)
    try:
        dialog.exec()
        return dialog.raised
    finally:
        dialog.deleteLater()


@contextmanager
def focus_kept() -> Iterator[None]:
    """The keyboard focus goes back, afterwards, to the widget that had it before (and its
    window gets the keyboard back, with or without a window manager to hand it over)."""
    before = QApplication.focusWidget()
    try:
        yield
    finally:
        if before is not None and isValid(before):
            before.window().activateWindow()
            before.setFocus()
