"""The inclusion question on the course page: when the ITQ at the assessment shows no PTSD
symptoms (domain/inclusion.py), a warning with a way to confirm going on; once confirmed, a
calm note of who confirmed it and when. Hidden when there is nothing to say."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from traumefokus.domain.access import Action
from traumefokus.domain.inclusion import Inclusion
from traumefokus.services.courses import CourseView
from traumefokus.services.inclusion import confirm_inclusion
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import FormDialog, day_label, time_label
from traumefokus.ui.theme import set_tint


class InclusionNote(QWidget):
    """`run` shows a dialog and, if it was accepted, reloads the page (the page's own)."""

    def __init__(self, ctx: UiContext, run: Callable[[QDialog], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.run = run
        self.course: CourseView | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.confirm = QPushButton(self.tr("Con&firm and go on…"))
        self.confirm.setAutoDefault(False)
        self.confirm.clicked.connect(self._confirm)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.confirm)
        self.hide()

    def show_for(self, course: CourseView) -> None:
        self.course = course
        question = course.inclusion
        if question is None:
            self.hide()
            return
        when = day_label(question.itq_date, weekday=False)
        if question.confirmed_at is not None:  # confirmed
            text = self._confirmed_text(question, question.confirmed_at, when)
            self._say(text, "info", button=False)
        elif course.is_open:
            self._say(
                "⚠ <b>"
                + self.tr("The ITQ at assessment (%1) does not show PTSD symptoms.").replace(
                    "%1", when
                )
                + "</b> "
                + self.tr("The course is for clients with PTSD symptoms: confirm to go on."),
                "flag",
                button=True,
            )
            self.confirm.setEnabled(Action.PLAN in course.may)
            self.confirm.setToolTip(self.ctx.why_not(Action.PLAN, course.may))
        else:
            self._say(
                self.tr(
                    "The ITQ at assessment (%1) did not show PTSD symptoms; going on was not "
                    "confirmed."
                ).replace("%1", when),
                "info",
                button=False,
            )
        self.show()

    def _confirmed_text(self, question: Inclusion, confirmed_at: datetime, when: str) -> str:
        at = confirmed_at.astimezone()
        text = (
            self.tr(
                "The ITQ at assessment (%1) does not show PTSD symptoms; going on with the "
                "course was confirmed on %3 by %2."
            )
            .replace("%1", when)
            .replace("%2", html.escape(question.confirmed_by or ""))
            .replace("%3", f"{day_label(at.date(), weekday=False)} {time_label(at.time())}")
        )
        if question.reason:
            text += " " + self.tr("Why: %1").replace("%1", html.escape(question.reason))
        return text

    def _say(self, text: str, kind: str, *, button: bool) -> None:
        self.text.setText(text)
        set_tint(self.text, kind)
        self.confirm.setVisible(button)

    def _confirm(self) -> None:
        if self.course is not None and self.course.inclusion is not None:
            self.run(ConfirmInclusionDialog(self.ctx, self.course, self))


class ConfirmInclusionDialog(FormDialog):
    """Going on with the course although the assessment ITQ shows no PTSD symptoms: the plan
    history keeps who confirmed it, when, and why if they say."""

    def __init__(self, ctx: UiContext, course: CourseView, parent: QWidget | None = None) -> None:
        question = course.inclusion
        assert question is not None  # asked only while the course has the question
        when = day_label(question.itq_date, weekday=False)
        super().__init__(
            ctx,
            self.tr("Go on with the course"),
            parent,
            intro=self.tr(
                "The ITQ at assessment (%1) does not show PTSD symptoms. The pilot took in "
                "clients with clinical or subclinical PTSD. Confirm that the course goes on "
                "all the same; the plan history keeps who confirmed it, and when."
            ).replace("%1", when),
            ok_text=self.tr("Confirm and go on"),
        )
        self.course_id = course.id
        self.reason = self.add_reason()

    def submit(self) -> None:
        confirm_inclusion(self.ctx.acting, self.course_id, self.reason.text())
