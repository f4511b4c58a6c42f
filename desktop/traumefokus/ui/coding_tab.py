"""The Coding tab, for a coder (`Action.RATE`): the queue of sessions to rate in each open
round they code (services/coding_ratings.py), as a table (round, number in the draw, session,
theme, status), or one line when there is nothing to rate. Enter or a double click opens the
rating form (ui/rating_form.py) in the tab; Esc goes back to the queue.

Nothing is read until the tab is first shown; the queue is read again when the coder comes
back from the form.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from traumefokus.services.coding_ratings import Progress, QueueEntry, coder_queue
from traumefokus.ui import operations
from traumefokus.ui.context import UiContext
from traumefokus.ui.rating_form import RatingPage
from traumefokus.ui.style import heading, hint

ENTRY = Qt.ItemDataRole.UserRole


class CodingTab(QStackedWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[QueueEntry] = []
        self._stale = True
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Round"),
                self.tr("Number"),
                self.tr("Session"),
                self.tr("Theme"),
                self.tr("Status"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.nothing = hint(
            self.tr(
                "There is nothing to rate: no open coding round names you as a coder. The "
                "supervisor who draws a round adds its sessions here."
            )
        )
        self.nothing.hide()
        queue = QWidget()
        layout = QVBoxLayout(queue)
        layout.addWidget(heading(self.tr("Sessions to rate"), scale=1.2))
        layout.addWidget(
            hint(
                self.tr(
                    "Only the pseudonymised session is shown. Enter or a double click opens "
                    "the rating form."
                )
            )
        )
        layout.addWidget(self.nothing)
        layout.addWidget(self.table, 1)
        self.queue_page = queue
        self.form = RatingPage(ctx)
        self.form.back.connect(self.show_queue)
        self.form.changed.connect(self._form_changed)
        self.addWidget(queue)
        self.addWidget(self.form)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.currentWidget() is self.queue_page:
            first = not self.entries and self.table.rowCount() == 0
            self.reload()
            if first:  # the coder's window opens here: the keys work at once
                self.table.setFocus()

    def reload(self) -> None:
        entries = operations.fetch(self, self.ctx, lambda: coder_queue(self.ctx.acting))
        if entries is None:
            return
        self._stale = False
        chosen = self._chosen()
        self.entries = entries
        status = {
            Progress.NOT_STARTED: self.tr("Not started"),
            Progress.DRAFT: self.tr("Draft"),
            Progress.SUBMITTED: self.tr("Submitted"),
        }
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.round_name,
                str(entry.position),
                entry.pseudonym,
                entry.theme or "–",
                status[entry.progress],
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ENTRY, row)
                self.table.setItem(row, column, item)
        self.nothing.setVisible(not entries)
        self.table.setVisible(bool(entries))
        again = next(
            (i for i, e in enumerate(entries) if chosen and (e.round_id, e.session_id) == chosen),
            0,
        )
        if entries:
            self.table.selectRow(again)

    def _chosen(self) -> tuple[str, str] | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.entries):
            entry = self.entries[row]
            return entry.round_id, entry.session_id
        return None

    def _activated(self, index: QModelIndex) -> None:
        self.open_entry(index.row())

    def open_entry(self, row: int) -> None:
        entry = self.entries[row]
        form = self.form
        if operations.run(
            self, self.ctx, lambda: form.show_rating(entry.round_id, entry.session_id)
        ):
            self.setCurrentWidget(form)
            first = next(iter(form.boxes.values()), None)
            (first if first is not None and not form.read_only else form.back_button).setFocus()

    def show_queue(self) -> None:
        self.setCurrentWidget(self.queue_page)
        self.reload()
        self.table.setFocus()

    def _form_changed(self) -> None:
        self._stale = True

    def leave(self) -> None:
        """The window closes: what the form has waiting is saved."""
        if self.currentWidget() is self.form:
            self.form.flush()
