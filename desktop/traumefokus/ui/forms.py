"""The common shape of the small dialogs: a form, a place for a problem, OK and Cancel.

`submit()` calls one service; a problem with what was typed is shown in the dialog (which
stays open, nothing lost), anything else that refuses the action in a message box. A page
that can show its data anew sets `reloads`: a change someone else made meanwhile is then
said in the dialog, with Reload (ui/dialog_conflict.py), and `seen` gets the fresh data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from traumefokus.ui import operations
from traumefokus.ui.context import UiContext
from traumefokus.ui.dialog_conflict import DialogConflictBar, save_or_conflict
from traumefokus.ui.fit import ScrollBody, fit_on_show
from traumefokus.ui.style import heading, hint, problem_label


class FormDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        title: str,
        parent: QWidget | None = None,
        *,
        intro: str = "",
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.problem = problem_label()
        self.reloads: Callable[[], Any] | None = None  # the page shows its data anew: `seen`
        self.conflict_bar = DialogConflictBar(self)
        self.conflict_bar.reload_button.clicked.connect(self.reload_seen)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The form scrolls when the screen is small; the problem and the buttons stay below.
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(10)
        if intro:
            inner.addWidget(hint(intro))
        inner.addLayout(self.form)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(title, scale=1.25))
        layout.addWidget(ScrollBody(body), 1)
        layout.addWidget(self.conflict_bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        fit_on_show(self)

    def add_reason(self) -> QLineEdit:
        """The "why" of a plan change, kept in the plan history."""
        reason = QLineEdit()
        reason.setPlaceholderText(self.tr("Optional: why, in a few words"))
        reason.setMaxLength(500)
        self.form.addRow(self.tr("&Reason:"), reason)
        return reason

    def submit(self) -> None:
        """Do the work; raise a TraumefokusError to keep the dialog open."""
        raise NotImplementedError

    def seen(self, data: Any) -> None:
        """`data` (what `reloads` returned: a course, say) as read now: from here on the
        dialog saves from its versions. Nothing entered in the dialog changes."""

    def reload_seen(self) -> None:
        if self.reloads is not None:
            self.seen(self.reloads())
        self.conflict_bar.hide()

    def accept(self) -> None:
        reloads = self.reloads is not None
        if save_or_conflict(self, self.ctx, self.problem, self.conflict_bar, reloads, self.submit):
            super().accept()


def attempt(dialog: QWidget, ctx: UiContext, problem: QLabel, action: Callable[[], None]) -> bool:
    """Run one service call for a dialog (ui/operations.py): a problem with what was typed
    shows in `problem` and the dialog stays open with everything in it; a refusal gets a
    message box."""
    return operations.run(dialog, ctx, action, problem=problem)


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setDate(to_qdate(value or date.today()))
    return edit


def time_edit(value: time | None = None) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setTime(QTime(value.hour, value.minute) if value else QTime(10, 0))
    return edit


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def day_label(value: date | None, *, weekday: bool = True) -> str:
    """A date as people in the session room read it: `ons. 21.01.2026`."""
    if value is None:
        return ""
    return QLocale().toString(to_qdate(value), "ddd dd.MM.yyyy" if weekday else "dd.MM.yyyy")


def time_label(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""
