"""A missed trauma session never loses its theme silently: the question what becomes of it
(move it to an extra session, replace it by another offered theme, drop it with a reason),
asked at once when the session is recorded as not held, and a line on the course page with
each theme still open until it is answered."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.access import Action
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.course_plan import extra_session_day, pushed_later
from traumefokus.domain.themes import MissedThemeChoice
from traumefokus.errors import TraumefokusError
from traumefokus.services import planning
from traumefokus.services.course_queries import course_content
from traumefokus.services.courses import CourseView, SessionView, view_course
from traumefokus.services.missed_themes import drop_missed_theme, replace_missed_theme
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_dialogs import session_title
from traumefokus.ui.course_form import CourseForm
from traumefokus.ui.forms import day_label
from traumefokus.ui.labels import attendance_label
from traumefokus.ui.theme import set_tint


class MissedThemeDialog(CourseForm):
    def __init__(
        self,
        ctx: UiContext,
        course: CourseView,
        session: SessionView,
        programme: Programme,
        pack: Pack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            self.tr("What becomes of the theme?"),
            parent,
            intro=self.tr("%1 was not held (%2). Its theme must not be lost: choose what happens.")
            .replace("%1", session_title(session))
            .replace("%2", attendance_label(session.attendance)),
            ok_text=self.tr("&Decide"),
        )
        self.session = session
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        cancel.setText(self.tr("Decide &later"))
        cancel.setToolTip(self.tr("The theme stays open on the course page until decided"))
        self.choices = QButtonGroup(self)
        day = _extra_day(course, programme)
        moving = (
            sum(pushed_later(s.planned_date, s.attendance, day) for s in course.sessions)
            if day
            else 0
        )
        later = self.tr("(sessions after it move a week later: %1)").replace("%1", str(moving))
        self.defer = self._choice(
            MissedThemeChoice.DEFER,
            self.tr("&Move it to an extra session on %1").replace("%1", day_label(day))
            + (f" {later}" if day and moving else ""),
        )
        self.replace = self._choice(
            MissedThemeChoice.REPLACE, self.tr("Re&place it by another theme:")
        )
        self.theme = QComboBox()
        for theme_id in programme.offered_themes:
            theme = pack.theme(theme_id)
            if theme_id not in course.chosen_themes and theme is not None:
                self.theme.addItem(theme.title, theme_id)
        self.theme.setEnabled(False)
        if self.theme.count() == 0:
            self.replace.setEnabled(False)
            self.replace.setToolTip(self.tr("Every theme the programme offers is chosen already"))
        self.drop = self._choice(
            MissedThemeChoice.DROP, self.tr("Dr&op it from the course (say why below)")
        )
        self.defer.setChecked(True)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.defer)
        row = QHBoxLayout()
        row.addWidget(self.replace)
        row.addWidget(self.theme, 1)
        column.addLayout(row)
        column.addWidget(self.drop)
        self.form.addRow(box)
        self.reason = self.add_reason()
        self.choices.buttonToggled.connect(self._toggled)

    def _choice(self, choice: MissedThemeChoice, text: str) -> QRadioButton:
        button = QRadioButton(text)
        button.setProperty("choice", choice.value)
        self.choices.addButton(button)
        return button

    def _toggled(self) -> None:
        self.theme.setEnabled(self.replace.isChecked())
        self.reason.setPlaceholderText(
            self.tr("Needed: why the theme is dropped")
            if self.drop.isChecked()
            else self.tr("Optional: why, in a few words")
        )

    @property
    def choice(self) -> MissedThemeChoice:
        checked = self.choices.checkedButton()
        assert checked is not None  # one is always checked
        return MissedThemeChoice(checked.property("choice"))

    def submit(self) -> None:
        acting, session_id, reason = self.ctx.acting, self.session.id, self.reason.text()
        if self.choice is MissedThemeChoice.DEFER:
            planning.defer_theme(acting, session_id, reason, version=self.session.version)
        elif self.choice is MissedThemeChoice.REPLACE:
            replace_missed_theme(acting, session_id, self.theme.currentData() or "", reason)
        else:
            drop_missed_theme(acting, session_id, reason)


def _extra_day(course: CourseView, programme: Programme) -> date | None:
    """Where moving the theme on puts the extra session (as `planning.defer_theme` does)."""
    return extra_session_day(
        ((s.kind, s.planned_date, s.date, s.attendance) for s in course.sessions),
        programme.interval_days,
    )


class MissedThemesNote(QWidget):
    """A warning line per theme still open, with a button to decide; hidden when none is.
    `decide(session)` asks the question for that session's theme (the page's own)."""

    def __init__(self, ctx: UiContext, decide: Callable[[SessionView], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.decide = decide
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def show_for(self, course: CourseView) -> None:
        while (item := self.rows.takeAt(0)) is not None:
            old = item.widget()
            if old is not None:
                old.setParent(None)  # gone from the page now, freed later
                old.deleteLater()
        waiting = course.awaiting_decision if course.is_open else ()
        for session in waiting:
            row = QWidget()
            row.setObjectName("missedTheme")  # the warning's colour, not its button's
            set_tint(row, "flag", selector="#missedTheme")
            row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(
                "⚠ <b>"
                + self.tr("Theme still open: %1").replace(
                    "%1", html.escape(session.theme_title or "")
                )
                + "</b> "
                + html.escape(
                    self.tr("(%1 was not held; move it on, replace it or drop it)").replace(
                        "%1", session_title(session).split(" · ")[0]
                    )
                )
            )
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            button = QPushButton(self.tr("Decide…"))
            button.setAutoDefault(False)
            button.setEnabled(Action.PLAN in course.may)
            button.setToolTip(self.ctx.why_not(Action.PLAN, course.may))
            button.clicked.connect(lambda _c=False, s=session: self.decide(s))
            line.addWidget(text, 1)
            line.addWidget(button)
            self.rows.addWidget(row)
        self.setVisible(bool(waiting))


def ask_now(ctx: UiContext, course_id: str, session_id: str, parent: QWidget) -> bool:
    """Once a trauma session is recorded as not held, ask at once what becomes of its theme
    (Decide later leaves it open, with a line on the course page). True if decided."""
    course = view_course(ctx.acting, course_id, lang=ctx.lang)
    waiting = [s for s in course.awaiting_decision if s.id == session_id]
    if not waiting or not course.is_open or Action.PLAN not in course.may:
        return False
    try:
        content = course_content(ctx.library, course)
    except TraumefokusError:
        return False  # the course page says the content is missing
    return bool(MissedThemeDialog(ctx, course, waiting[0], *content, parent).exec())
