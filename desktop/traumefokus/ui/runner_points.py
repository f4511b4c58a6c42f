"""The pages of the session screen, one per agenda point. Each page shows its part of the
note, writes it back into the draft (`store`), and says when something was typed (`edited`).

A trauma-focused session has check-in, quote, theme and check-out; the other kinds of
session (assessment, MOVE, follow-up) get a notes page per agenda point of their programme.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from traumefokus.content.markdown import markdown_html
from traumefokus.domain.content import Measure, Theme
from traumefokus.domain.session_note import NoteDraft, WorksheetUse
from traumefokus.services.session_notes import PreviousCommitment
from traumefokus.ui.forms import day_label
from traumefokus.ui.read_only import TYPING_HINT, hide_actions, make_read_only
from traumefokus.ui.style import heading, hint, titled


def text_box(lines: int = 3, *, grow: bool = False) -> QPlainTextEdit:
    """A text field about `lines` high (it scrolls beyond that); `grow` lets it take the
    room that is left on the page."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(int(line * (lines + 1)))
    if not grow:
        box.setMaximumHeight(int(line * (lines + 2.5)))
    return box


def score_box(low: int, high: int) -> QSpinBox:
    """A score that may also be not given: "–" below the lowest value."""
    box = QSpinBox()
    box.setMaximumWidth(90)
    box.setRange(low - 1, high)
    box.setSpecialValueText("–")
    box.setValue(low - 1)
    return box


def choices(options: list[tuple[str, str]], owner: QWidget) -> tuple[QWidget, QButtonGroup]:
    """Radio buttons in a row; none chosen means "not said". The group belongs to `owner`,
    which outlives the row even when the row is not shown."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(owner)
    for value, label in options:
        button = QRadioButton(label)
        button.setProperty("value", value)
        group.addButton(button)
        row.addWidget(button)
    row.addStretch()
    return box, group


def chosen(group: QButtonGroup) -> str | None:
    button = group.checkedButton()
    return button.property("value") if button else None


def choose(group: QButtonGroup, value: str | None) -> None:
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(button.property("value") == value)
    group.setExclusive(True)


class PointPage(QWidget):
    edited = Signal()

    def first_field(self) -> QWidget:
        """Where typing starts when the page comes up."""
        raise NotImplementedError

    def load(self, draft: NoteDraft) -> None:
        raise NotImplementedError

    def store(self, draft: NoteDraft) -> None:
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        """A note that may not change stays fully legible: every field becomes read-only with
        the read-only look; "show to client" keeps working, the other buttons go."""
        if not editable:
            make_read_only(self)
            hide_actions(self)

    def watch(self, *widgets: QWidget) -> None:
        """Emit `edited` whenever one of these widgets changes."""
        for widget in widgets:
            if isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.edited)
            elif isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.edited)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.edited)
            elif isinstance(widget, QButtonGroup):
                widget.buttonClicked.connect(self.edited)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.edited)
            elif isinstance(widget, QComboBox):
                widget.currentTextChanged.connect(self.edited)


class MeasuresBox(QGroupBox):
    """The programme's per-session measures that are a single score (e.g. TEM 0-10)."""

    def __init__(self, measures: tuple[Measure, ...], lang: str, page: PointPage) -> None:
        super().__init__(QCoreApplication.translate("Runner", "Measures"))
        self.boxes: dict[str, QSpinBox] = {}
        form = QFormLayout(self)
        for measure in measures:
            if measure.scale_min is None or measure.scale_max is None:
                continue
            box = score_box(measure.scale_min, measure.scale_max)
            self.boxes[measure.id] = box
            title = measure.title_en if lang == "en" else measure.title
            form.addRow(f"{title} ({measure.scale_min}-{measure.scale_max}):", box)
            page.watch(box)
        if not self.boxes:  # never setVisible(True) here: without a parent yet, that
            self.hide()  # would show the box as a window of its own for a moment

    def load(self, draft: NoteDraft) -> None:
        for measure_id, box in self.boxes.items():
            box.setValue(draft.measures.get(measure_id, box.minimum()))

    def store(self, draft: NoteDraft) -> None:
        draft.measures = {
            m: box.value() for m, box in self.boxes.items() if box.value() >= box.minimum() + 1
        }


