"""Choosing the themes together with the client: the offered themes on the left, the chosen
ones in session order on the right. Large, calm type: the client looks at this screen too.

Keyboard: Enter or → chooses the theme under the cursor, Delete or ← takes it back,
Ctrl+↑ and Ctrl+↓ move it earlier or later, Tab moves between the lists. Themes can also be
dragged across and into order with the mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDropEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from traumefokus.content.markdown import markdown_html
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.themes import ThemeState, waiting_themes
from traumefokus.services.courses import CourseView
from traumefokus.services.planning import choose_themes
from traumefokus.ui.context import UiContext
from traumefokus.ui.dialog_conflict import DialogConflictBar, save_or_conflict
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.forms import day_label
from traumefokus.ui.style import heading, hint, problem_label, show_problem

THEME = Qt.ItemDataRole.UserRole


def _large(widget: QWidget, scale: float = 1.3) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


class OfferedList(QListWidget):
    """The themes to choose from; Enter or → chooses."""

    def __init__(self, chooser: ThemeChooser) -> None:
        super().__init__()
        self.chooser = chooser
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right, Qt.Key.Key_Space):
            self.chooser.choose_current()
            return
        super().keyPressEvent(event)


class ChosenList(QListWidget):
    """The chosen themes in session order; a drop from the offered list chooses a theme at
    the place it is dropped, a drop within reorders."""

    def __init__(self, chooser: ThemeChooser) -> None:
        super().__init__()
        self.chooser = chooser
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event: QDropEvent) -> None:
        source = event.source()
        if source is self:
            super().dropEvent(event)
            self.chooser.refresh()
            return
        item = source.currentItem() if isinstance(source, QListWidget) else None
        if item is not None:
            target = self.itemAt(event.position().toPoint())
            row = self.row(target) if target else self.count()
            self.chooser.choose(item.data(THEME), row)
        event.acceptProposedAction()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, control = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Left):
            self.chooser.remove_current()
        elif control and key == Qt.Key.Key_Up:
            self.chooser.move_current(-1)
        elif control and key == Qt.Key.Key_Down:
            self.chooser.move_current(1)
        else:
            super().keyPressEvent(event)


class ThemeChooser(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        course: CourseView,
        programme: Programme,
        pack: Pack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.course = course
        self.programme = programme
        self.pack = pack
        self.setWindowTitle(self.tr("Choose the themes"))
        self.resize(1120, 720)
        fit_on_show(self)
        slots = course.theme_slots
        self.waiting = waiting_themes(course.theme_states)
        self.slot_labels = [
            f"{s.number if s.number is not None else '+'}  {day_label(s.planned_date)}"
            for s in slots
        ]

        self.offered = OfferedList(self)
        self.chosen = ChosenList(self)
        for view in (self.offered, self.chosen):
            _large(view)
            view.setSpacing(3)
            view.setAlternatingRowColors(True)
        for theme_id in programme.offered_themes:
            theme = pack.theme(theme_id)
            assert theme is not None
            item = QListWidgetItem(theme.title)
            item.setData(THEME, theme_id)
            item.setToolTip(theme.title_en)
            self.offered.addItem(item)
        self.introduction = QTextBrowser()
        self.introduction.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        _large(self.introduction, 1.1)
        self.offered.currentItemChanged.connect(self._show_theme)
        self.chosen.currentItemChanged.connect(self._show_theme)
        self.problem = problem_label()
        _large(self.problem, 1.1)
        self.reloads: Callable[[], Any] | None = None  # as FormDialog's
        self.conflict_bar = DialogConflictBar(self)
        self.conflict_bar.reload_button.clicked.connect(self.reload_seen)
        self.count = QLabel()
        _large(self.count, 1.15)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("Save the themes"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout(self)
        grid.setHorizontalSpacing(18)
        title = heading(
            self.tr("Choose %1 themes together with the client").replace(
                "%1", str(programme.themes_to_choose)
            ),
            scale=1.6,
        )
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(
            hint(
                self.tr(
                    "The order on the right becomes the order of the sessions. Enter or → chooses, "
                    "Delete or ← takes back, Ctrl+↑/↓ moves; you can also drag with the mouse."
                )
            ),
            1,
            0,
            1,
            2,
        )
        grid.addWidget(heading(self.tr("Themes offered"), scale=1.2), 2, 0)
        grid.addWidget(self.count, 2, 1)
        grid.addWidget(self.offered, 3, 0)
        grid.addWidget(self.chosen, 3, 1)
        grid.addWidget(self.introduction, 4, 0, 1, 2)
        grid.addWidget(self.conflict_bar, 5, 0, 1, 2)
        grid.addWidget(self.problem, 6, 0, 1, 2)
        grid.addWidget(buttons, 7, 0, 1, 2)
        grid.setRowStretch(3, 3)
        grid.setRowStretch(4, 2)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.save_button.setAutoDefault(False)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.accept)

        for theme_id in course.chosen_themes:
            self.choose(theme_id, self.chosen.count())
        self.offered.setCurrentRow(0)
        self.offered.setFocus()
        self.refresh()

    # --- choosing --------------------------------------------------------------------------
    def chosen_ids(self) -> list[str]:
        return [self.chosen.item(row).data(THEME) for row in range(self.chosen.count())]

    def choose_current(self) -> None:
        item = self.offered.currentItem()
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.choose(item.data(THEME), self.chosen.count())
            self._next_available()

    def choose(self, theme_id: str, row: int) -> None:
        if theme_id in self.chosen_ids():
            return
        theme = self.pack.theme(theme_id)
        item = QListWidgetItem(theme.title if theme else theme_id)
        item.setData(THEME, theme_id)
        self.chosen.insertItem(row, item)
        self.refresh()

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self.refresh()

    def move_current(self, step: int) -> None:
        row = self.chosen.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.chosen.count():
            return
        item = self.chosen.takeItem(row)
        self.chosen.insertItem(target, item)
        self.chosen.setCurrentRow(target)
        self.refresh()

    def refresh(self) -> None:
        """Slot labels in front of the chosen themes; chosen ones greyed on the left."""
        chosen = self.chosen_ids()
        placed = 0  # a theme dropped or waiting for a decision takes no session
        for row in range(self.chosen.count()):
            item = self.chosen.item(row)
            theme = self.pack.theme(item.data(THEME))
            title = theme.title if theme else item.data(THEME)
            state = self.course.theme_states.get(item.data(THEME))
            if item.data(THEME) in self.waiting:
                slot = self.tr("dropped") if state is ThemeState.DROPPED else self.tr("open")
            else:
                slot = self.slot_labels[placed] if placed < len(self.slot_labels) else "–"
                placed += 1
            item.setText(f"{slot}   {title}")
        for row in range(self.offered.count()):
            item = self.offered.item(row)
            theme = self.pack.theme(item.data(THEME))
            sheets = len(theme.worksheets) if theme else 0
            item.setText(
                self.tr("%1   (%2 worksheets)")
                .replace("%1", theme.title if theme else item.data(THEME))
                .replace("%2", str(sheets))
            )
            flags = item.flags()
            if item.data(THEME) in chosen:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
        self.count.setText(
            self.tr("Chosen: %1 of %2")
            .replace("%1", str(len(chosen)))
            .replace("%2", str(self.programme.themes_to_choose))
        )
        show_problem(self.problem, None)

    def _next_available(self) -> None:
        for row in range(self.offered.currentRow() + 1, self.offered.count()):
            if self.offered.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.offered.setCurrentRow(row)
                return

    def _show_theme(self, item: QListWidgetItem | None) -> None:
        theme = self.pack.theme(item.data(THEME)) if item else None
        if theme is None:
            return
        text = f"### {theme.title}\n\n{theme.introduction or ''}"
        self.introduction.setHtml(markdown_html(text))

    # --- saving ----------------------------------------------------------------------------
    def accept(self) -> None:
        reason = self.tr("Chosen together with the client")
        if save_or_conflict(
            self,
            self.ctx,
            self.problem,
            self.conflict_bar,
            self.reloads is not None,
            lambda: choose_themes(
                self.ctx.acting,
                self.course.id,
                self.chosen_ids(),
                reason,
                version=self.course.version,
            ),
        ):
            super().accept()

    def reload_seen(self) -> None:
        """The course as read now (the page reloaded): the choice on screen stays, and is
        saved over it."""
        if self.reloads is not None:
            course = self.reloads()
            if isinstance(course, CourseView):
                self.course = course
        self.conflict_bar.hide()
