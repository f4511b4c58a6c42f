"""Table models for the main window's client and course lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from traumefokus.ui.forms import day_label
from traumefokus.ui.labels import course_status_label, method_label
from traumefokus.ui.style import OVERDUE_ROLES, overdue_look
from traumefokus.ui.table_model import Index, RowsModel

if TYPE_CHECKING:
    from traumefokus.services.overview import ClientRow, CourseRow


class ClientTableModel(RowsModel["ClientRow"]):
    """The client list. It sorts and filters its own rows: with thousands of clients, a
    QSortFilterProxyModel would call back into Python tens of thousands of times."""

    def __init__(self, show_names: bool = False) -> None:
        super().__init__()
        self._all: list[ClientRow] = []
        self._show_names = show_names
        self._filter = ""
        self._sort_column, self._sort_order = 0, Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: list[ClientRow]) -> None:
        self._all = rows
        self._refresh()

    def set_show_names(self, show: bool) -> None:
        self._show_names = show
        self._refresh()

    def set_filter(self, text: str) -> None:
        """Keep the clients whose code (or shown name) contains `text`, ignoring case."""
        self._filter = text.strip().casefold()
        self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._refresh()

    def _refresh(self) -> None:
        wanted = self._filter
        rows = [
            r
            for r in self._all
            if not wanted
            or wanted in r.code.casefold()
            or (self._show_names and wanted in (r.display_name or "").casefold())
        ]
        columns = self._columns()
        key = columns[self._sort_column] if self._sort_column < len(columns) else "code"
        rows.sort(
            key=lambda r: self._sort_key(r, key),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        super().set_rows(rows)

    def _sort_key(self, row: ClientRow, column: str) -> str:
        if column == "next":
            return row.next_session.isoformat() if row.next_session else "~"
        return self._text(row, column).casefold()

    def free_columns(self) -> tuple[int, ...]:
        """The free-text columns, which give up room first on a narrow screen."""
        columns = self._columns()
        return tuple(columns.index(c) for c in ("name", "site", "course") if c in columns)

    def _columns(self) -> list[str]:
        names = ["name"] if self._show_names else []
        return ["code", *names, "site", "course", "next"]

    def headers(self) -> list[str]:
        titles = {
            "code": self.tr("Client code"),
            "name": self.tr("Name"),
            "site": self.tr("Site"),
            "course": self.tr("Latest course"),
            "next": self.tr("Next session"),
        }
        return [titles[c] for c in self._columns()]

    def row_id(self, row: ClientRow) -> str:
        return row.id

    def cell(self, row: ClientRow, column: int) -> str:
        return self._text(row, self._columns()[column])

    def _text(self, row: ClientRow, column: str) -> str:
        if column == "code":
            return row.code
        if column == "name":
            return row.display_name or ""
        if column == "site":
            return row.site
        if column == "next":
            if row.next_overdue:
                return self.tr("%1 · overdue").replace("%1", day_label(row.next_session))
            return day_label(row.next_session)
        if row.latest_status is None:
            return self.tr("No course")
        text = f"{method_label(row.latest_method)} · {course_status_label(row.latest_status)}"
        if row.themes_open:
            text += " · ⚠ " + self.tr("themes still open: %1").replace("%1", str(row.themes_open))
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        if row.next_overdue and self._columns()[index.column()] == "next":
            if role in OVERDUE_ROLES:
                return overdue_look(role)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "This session's day has passed and it is not recorded: record whether it "
                    "was held, or move it."
                )
        return super().data(index, role)


class CourseTableModel(RowsModel["CourseRow"]):
    def headers(self) -> list[str]:
        return [
            self.tr("Method"),
            self.tr("Status"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Therapist"),
            self.tr("Held"),
        ]

    def row_id(self, row: CourseRow) -> str:
        return row.id

    def cell(self, row: CourseRow, column: int) -> str:
        return (
            method_label(row.method),
            course_status_label(row.status),
            day_label(row.start_date, weekday=False),
            day_label(row.end_date, weekday=False),
            row.therapist,
            self.tr("%1 of %2")
            .replace("%1", str(row.sessions_held))
            .replace("%2", str(row.sessions_planned)),
        )[column]
