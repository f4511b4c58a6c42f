"""The question when a session planned for another day is opened (the rule and why:
domain/session_day.py). Held today moves it to today through the planning service, which
writes the plan history; a look opens it read-only; an earlier session may be written up
for its own day."""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from traumefokus.domain.access import Action
from traumefokus.domain.session_day import DayQuestion, day_question
from traumefokus.domain.vocabulary import NoteStatus
from traumefokus.services.session_notes import NoteView
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import day_label
from traumefokus.ui.operations import run


class Opening(Enum):
    NOW = "now"  # as it is: held today, or no day to ask about
    MOVED = "moved"  # moved to today, then opened
    WRITE_UP = "write_up"  # an earlier session's note, written up for its own day
    LOOK = "look"  # read-only


def how_to_open(ctx: UiContext, note: NoteView, parent: QWidget) -> Opening | None:
    """Ask, if the session is planned for another day; None when the user cancelled."""
    s = note.session
    question = day_question(
        s.planned_date,
        date.today(),
        writable=not note.signed and Action.RUN in note.may,
        begun=s.note_status is not NoteStatus.NONE or any(note.draft.agenda_seconds.values()),
        movable=note.course_open and s.attendance is None and Action.PLAN in note.may,
    )
    if question is DayQuestion.NONE:
        return Opening.NOW
    if question is DayQuestion.WRITE_UP:
        return Opening.WRITE_UP
    answer = DayDialog(question, s.planned_date or date.today(), parent).ask()
    if answer is Opening.MOVED and not _move_to_today(ctx, note, parent):
        return None
    return answer


def _move_to_today(ctx: UiContext, note: NoteView, parent: QWidget) -> bool:
    from traumefokus.services.planning import reschedule

    reason = QCoreApplication.translate(
        "DayDialog", "Held today; moved when the session was opened"
    )
    return run(
        parent,
        ctx,
        lambda: reschedule(
            ctx.acting,
            note.session.id,
            day=date.today(),
            at=note.session.planned_time,
            reason=reason,
            version=note.version,  # moved by a colleague meanwhile: said, not overwritten
        ),
        title="Traumefokus",
    )


class DayDialog(QMessageBox):
    """Held today, written up for its own day (an earlier session only), or a look."""

    def __init__(self, question: DayQuestion, planned: date, parent: QWidget) -> None:
        super().__init__(parent)
        day = day_label(planned)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Planned for another day"))
        self.answers: dict[QAbstractButton, Opening] = {}
        if question is DayQuestion.ASK_PAST:
            self.setText(
                self.tr(
                    "This session was planned for %1, and nothing is written in its note."
                ).replace("%1", day)
            )
            self.setInformativeText(
                self.tr(
                    "Is it held today? Then it moves to today, and the plan history says so. "
                    "If it was held on %1, write up its note for that day."
                ).replace("%1", day)
            )
        else:
            self.setText(self.tr("This session is planned for %1, not today.").replace("%1", day))
            self.setInformativeText(
                self.tr(
                    "Is it held today? Then it moves to today, and the plan history says so. "
                    "Or open it only to look at it."
                )
            )
        self.today = self._answer(self.tr("Held &today: move it to today"), Opening.MOVED)
        self.write_up = None
        if question is DayQuestion.ASK_PAST:
            self.write_up = self._answer(
                self.tr("&Write up the note of %1").replace(
                    "%1", day_label(planned, weekday=False)
                ),
                Opening.WRITE_UP,
            )
        self.look = self._answer(self.tr("Only &look"), Opening.LOOK)
        self.cancel = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setEscapeButton(self.cancel)
        self.setDefaultButton(self.write_up or self.look)  # Return never moves a session

    def _answer(self, label: str, opening: Opening) -> QPushButton:
        button = self.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        self.answers[button] = opening
        return button

    def ask(self) -> Opening | None:
        self.exec()
        clicked = self.clickedButton()
        return None if clicked is None else self.answers.get(clicked)
