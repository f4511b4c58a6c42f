"""The middle points of a trauma-focused session on the session screen: the quote (large, to
show to the client, with what it means to them) and the theme (its introduction, then its
worksheets: those worked on and handed out, a note for each, guidance and the client's text
side by side)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from traumefokus.content.markdown import markdown_html
from traumefokus.domain.content import Theme
from traumefokus.domain.session_note import NoteDraft, WorksheetUse
from traumefokus.ui.read_only import TYPING_HINT
from traumefokus.ui.runner_points import PointPage, text_box
from traumefokus.ui.style import hint, titled


class QuotePage(PointPage):
    def __init__(self, theme: Theme | None) -> None:
        super().__init__()
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.quote.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.quote.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        self.quote.setFont(font)
        self.quote.setMinimumHeight(160)
        if theme and theme.quote:
            self.quote.setText(
                f"<i>»{escape(theme.quote.text)}«</i><br><small>— "
                f"{escape(quote_source(theme))}</small>"
            )
        self.show_button = QPushButton(self.tr("Show to client (F5)"))
        self.understanding = text_box(3)
        self.link = text_box(3)
        form = QFormLayout()
        form.addRow(self.tr("What the client thinks it &means:"), self.understanding)
        form.addRow(self.tr("&Link to today's theme:"), self.link)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(
            hint(
                self.tr(
                    "Let the client read the quote aloud if they can, then ask what it might mean."
                )
            )
        )
        layout.addLayout(form)
        layout.addStretch()
        self.watch(self.understanding, self.link)

    def first_field(self) -> QWidget:
        return self.understanding

    def fields(self) -> dict[str, QWidget]:
        return {"quote.understanding": self.understanding, "quote.link": self.link}

    def load(self, draft: NoteDraft) -> None:
        self.understanding.setPlainText(draft.quote.understanding)
        self.link.setPlainText(draft.quote.link)

    def store(self, draft: NoteDraft) -> None:
        draft.quote.understanding = self.understanding.toPlainText()
        draft.quote.link = self.link.toPlainText()


def quote_source(theme: Theme) -> str:
    quote = theme.quote
    assert quote is not None
    if quote.demo:
        return QCoreApplication.translate("Runner", "a demo quote written for Traumefokus")
    return f"{quote.author}, {quote.work}"


class ThemePage(PointPage):
    """The introduction, then the theme's worksheets: tick those worked on (typically one or
    two) and those handed out, a note for each, guidance and client text side by side."""

    WORKED, TITLE, HANDED = range(3)

    def __init__(self, theme: Theme | None) -> None:
        super().__init__()
        self.theme = theme
        self.notes: dict[str, str] = {}
        self.introduction = QTextBrowser()
        self.introduction.setHtml(markdown_html(theme.introduction or "" if theme else ""))
        self.introduction.setMaximumHeight(120)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Worked on"), self.tr("Worksheet"), self.tr("Handed out")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the note
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (self.WORKED, self.HANDED):  # their titles whole, in either language
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for sheet in theme.worksheets if theme else ():
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column in (self.WORKED, self.HANDED):
                item = QTableWidgetItem()
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
                self.table.setItem(row, column, item)
            self.table.setItem(row, self.TITLE, QTableWidgetItem(sheet.title))
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(
            rows_height
            + self.table.horizontalHeader().sizeHint().height()
            + 2 * self.table.frameWidth()
        )
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.table.currentCellChanged.connect(self._show_sheet)
        self.note = text_box(2)
        self.note.setPlaceholderText(self.tr("Note on this worksheet"))
        self.note.textChanged.connect(self._note_typed)
        self.guidance = QTextBrowser()
        self.client = QTextBrowser()
        self.show_button = QPushButton(self.tr("Show the client's text (F5)"))
        side = QSplitter()
        side.addWidget(titled(self.tr("Guidance for the therapist"), self.guidance))
        side.addWidget(titled(self.tr("The client's text"), self.client))
        layout = QVBoxLayout(self)
        layout.addWidget(self.introduction)
        how = hint(
            self.tr(
                "Let the client choose; typically one or two worksheets. Space ticks, Tab moves."
            )
        )
        how.setProperty(TYPING_HINT, True)  # not on a note that cannot be changed
        layout.addWidget(how)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(side, 1)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignRight)
        self._current = -1
        if self.table.rowCount():
            self.table.setCurrentCell(0, self.WORKED)

    def _show_sheet(self, row: int, *_args: int) -> None:
        if self.theme is None or not 0 <= row < len(self.theme.worksheets):
            return
        self._current = -1
        sheet = self.theme.worksheets[row]
        self.guidance.setHtml(markdown_html(sheet.guidance))
        self.client.setHtml(markdown_html(sheet.client))
        self.note.setPlainText(self.notes.get(sheet.id, ""))
        if not self.note.isReadOnly():  # typing goes on after the note; a signed one reads
            self.note.moveCursor(QTextCursor.MoveOperation.End)
        self._current = row

    def _tick(self, row: int, column: int) -> QTableWidgetItem:
        """A worksheet's tick box (WORKED or HANDED), made with its row."""
        item = self.table.item(row, column)
        assert item is not None  # every row gets both when the table is filled
        return item

    def _note_typed(self) -> None:
        if self.theme is None or self._current < 0:
            return
        sheet = self.theme.worksheets[self._current]
        self.notes[sheet.id] = self.note.toPlainText()
        if self.notes[sheet.id]:
            self._tick(self._current, self.WORKED).setCheckState(Qt.CheckState.Checked)
        self.edited.emit()

    def current_client_text(self) -> str | None:
        if self.theme is None or self._current < 0:
            return None
        return self.theme.worksheets[self._current].client

    def first_field(self) -> QWidget:
        return self.table

    def fields(self) -> dict[str, QWidget]:
        return {"worksheets.note": self.note}

    def load(self, draft: NoteDraft) -> None:
        used = {w.id: w for w in draft.worksheets}
        self.notes = {w.id: w.note for w in draft.worksheets}
        self.table.blockSignals(True)
        for row, sheet in enumerate(self.theme.worksheets if self.theme else ()):
            use = used.get(sheet.id)
            self._tick(row, self.WORKED).setCheckState(
                Qt.CheckState.Checked if use else Qt.CheckState.Unchecked
            )
            self._tick(row, self.HANDED).setCheckState(
                Qt.CheckState.Checked if use and use.handed_out else Qt.CheckState.Unchecked
            )
        self.table.blockSignals(False)
        self._show_sheet(max(self.table.currentRow(), 0))

    def store(self, draft: NoteDraft) -> None:
        used = []
        for row, sheet in enumerate(self.theme.worksheets if self.theme else ()):
            worked = self._tick(row, self.WORKED).checkState() == Qt.CheckState.Checked
            handed = self._tick(row, self.HANDED).checkState() == Qt.CheckState.Checked
            if worked or handed:
                used.append(WorksheetUse(sheet.id, self.notes.get(sheet.id, ""), handed))
        draft.worksheets = used
