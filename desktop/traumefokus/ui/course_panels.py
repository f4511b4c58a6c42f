"""Beside the timeline on the course page: the client's goals, the plan history and the ITQ
screenings, each on a tab, with the buttons that add and open goals and screenings (enabled
for those who may plan the course)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.content.itq_items import ItqForm
from traumefokus.domain.access import Action
from traumefokus.domain.itq import CLUSTER_ORDER
from traumefokus.services.courses import CourseView, GoalView
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_comments import CourseComments
from traumefokus.ui.course_dialogs import GoalDialog
from traumefokus.ui.forms import day_label, time_label
from traumefokus.ui.itq_dialog import ItqDialog
from traumefokus.ui.labels import itq_cluster_label, itq_occasion_label, itq_result_label
from traumefokus.ui.operations import fetch, run

ITEM_ID = Qt.ItemDataRole.UserRole


class CoursePanels(QTabWidget):
    """`run` shows a dialog and, if it was accepted, reloads the page; `reload` reloads it."""

    def __init__(
        self, ctx: UiContext, run: Callable[[QDialog], None], reload: Callable[[], None]
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.run = run
        self.reload = reload
        self.course: CourseView | None = None
        self.buttons: list[QPushButton] = []  # goals and ITQ: enabled with PLAN

        self.goals = QListWidget()
        self.goals.setWordWrap(True)
        self.goals.itemActivated.connect(lambda _item: self.edit_goal())
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)  # one change from the next at a glance
        self.history.setSpacing(2)
        self.itq = QListWidget()
        self.itq.setWordWrap(True)
        self.itq.itemActivated.connect(lambda _item: self.edit_itq())
        self.addTab(
            self._with_buttons(
                self.goals,
                (
                    (self.tr("Add goal…"), self.add_goal),
                    (self.tr("Edit…"), self.edit_goal),
                    (self.tr("Remove"), self.remove_goal),
                ),
            ),
            self.tr("Goals"),
        )
        self.addTab(self.history, self.tr("Plan history"))
        self.addTab(
            self._with_buttons(
                self.itq, ((self.tr("New ITQ…"), self.new_itq), (self.tr("Open…"), self.edit_itq))
            ),
            self.tr("ITQ"),
        )
        self.comments = CourseComments(ctx, self)  # supervisors' comments: a tab of its own
        self.addTab(self.comments, self.tr("Comments"))

    def _with_buttons(
        self, view: QWidget, buttons: tuple[tuple[str, Callable[[], None]], ...]
    ) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(view)
        row = QHBoxLayout()
        for text, handler in buttons:
            button = QPushButton(text)
            button.clicked.connect(handler)
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        return page

    @property
    def may_plan(self) -> bool:
        return self.course is not None and Action.PLAN in self.course.may

    def enable(self, may_plan: bool, why_not: str) -> None:
        """The buttons work for those who may plan; `why_not` says why the others may not."""
        for button in self.buttons:
            button.setEnabled(may_plan)
            button.setToolTip(why_not)

    # --- showing ---------------------------------------------------------------------------
    def show_for(self, course: CourseView) -> None:
        self.course = course
        self._fill_goals(course)
        self._fill_history(course)
        self._fill_itq(course)
        self.comments.show_for(course)

    def _fill_goals(self, course: CourseView) -> None:
        self.goals.clear()
        for goal in course.goals:
            item = QListWidgetItem(f"{day_label(goal.set_on, weekday=False)}  —  {goal.text}")
            item.setData(ITEM_ID, goal.id)
            self.goals.addItem(item)
        if not course.goals:
            self.goals.addItem(
                QListWidgetItem(
                    self.tr("No goals yet: write the client's goals in their own words.")
                )
            )

    def _fill_history(self, course: CourseView) -> None:
        self.history.clear()
        for entry in reversed(course.history):
            at = entry.at.astimezone()
            when = f"{day_label(at.date(), weekday=False)} {time_label(at.time())}"
            text = f"{when} · {entry.by}\n{entry.description}"
            if entry.reason:
                text += "\n" + self.tr("Why: %1").replace("%1", entry.reason)
            self.history.addItem(text)

    def _fill_itq(self, course: CourseView) -> None:
        self.itq.clear()
        for record in course.itq:
            occasion = itq_occasion_label(record.occasion)
            clusters = ", ".join(
                itq_cluster_label(c) for c in CLUSTER_ORDER if c in record.score.endorsed_clusters
            )
            text = (
                f"{day_label(record.date, weekday=False)} · {occasion}: "
                f"{itq_result_label(record.score.result.value)}"
            )
            if clusters:
                text += "\n" + self.tr("Endorsed: %1").replace("%1", clusters)
            item = QListWidgetItem(text)
            item.setData(ITEM_ID, record.id)
            self.itq.addItem(item)

    # --- the ITQ ---------------------------------------------------------------------------
    def itq_form(self) -> ItqForm | None:
        """The ITQ wording: shipped, or the centre's own; a broken file is said, not fatal."""
        from traumefokus.content.itq_items import itq_file, load_itq_form

        where = itq_file(self.ctx.workspace.data_dir, self.ctx.lang)
        return fetch(self, self.ctx, lambda: load_itq_form(where), title="ITQ")

    def new_itq(self) -> None:
        course = self.course
        form = self.itq_form() if course is not None else None
        if course is not None and form is not None:
            self.run(ItqDialog(self.ctx, course, form, parent=self))

    def edit_itq(self) -> None:
        course, item = self.course, self.itq.currentItem()
        records = course.itq if course is not None else ()
        record = next((r for r in records if item and r.id == item.data(ITEM_ID)), None)
        form = self.itq_form() if record is not None and self.may_plan else None
        if course is not None and form is not None:
            self.run(ItqDialog(self.ctx, course, form, record, self))

    # --- goals -----------------------------------------------------------------------------
    def add_goal(self) -> None:
        if self.course is not None:
            self.run(GoalDialog(self.ctx, self.course.id, parent=self))

    def _current_goal(self) -> GoalView | None:
        item = self.goals.currentItem()
        goals = self.course.goals if self.course is not None else ()
        return next((g for g in goals if item and g.id == item.data(ITEM_ID)), None)

    def edit_goal(self) -> None:
        goal = self._current_goal()
        if self.course is not None and goal is not None and self.may_plan:
            self.run(GoalDialog(self.ctx, self.course.id, goal, self))

    def remove_goal(self) -> None:
        from traumefokus.services.treatment import remove_goal

        goal = self._current_goal()
        if goal is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove goal"),
            self.tr("Remove this goal?\n\n%1").replace("%1", goal.text),
        )
        if answer == QMessageBox.StandardButton.Yes:
            remove = partial(remove_goal, self.ctx.acting, goal.id)
            run(self, self.ctx, remove, title=self.tr("Remove goal"))
            self.reload()  # the page: the goals are no other view's