class CheckInPage(PointPage):
    def __init__(
        self, previous: PreviousCommitment | None, measures: tuple[Measure, ...], lang: str
    ) -> None:
        super().__init__()
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.previous.setTextFormat(Qt.TextFormat.RichText)
        commitment_row, self.commitment_done = choices(
            [
                ("yes", self.tr("Done")),
                ("partly", self.tr("Partly")),
                ("no", self.tr("Not done")),
            ],
            self,
        )
        self.feeling = text_box(2)
        self.feeling_score = score_box(0, 10)
        self.good_coping = text_box(2)
        use_row, self.substance_use = choices(
            [
                ("none", self.tr("None")),
                ("some", self.tr("Some")),
            ],
            self,
        )
        self.substances = QLineEdit()
        self.substances.setPlaceholderText(self.tr("What, and how much"))
        self.unsafe = text_box(2)
        self.flag_button = QPushButton(self.tr("Raise a safety &flag"))
        self.flag_button.setToolTip(
            self.tr("The flag stays visible on the course until someone clears it.")
        )
        self.community = text_box(1)
        self.measures = MeasuresBox(measures, lang, self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if previous is not None:
            self.previous.setText(
                self.tr("<b>Last commitment</b> (%1): »%2«")
                .replace("%1", day_label(previous.session.date or previous.session.planned_date))
                .replace("%2", escape(previous.text))
            )
            form.addRow(self.previous)
            form.addRow(self.tr("The commitment was:"), commitment_row)
        form.addRow(self.tr("How are you &feeling?"), self.feeling)
        form.addRow(self.tr("On a scale of 0-10:"), self.feeling_score)
        form.addRow(self.tr("&Good coping since last time:"), self.good_coping)
        form.addRow(self.tr("Substance use since last time:"), use_row)
        form.addRow("", self.substances)
        unsafe_row = QWidget()
        unsafe_layout = QVBoxLayout(unsafe_row)
        unsafe_layout.setContentsMargins(0, 0, 0, 0)
        unsafe_layout.addWidget(self.unsafe)
        unsafe_layout.addWidget(self.flag_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Other &unsafe behaviour:"), unsafe_row)
        form.labelForField(unsafe_row).setBuddy(self.unsafe)
        form.addRow(self.tr("&Community resources:"), self.community)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.measures)
        layout.addStretch()
        self.watch(
            self.commitment_done,
            self.feeling,
            self.feeling_score,
            self.good_coping,
            self.substance_use,
            self.substances,
            self.unsafe,
            self.community,
        )
        self.substance_use.buttonClicked.connect(self._enable_substances)

    def _enable_substances(self) -> None:
        self.substances.setEnabled(chosen(self.substance_use) == "some")

    def first_field(self) -> QWidget:
        return self.feeling

    def load(self, draft: NoteDraft) -> None:
        c = draft.check_in
        choose(self.commitment_done, c.commitment_done)
        self.feeling.setPlainText(c.feeling)
        self.feeling_score.setValue(-1 if c.feeling_score is None else c.feeling_score)
        self.good_coping.setPlainText(c.good_coping)
        choose(self.substance_use, c.substance_use)
        self.substances.setText(c.substances)
        self.unsafe.setPlainText(c.unsafe_behaviour)
        self.community.setPlainText(c.community_resources)
        self.measures.load(draft)
        self._enable_substances()

    def store(self, draft: NoteDraft) -> None:
        c = draft.check_in
        c.commitment_done = chosen(self.commitment_done)
        c.feeling = self.feeling.toPlainText()
        score = self.feeling_score.value()
        c.feeling_score = None if score < 0 else score
        c.good_coping = self.good_coping.toPlainText()
        c.substance_use = chosen(self.substance_use)
        c.substances = self.substances.text()
        c.unsafe_behaviour = self.unsafe.toPlainText()
        c.community_resources = self.community.toPlainText()
        self.measures.store(draft)


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
        self.table.horizontalHeader().setSectionResizeMode(
            self.TITLE, QHeaderView.ResizeMode.Stretch
        )
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
                "Let the client choose; typically one or two worksheets. Space ticks, "
                "Tab moves."
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
        self._current = row

    def _note_typed(self) -> None:
        if self.theme is None or self._current < 0:
            return
        sheet = self.theme.worksheets[self._current]
        self.notes[sheet.id] = self.note.toPlainText()
        if self.notes[sheet.id]:
            self.table.item(self._current, self.WORKED).setCheckState(Qt.CheckState.Checked)
        self.edited.emit()

    def current_client_text(self) -> str | None:
        if self.theme is None or self._current < 0:
            return None
        return self.theme.worksheets[self._current].client

    def first_field(self) -> QWidget:
        return self.table

    def load(self, draft: NoteDraft) -> None:
        used = {w.id: w for w in draft.worksheets}
        self.notes = {w.id: w.note for w in draft.worksheets}
        self.table.blockSignals(True)
        for row, sheet in enumerate(self.theme.worksheets if self.theme else ()):
            use = used.get(sheet.id)
            self.table.item(row, self.WORKED).setCheckState(
                Qt.CheckState.Checked if use else Qt.CheckState.Unchecked
            )
            self.table.item(row, self.HANDED).setCheckState(
                Qt.CheckState.Checked if use and use.handed_out else Qt.CheckState.Unchecked
            )
        self.table.blockSignals(False)
        self._show_sheet(max(self.table.currentRow(), 0))

    def store(self, draft: NoteDraft) -> None:
        used = []
        for row, sheet in enumerate(self.theme.worksheets if self.theme else ()):
            worked = self.table.item(row, self.WORKED).checkState() == Qt.CheckState.Checked
            handed = self.table.item(row, self.HANDED).checkState() == Qt.CheckState.Checked
            if worked or handed:
                used.append(WorksheetUse(sheet.id, self.notes.get(sheet.id, ""), handed))
        draft.worksheets = used


class CheckOutPage(PointPage):
    def __init__(self, theme: Theme | None) -> None:
        super().__init__()
        self.takeaway = text_box(3)
        self.difficult = text_box(2)
        self.commitment = QComboBox()
        self.commitment.setEditable(True)
        self.commitment.addItem("")
        self.commitment.addItems(list(theme.commitments) if theme else [])
        self.commitment.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.commitment.lineEdit().setPlaceholderText(
            self.tr("Choose a suggestion or write the client's own")
        )
        self.referrals = text_box(2)
        form = QFormLayout()
        form.addRow(self.tr("What the client &takes away:"), self.takeaway)
        form.addRow(self.tr("Anything &difficult:"), self.difficult)
        form.addRow(self.tr("&Commitment until next time:"), self.commitment)
        form.addRow(self.tr("&Referrals to community resources:"), self.referrals)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()
        self.watch(self.takeaway, self.difficult, self.commitment, self.referrals)

    def first_field(self) -> QWidget:
        return self.takeaway

    def load(self, draft: NoteDraft) -> None:
        self.takeaway.setPlainText(draft.check_out.takeaway)
        self.difficult.setPlainText(draft.check_out.difficult)
        self.commitment.setCurrentText(draft.commitment)
        self.referrals.setPlainText(draft.check_out.referrals)

    def store(self, draft: NoteDraft) -> None:
        draft.check_out.takeaway = self.takeaway.toPlainText()
        draft.check_out.difficult = self.difficult.toPlainText()
        draft.commitment = self.commitment.currentText()
        draft.check_out.referrals = self.referrals.toPlainText()


class NotesPage(PointPage):
    """One agenda point of an assessment, MOVE or follow-up session: notes, and on the first
    point the programme's measures."""

    def __init__(self, point_id: str, title: str, measures: tuple[Measure, ...], lang: str) -> None:
        super().__init__()
        self.point_id = point_id
        self.text = text_box(12, grow=True)
        self.measures = MeasuresBox(measures, lang, self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, scale=1.2))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.measures)
        self.watch(self.text)

    def first_field(self) -> QWidget:
        return self.text

    def load(self, draft: NoteDraft) -> None:
        self.text.setPlainText(draft.notes.get(self.point_id, ""))
        self.measures.load(draft)

    def store(self, draft: NoteDraft) -> None:
        draft.notes[self.point_id] = self.text.toPlainText()
        if self.measures.boxes:
            self.measures.store(draft)
