"""Table models for the main window's client and course lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from traumefokus.ui.forms import day_label
from traumefokus.ui.labels import course_status_label, method_label

if TYPE_CHECKING:
    from traumefokus.services.overview import ClientRow, CourseRow

Index = QModelIndex | QPersistentModelIndex
ROW_ID = Qt.ItemDataRole.UserRole


class ClientTableModel(QAbstractTableModel):
    """The client list. It sorts and filters its own rows: with thousands of clients, a
    QSortFilterProxyModel would call back into Python tens of thousands of times."""

    def __init__(self, show_names: bool = False) -> None:
        super().__init__()
        self._all: list[ClientRow] = []
        self._rows: list[ClientRow] = []
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
        self.beginResetModel()
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
        self._rows = rows
        self.endResetModel()

    def _sort_key(self, row: ClientRow, column: str) -> str:
        if column == "next":
            return row.next_session.isoformat() if row.next_session else "~"
        return str(self._text(row, column)).casefold()

    def _columns(self) -> list[str]:
        names = ["name"] if self._show_names else []
        return ["code", *names, "site", "course", "next"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "code": self.tr("Client code"),
            "name": self.tr("Name"),
            "site": self.tr("Site"),
            "course": self.tr("Latest course"),
            "next": self.tr("Next session"),
        }[self._columns()[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        if role == ROW_ID:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(row, self._columns()[index.column()])

    def _text(self, row: ClientRow, column: str) -> str:
        if column == "code":
            return row.code
        if column == "name":
            return row.display_name or ""
        if column == "site":
            return row.site
        if column == "next":
            return day_label(row.next_session)
        if row.latest_status is None:
            return self.tr("No course")
        return f"{method_label(row.latest_method)} · {course_status_label(row.latest_status)}"


class CourseTableModel(QAbstractTableModel):
    COLUMNS = ("method", "status", "start", "end", "therapist", "sessions")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CourseRow] = []

    @property
    def rows(self) -> list[CourseRow]:
        return self._rows

    def set_rows(self, rows: list[CourseRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Method"),
            self.tr("Status"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Therapist"),
            self.tr("Held"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        if role == ROW_ID:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.COLUMNS[index.column()]
        if column == "method":
            return method_label(row.method)
        if column == "status":
            return course_status_label(row.status)
        if column == "start":
            return day_label(row.start_date, weekday=False)
        if column == "end":
            return day_label(row.end_date, weekday=False)
        if column == "therapist":
            return row.therapist
        return (
            self.tr("%1 of %2")
            .replace("%1", str(row.sessions_held))
            .replace("%2", str(row.sessions_planned))
        )
