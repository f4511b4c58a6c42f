"""The "Today" list on the start screen: the sessions planned for today, to open with Enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from traumefokus.ui.forms import time_label
from traumefokus.ui.labels import (
    attendance_label,
    note_status_label,
    session_kind_label,
    session_number_label,
)
from traumefokus.ui.table_model import ROW_ID, RowsModel

if TYPE_CHECKING:
    from traumefokus.services.session_notes import TodayRow


class TodayModel(RowsModel["TodayRow"]):
    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Client"),
            self.tr("Session"),
            self.tr("Theme"),
            self.tr("Therapist"),
            self.tr("Note"),
        ]

    def row_id(self, row: TodayRow) -> str:
        return row.session_id

    def cell(self, row: TodayRow, column: int) -> str:
        if row.number is not None:
            session = session_number_label(row.number)
        else:
            session = session_kind_label(row.kind)
        status = note_status_label(row.note_status)
        if row.attendance and row.attendance != "held":
            status = attendance_label(row.attendance)
        return (
            time_label(row.planned_time),
            row.client_code,
            session,
            row.theme_title or session_kind_label(row.kind),
            row.therapist,
            status,
        )[column]


class TodayTable(QTableView):
    def __init__(self) -> None:
        super().__init__()
        self._model = TodayModel()
        self.setModel(self._model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)

    def set_rows(self, rows: list[TodayRow]) -> None:
        self._model.set_rows(rows)
        if rows:
            self.selectRow(0)

    def current_session(self) -> str | None:
        index = self.currentIndex()
        return index.data(ROW_ID) if index.isValid() else None
