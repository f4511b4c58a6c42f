"""Clearing a safety flag: the flag is shown as raised, and what has been done about it is
written before it is cleared (the note stays with the flag, on the course and on paper)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from traumefokus.domain.isotime import local_day
from traumefokus.services.safety_flags import FlagView, clear_safety_flag
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import FormDialog, day_label


class ClearFlagDialog(FormDialog):
    def __init__(self, ctx: UiContext, flag: FlagView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Clear the safety flag"),
            parent,
            intro=self.tr("Raised %1 by %2: %3")
            .replace("%1", day_label(flag.session_day or local_day(flag.raised_at)))
            .replace("%2", flag.raised_by)
            .replace("%3", flag.text),
            ok_text=self.tr("C&lear the flag"),
        )
        self.flag = flag
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. talked it through; a safety plan is made"))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.form.addRow(self.tr("&What has been done about it:"), self.note)

    def submit(self) -> None:
        clear_safety_flag(self.ctx.acting, self.flag.id, self.note.toPlainText())
