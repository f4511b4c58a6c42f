"""Writing the status letter: a first draft from the course's facts, edited here, kept on
every pause in typing and on closing, then previewed and printed (which records the day).

Someone who may not write notes (a supervisor) reads the letter and its preview only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.documents.render import DocumentKind, DocumentRequest
from traumefokus.documents.status_letter import draft_letter_text
from traumefokus.documents.wording import Wording
from traumefokus.domain.permissions import Permission, allowed
from traumefokus.errors import TraumefokusError
from traumefokus.services.status_letters import LetterView, save_status_letter
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import day_label
from traumefokus.ui.style import heading, hint, problem_label, show_problem

SAVE_DELAY_MS = 1500


class LetterEditor(QDialog):
    changed = Signal()  # saved or printed: the course page shows the letter's state

    def __init__(self, ctx: UiContext, letter: LetterView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letter = letter
        self.may_write = allowed(ctx.actor.role, Permission.WRITE_NOTES)
        self.saved_text = letter.text
        title = self.tr("Status letter after %1 sessions").replace("%1", str(letter.after_sessions))
        self.setWindowTitle(title)
        self.resize(760, 760)

        self.state = hint("")
        self.editor = QPlainTextEdit(letter.text or self._draft())
        self.editor.setReadOnly(not self.may_write)
        font = QFont(self.editor.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.editor.setFont(font)
        self.editor.textChanged.connect(self._typed)
        self.problem = problem_label()
        self.redraft_button = QPushButton(self.tr("Start again from the facts…"))
        self.redraft_button.clicked.connect(self._redraft)
        self.redraft_button.setEnabled(self.may_write)
        preview = QPushButton(self.tr("&Preview and print…"))
        preview.setDefault(True)
        preview.clicked.connect(self.preview)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.redraft_button)
        buttons.addStretch()
        buttons.addWidget(preview)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, scale=1.25))
        layout.addWidget(self.state)
        layout.addWidget(
            hint(
                self.tr(
                    "A blank line starts a new paragraph; a line that starts with “- ” is a "
                    "bullet. Write about progress where the draft has [square brackets]: the "
                    "letter is printed once they are filled in."
                )
            )
        )
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save)
        self._show_state()

    def _draft(self) -> str:
        return draft_letter_text(self.letter, Wording(self.ctx.lang))

    def _show_state(self, printed_on: date | None = None) -> None:
        letter = self.letter
        parts = []
        printed = printed_on or letter.printed_on
        if printed:
            parts.append(self.tr("Printed %1").replace("%1", day_label(printed, weekday=False)))
        else:
            parts.append(self.tr("Not printed yet"))
        for after, day in letter.earlier:
            state = (
                self.tr("printed %1").replace("%1", day_label(day, weekday=False))
                if day
                else self.tr("not printed")
            )
            parts.append(
                self.tr("The letter after %1 sessions: %2")
                .replace("%1", str(after))
                .replace("%2", state)
            )
        self.state.setText("  ·  ".join(parts))

    def _typed(self) -> None:
        if self.may_write:
            self.save_timer.start()

    def save(self) -> bool:
        """Keep the text as typed; a problem is shown and the text stays in the editor."""
        self.save_timer.stop()
        text = self.editor.toPlainText()
        if not self.may_write or text == self.saved_text:
            return True
        try:
            save_status_letter(
                self.ctx.db, self.ctx.actor, self.letter.facts.course_id,
                self.letter.after_sessions, text,
            )  # fmt: skip
        except TraumefokusError as error:
            show_problem(self.problem, self.ctx.describe(error))
            return False
        show_problem(self.problem, None)
        self.saved_text = text
        self.changed.emit()
        return True

    def _redraft(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Replace the text with a new draft from the course's facts?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.setPlainText(self._draft())

    def preview(self) -> None:
        from traumefokus.ui.print_preview import PrintPreview

        if not self.save():
            return
        request = DocumentRequest(
            DocumentKind.LETTER,
            self.letter.facts.course_id,
            letter_text=self.editor.toPlainText(),
        )
        dialog = PrintPreview(
            self.ctx,
            request,
            self.windowTitle(),
            self,
            has_name=bool(self.letter.facts.display_name),
        )
        dialog.delivered.connect(self._printed)
        dialog.exec()

    def _printed(self) -> None:
        self.saved_text = self.editor.toPlainText()
        self._show_state(date.today())
        self.changed.emit()

    def done(self, result: int) -> None:
        if self.save():
            super().done(result)
