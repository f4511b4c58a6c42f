"""What the report tabs share (the supervision overview, the coding rounds): a read-only
table filled from a services Table, a titled column of widgets, columns side by side, and a
page that scrolls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from traumefokus.ui.fit import keep_headers_whole

if TYPE_CHECKING:
    from traumefokus.services.supervision_tables import Table


class ReportTable(QTableWidget):
    """A read-only table, a row chosen whole; its columns as wide as their contents, the
    first text column taking the room left over, and on a narrow screen the text columns
    giving up room (eliding) before the figures, never below their titles (it then scrolls
    sideways)."""

    def __init__(self) -> None:
        super().__init__()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.columns = keep_headers_whole(self)


def report_table() -> ReportTable:
    return ReportTable()


def fill_table(view: QTableWidget, table: Table, lang: str) -> None:
    """`view` showing `table`: its headings, its cells formatted for `lang` (figures to the
    right), the first text column stretched."""
    from traumefokus.services.supervision_tables import Cell, formatted

    view.clear()
    view.setColumnCount(len(table.columns))
    view.setRowCount(len(table.rows))
    view.setHorizontalHeaderLabels([c.heading for c in table.columns])
    for r, row in enumerate(table.rows):
        for c, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            item = QTableWidgetItem(formatted(value, column.cell, lang))
            if column.cell is not Cell.TEXT:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            view.setItem(r, c, item)
    header = view.horizontalHeader()
    first: int | None = None
    if table.columns and table.columns[0].cell is Cell.TEXT:
        first = 1 if len(table.columns) > 1 and table.columns[1].cell is Cell.TEXT else 0
    if isinstance(view, ReportTable):
        view.columns.free = frozenset(
            c for c, column in enumerate(table.columns) if column.cell is Cell.TEXT
        )
        view.columns.stretch = first
        view.columns.measure()
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if first is not None:
            header.setSectionResizeMode(first, QHeaderView.ResizeMode.Stretch)
    rows = view.verticalHeader().length() + header.height() + 2 * view.frameWidth() + 2
    view.setMinimumHeight(min(rows, 220))


def titled_column(title: str, *widgets: QWidget, stretch: bool = False) -> QWidget:
    """The widgets one under the other below a bold title (none if empty); tables take the
    room left."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if title:
        label = QLabel(title)
        label.setWordWrap(True)
        label.setStyleSheet("font-weight: bold;")
        layout.addWidget(label)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QTableWidget) else 0)
    if stretch:
        layout.addStretch(0)
    return box


def side_by_side(*columns: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for column in columns:
        layout.addWidget(column, 1)
    return box


def scroll_page(content: QWidget) -> QScrollArea:
    """`content` in a frameless area that scrolls when the window is too small for it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    content.setContentsMargins(6, 6, 6, 6)
    scroll.setWidget(content)
    return scroll
