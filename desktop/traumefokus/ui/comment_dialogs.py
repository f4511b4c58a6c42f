"""A supervisor's two dialogs: writing a comment (on a course, or one of its sessions) and the
confirmation before co-signing a signed note."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QMessageBox, QPlainTextEdit, QWidget

from traumefokus.services.supervision_comments import add_comment, cosign_note
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import FormDialog
from traumefokus.ui.operations import run


class CommentDialog(FormDialog):
    """The comment's words and, from the course page, what it is about: the course or one
    of its sessions (`about`: session id and label; the first is the one chosen)."""

    def __init__(
        self,
        ctx: UiContext,
        course_id: str,
        parent: QWidget | None = None,
        *,
        session_id: str | None = None,
        about: Sequence[tuple[str | None, str]] = (),
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Comment"),
            parent,
            ok_text=self.tr("Add the comment"),
            intro=self.tr(
                "The therapist sees the comment on the session and on the Today list until "
                "they have read it. A comment is kept with your name and the time and cannot "
                "be changed; a correction is a new comment."
            ),
        )
        self.course_id, self.session_id = course_id, session_id
        self.about: QComboBox | None = None
        if about:
            self.about = QComboBox()
            for value, label in about:
                self.about.addItem(label, value)
            self.form.addRow(self.tr("&About:"), self.about)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(120)
        self.text.setPlaceholderText(self.tr("Your comment to the therapist"))
        self.form.addRow(self.text)
        self.text.setFocus()

    def chosen_session(self) -> str | None:
        if self.about is None:
            return self.session_id
        value = self.about.currentData()
        return str(value) if value else None

    def submit(self) -> None:
        add_comment(
            self.ctx.acting,
            self.course_id,
            self.text.toPlainText(),
            session_id=self.chosen_session(),
        )


def confirm_cosign(
    ctx: UiContext, session_id: str, what: str, signer: str, parent: QWidget
) -> bool:
    """Ask, saying what a co-signature means, then co-sign: whether it was given."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CoSign", "Co-sign the note"))
    box.setText(
        QCoreApplication.translate("CoSign", "Co-sign the note of %1, signed by %2?")
        .replace("%1", what)
        .replace("%2", signer)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "CoSign",
            "Your co-signature says that you have reviewed the signed note as its supervisor. "
            "It is recorded with your name and the time, printed on the note and kept in the "
            "records; it cannot be withdrawn. The note itself does not change.",
        )
    )
    sign = box.addButton(
        QCoreApplication.translate("CoSign", "Co-sign"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not sign:
        return False
    return run(parent, ctx, lambda: cosign_note(ctx.acting, session_id), title=box.windowTitle())
