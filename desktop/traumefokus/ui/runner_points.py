"""The pages of the session screen, one per agenda point. Each page shows its part of the
note, writes it back into the draft (`store`), and says when something was typed (`edited`).

A trauma-focused session has check-in, quote, theme and check-out (runner_check_pages.py,
runner_theme_pages.py); the other kinds of session (assessment, MOVE, follow-up) get a notes
page per agenda point of their programme (here, with what every page shares).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.content import Measure
from traumefokus.domain.session_note import NoteDraft
from traumefokus.ui.read_only import hide_actions, make_read_only
from traumefokus.ui.style import heading


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

    def fields(self) -> dict[str, QWidget]:
        """The page's text fields by the part of the draft they fill ("check_in.feeling")."""
        return {}

    def field_labels(self) -> dict[str, str]:
        """What the page calls each of its `fields`: a stressed therapist recognises their
        text by it (ui/edit_conflict.py)."""
        return {
            path: text for path, field in self.fields().items() if (text := form_label(self, field))
        }

    def set_editable(self, editable: bool) -> None:
        """Once loaded: a note that may not change stays fully legible, every field read-only
        with the read-only look ("show to client" keeps working, the other buttons go) and
        read from its start; in one that may, every text field's cursor is after its text,
        so that a therapist who goes on with a draft adds to it, never in front of it."""
        if not editable:
            make_read_only(self)
            hide_actions(self)
            return
        for field in self.findChildren(QPlainTextEdit):
            field.moveCursor(QTextCursor.MoveOperation.End)

    def watch(self, *widgets: QWidget | QButtonGroup) -> None:
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


def form_label(page: QWidget, field: QWidget) -> str:
    """The label of `field`'s row in a form on `page` (of the row that holds it), without its
    shortcut mark and colon; else the words shown in it while empty; else ""."""
    forms = page.findChildren(QFormLayout)
    widget: QWidget | None = field
    while widget is not None and widget is not page:
        for form in forms:
            label = form.labelForField(widget)
            if isinstance(label, QLabel) and label.text().strip():
                return label.text().replace("&", "").strip().rstrip(":")
        widget = widget.parentWidget()
    placeholder = getattr(field, "placeholderText", None)
    return placeholder() if callable(placeholder) else ""


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
