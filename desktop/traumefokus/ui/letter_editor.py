"""Writing the status letter: a first draft from the course's facts, edited here, kept on
every pause in typing and on closing, then previewed and printed (which records the day).

Each letter due so far can be chosen (a letter missed after 4 sessions can still be written
after 8). A printed letter is kept as the client received it: it can be printed again, not
changed. Someone who may not write notes (a supervisor) reads and previews only.

Saved by a colleague meanwhile (a shared database): nothing is saved over their letter. A calm
bar says who and when; Reload shows their letter, with this user's own text beside it to copy
from (ui/edit_conflict.py, as on the session screen).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.documents.kinds import DocumentKind
from traumefokus.documents.status_letter import draft_letter_text
from traumefokus.documents.wording import Wording
from traumefokus.domain.access import Action
from traumefokus.services.status_letters import LetterView, save_status_letter, status_letter
from traumefokus.ui.context import UiContext
from traumefokus.ui.dialog_conflict import save_or_conflict
from traumefokus.ui.edit_conflict import ConflictBar, KeptText
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.forms import day_label
from traumefokus.ui.operations import IN_FORM, fetch
from traumefokus.ui.style import heading, hint, problem_label, show_problem

SAVE_DELAY_MS = 1500


class LetterEditor(QDialog):
    changed = Signal()  # saved or printed: the course page shows the letter's state

    def __init__(self, ctx: UiContext, letter: LetterView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letter = letter
        self.may_write = Action.LETTER in letter.may
        self.setWindowTitle(self.tr("Status letter"))
        self.resize(760, 760)
        fit_on_show(self)

        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._choose)
        chooser = QHBoxLayout()
        label = QLabel(self.tr("&Letter:"))
        label.setBuddy(self.choice)
        chooser.addWidget(label)
        chooser.addWidget(self.choice)
        chooser.addStretch()

        self.state = hint("")
        self.editor = QPlainTextEdit()
        font = QFont(self.editor.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.editor.setFont(font)
        self.editor.textChanged.connect(self._typed)
        self.problem = problem_label()
        self.conflict = ConflictBar(self)
        self.conflict.reload_button.clicked.connect(self._reload_theirs)
        self.kept = KeptText(self)
        self.redraft_button = QPushButton(self.tr("Start again from the facts…"))
        self.redraft_button.clicked.connect(self._redraft)
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
        layout.addWidget(heading(self.tr("Status letter"), scale=1.25))
        layout.addLayout(chooser)
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
        layout.addWidget(self.conflict)
        layout.addWidget(self.kept)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save)
        self._show_letter(letter)

    def _fill_choice(self, letter: LetterView) -> None:
        """Every letter due so far, and whether it is printed."""
        self.choice.blockSignals(True)
        self.choice.clear()
        for after, printed in letter.letters:
            state = (
                self.tr("printed %1").replace("%1", day_label(printed, weekday=False))
                if printed
                else self.tr("not printed")
            )
            self.choice.addItem(
                self.tr("After %1 sessions (%2)").replace("%1", str(after)).replace("%2", state),
                after,
            )
        self.choice.setCurrentIndex(self.choice.findData(letter.after_sessions))
        self.choice.blockSignals(False)

    def _show_letter(self, letter: LetterView) -> None:
        self.letter = letter
        self.saved_text = letter.text
        self._fill_choice(letter)
        self.editor.blockSignals(True)
        self.editor.setPlainText(letter.text or draft_letter_text(letter, Wording(self.ctx.lang)))
        self.editor.blockSignals(False)
        editable = self.may_write and not letter.printed
        self.editor.setReadOnly(not editable)
        self.redraft_button.setEnabled(editable)
        if letter.printed:
            self.state.setText(
                self.tr(
                    "Printed %1. The letter is kept as the client received it: it can be "
                    "printed again, not changed."
                ).replace("%1", day_label(letter.printed_on, weekday=False))
            )
        elif letter.text is None:
            self.state.setText(self.tr("A first draft from the course: read it and make it yours."))
        else:
            self.state.setText(self.tr("Not printed yet"))
        show_problem(self.problem, None)

    def _choose(self) -> None:
        after = self.choice.currentData()
        if after == self.letter.after_sessions or not self.save():
            self._fill_choice(self.letter)
            return
        self.kept.hide()  # text kept from another letter
        self._reload(after)

    def _reload(self, after: int) -> None:
        course_id = self.letter.facts.course_id
        letter = fetch(
            self,
            self.ctx,
            lambda: status_letter(self.ctx.acting, course_id, after),
            problem=self.problem,
            inline=IN_FORM,
        )
        if letter is not None:
            self._show_letter(letter)

    def _typed(self) -> None:
        if not self.editor.isReadOnly() and self.conflict.isHidden():
            self.save_timer.start()

    def _reload_theirs(self) -> None:
        """Their letter in the editor, this user's text beside it (and on the clipboard)."""
        self.kept.keep(self.editor.toPlainText())
        self.conflict.hide()
        self._reload(self.letter.after_sessions)

    def save(self) -> bool:
        """Keep the text as typed; a problem is shown and the text stays in the editor."""
        self.save_timer.stop()
        text = self.editor.toPlainText()
        if self.editor.isReadOnly() or text == self.saved_text:
            return True
        if not self.conflict.isHidden():
            return False  # not over their letter: Reload first
        letter = self.letter
        versions: list[int] = []
        saved = save_or_conflict(
            self,
            self.ctx,
            self.problem,
            self.conflict,
            True,
            lambda: versions.append(
                save_status_letter(
                    self.ctx.acting,
                    letter.facts.course_id,
                    letter.after_sessions,
                    text,
                    version=letter.version,
                )
            ),
            inline=IN_FORM,
        )
        if not saved:
            return False
        version = versions[0]
        self.saved_text = text
        self.letter = replace(self.letter, text=text, version=version)
        self.changed.emit()
        return True

    def _redraft(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Replace the text with a new draft from the course's facts?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.setPlainText(draft_letter_text(self.letter, Wording(self.ctx.lang)))

    def preview(self) -> None:
        from traumefokus.documents.render import DocumentRequest
        from traumefokus.ui.print_preview import PrintPreview

        if not self.save():
            return
        request = DocumentRequest(
            DocumentKind.LETTER,
            self.letter.facts.course_id,
            letter_text=self.editor.toPlainText(),
            letter_after=self.letter.after_sessions,
        )
        title = self.tr("Status letter after %1 sessions").replace(
            "%1", str(self.letter.after_sessions)
        )
        dialog = PrintPreview(
            self.ctx, request, title, self, has_name=bool(self.letter.facts.display_name)
        )
        dialog.delivered.connect(self._printed)
        dialog.exec()
        dialog.deleteLater()

    def _printed(self) -> None:
        self._reload(self.letter.after_sessions)
        self.changed.emit()

    def done(self, result: int) -> None:
        if not self.save():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("The letter could not be saved. Close without saving the changes?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().done(result)
