"""Who works with a course: the course's therapist names a colleague co-therapist to cover
(holidays, illness) and withdraws it again; an administrator also gives the course to another
therapist. Every change goes into the plan history with its reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.access import Action
from traumefokus.domain.isotime import local_day
from traumefokus.errors import Refused
from traumefokus.services.courses import CourseView, view_course
from traumefokus.services.users import colleagues
from traumefokus.ui.context import UiContext
from traumefokus.ui.dialog_conflict import CONFLICTS
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.forms import day_label
from traumefokus.ui.operations import IN_FORM, fetch
from traumefokus.ui.style import heading, hint, problem_label

USER_ID = Qt.ItemDataRole.UserRole


class TeamDialog(QDialog):
    def __init__(self, ctx: UiContext, course: CourseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.course = course
        self.changed_team = False
        self.setWindowTitle(self.tr("Who works with this course"))
        self.setMinimumWidth(520)
        fit_on_show(self)

        self.therapist = QLabel()
        self.covers = QListWidget()
        self.covers.setMaximumHeight(90)
        self.covers.setWordWrap(True)  # a long name and title on two lines, not cut off
        self.covers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.remove = QPushButton(self.tr("&Withdraw"))
        self.remove.clicked.connect(self._withdraw)
        self.colleague = QComboBox()
        self.add = QPushButton(self.tr("&Name co-therapist"))
        self.add.clicked.connect(self._grant)
        self.new_therapist = QComboBox()
        self.reassign = QPushButton(self.tr("&Give the course"))
        self.reassign.clicked.connect(self._reassign)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Optional: why, in a few words"))
        self.problem = problem_label()

        self.form = form = QFormLayout()
        form.addRow(self.tr("Therapist:"), self.therapist)
        form.addRow(self.tr("Co-therapists:"), self.covers)
        form.addRow("", _row(self.remove, stretch=True))
        form.addRow(self.tr("&Colleague:"), _row(self.colleague, self.add))
        self.reassign_row = _row(self.new_therapist, self.reassign)
        form.addRow(self.tr("Give to &therapist:"), self.reassign_row)
        form.addRow(self.tr("&Reason:"), self.reason)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle(), scale=1.25))
        layout.addWidget(
            hint(
                self.tr(
                    "A co-therapist covers for the therapist: they see the client, plan and "
                    "run the sessions and sign notes until the cover is withdrawn."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self._fill()

    def _fill(self) -> None:
        course = self.course
        self.therapist.setText(f"<b>{course.therapist}</b>")
        self.covers.clear()
        for cover in course.covers:
            item = QListWidgetItem(
                self.tr("%1 (since %2)")
                .replace("%1", cover.name)
                .replace("%2", day_label(local_day(cover.granted_at), weekday=False))
            )
            item.setData(USER_ID, cover.user_id)
            self.covers.addItem(item)
        taken = {course.therapist_id} | {c.user_id for c in course.covers}
        others = [c for c in colleagues(self.ctx.acting) if c.id not in taken]
        self.colleague.clear()
        self.new_therapist.clear()
        for colleague in others:
            self.colleague.addItem(colleague.label, colleague.id)
        for colleague in colleagues(self.ctx.acting):
            if colleague.id != course.therapist_id:
                self.new_therapist.addItem(colleague.label, colleague.id)
        may_cover = Action.GRANT_COVER in course.may
        self.add.setEnabled(may_cover and bool(others))
        self.colleague.setEnabled(may_cover and bool(others))
        self.remove.setEnabled(may_cover and bool(course.covers))
        may_reassign = Action.REASSIGN in course.may and course.is_open
        self.form.setRowVisible(self.reassign_row, Action.REASSIGN in course.may)
        self.reassign.setEnabled(may_reassign and self.new_therapist.count() > 0)

    def _do(self, action: Callable[[], None]) -> None:
        """One change to the team; a problem is said in the dialog, which stays open (the page
        is told by the course page once the dialog closes). A change of the course by someone
        else since it was shown is said with who and when, and the dialog shows the course
        as it is now (the reason typed stays): the same change again then goes through."""
        conflicts: list[Refused] = []

        def change() -> CourseView:
            try:
                action()
            except Refused as error:
                if error.code in CONFLICTS:
                    conflicts.append(error)
                raise
            return view_course(self.ctx.acting, self.course.id, lang=self.ctx.lang)

        course = fetch(self, self.ctx, change, problem=self.problem, inline=IN_FORM)
        if course is None:
            if conflicts:
                self.course = view_course(self.ctx.acting, self.course.id, lang=self.ctx.lang)
                self.changed_team = True  # the page behind shows it anew too
                self._fill()
            return
        self.course = course
        self.changed_team = True
        self.reason.clear()
        self._fill()

    def _grant(self) -> None:
        from traumefokus.services.course_team import grant_cover

        user_id = self.colleague.currentData()
        if user_id:
            self._do(
                lambda: grant_cover(
                    self.ctx.acting,
                    self.course.id,
                    user_id,
                    self.reason.text(),
                    version=self.course.version,
                )
            )

    def _withdraw(self) -> None:
        from traumefokus.services.course_team import withdraw_cover

        item = self.covers.currentItem() or self.covers.item(0)
        if item is not None:
            user_id = item.data(USER_ID)
            self._do(
                lambda: withdraw_cover(
                    self.ctx.acting,
                    self.course.id,
                    user_id,
                    self.reason.text(),
                    version=self.course.version,
                )
            )

    def _reassign(self) -> None:
        from traumefokus.services.course_team import reassign_course

        user_id = self.new_therapist.currentData()
        if user_id:
            self._do(
                lambda: reassign_course(
                    self.ctx.acting,
                    self.course.id,
                    user_id,
                    self.reason.text(),
                    version=self.course.version,
                )
            )


def _row(*widgets: QWidget, stretch: bool = False) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
    if stretch:
        layout.addStretch()
    return row
