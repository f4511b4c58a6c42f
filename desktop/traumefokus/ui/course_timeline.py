"""The timeline of a course on its page: one row per session (number, date, time, kind, theme,
attendance, note), the next session to record highlighted and selected when the course opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from traumefokus.domain.vocabulary import Attendance
from traumefokus.services.courses import CourseView
from traumefokus.ui.fit import keep_headers_whole
from traumefokus.ui.forms import day_label, time_label
from traumefokus.ui.labels import attendance_label, note_status_label, session_kind_label
from traumefokus.ui.theme import tint

SESSION_ID = Qt.ItemDataRole.UserRole
THEME_COLUMN = 4  # takes the room left: the themes must be readable


class CourseTimeline(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 7)
        self.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Theme"),
                self.tr("Attendance"),
                self.tr("Note"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the number, date and time stay whole; kind, theme, attendance and note elide
        self.columns = keep_headers_whole(self, free=(3, THEME_COLUMN, 5, 6))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def selected_id(self) -> str | None:
        """The id of the session on the selected row, if a row is selected."""
        items = self.selectedItems()
        return items[0].data(SESSION_ID) if items else None

    def fill(self, course: CourseView, keep: str | None) -> None:
        """A row per session; the row of `keep` stays selected, else the next session's."""
        self.setRowCount(len(course.sessions))
        following = course.next_session if course.is_open else None
        select_row = 0
        for row, s in enumerate(course.sessions):
            number = (
                str(s.number)
                if s.number is not None
                else (f"+{s.follow_up_month}" if s.follow_up_month else self.tr("extra"))
            )
            kind = session_kind_label(s.kind)
            if s.extra:
                kind = self.tr("%1 (extra)").replace("%1", kind)
            cells = (
                number,
                day_label(s.date or s.planned_date),
                time_label(s.planned_time),
                kind,
                s.theme_title or "",
                attendance_label(s.attendance),
                note_status_label(s.note_status),
            )
            next_background, next_text = tint("note")  # the next session, in either scheme
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(SESSION_ID, s.id)
                if following is not None and s.id == following.id:
                    item.setBackground(QBrush(next_background))
                    item.setForeground(QBrush(next_text))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                elif s.attendance not in (None, Attendance.HELD):
                    item.setForeground(self.palette().placeholderText())
                self.setItem(row, column, item)
            if s.id == keep or (keep is None and following is not None and s.id == following.id):
                select_row = row
        self.columns.measure()  # items, not a model reset: measure the new rows
        if course.sessions:
            self.selectRow(select_row)
