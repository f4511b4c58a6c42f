"""Fields that can be read but not changed (a signed note, another therapist's course, a
session opened to look at): every input keeps its value legible, takes no typing or clicks,
and shows the read-only look of ui/style.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QWidget,
)

from traumefokus.domain.access import Action
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import day_label
from traumefokus.ui.style import read_only_look

if TYPE_CHECKING:
    from traumefokus.services.session_notes import NoteView

TEXTS = (QPlainTextEdit, QLineEdit, QAbstractSpinBox)
TYPING_HINT = "typingHint"  # a label's property: it explains typing, hidden when read only
CHOICES = (QRadioButton, QCheckBox, QComboBox)


def input_fields(root: QWidget) -> list[QWidget]:
    """Every field under `root` that takes input (a combo box's own line edit counts with
    its combo box)."""
    found: list[QWidget] = []
    for kind in (*TEXTS, *CHOICES, QTableWidget):
        for widget in root.findChildren(kind):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
                continue
            if widget not in found:
                found.append(widget)
    return found


def make_read_only(root: QWidget) -> None:
    """Every field under `root` read-only, with the read-only look, and no hint on how to type
    or tick. (Pages are built anew for each note, so there is no way back.)"""
    for label in root.findChildren(QLabel):
        if label.property(TYPING_HINT):
            label.hide()
    for widget in input_fields(root):
        read_only_look(widget)
        if isinstance(widget, TEXTS):
            widget.setReadOnly(True)  # (a spin box's arrows go by the style sheet: with
            # NoButtons and no frame, Qt leaves its value no room)
        if isinstance(widget, QLineEdit):
            widget.setPlaceholderText("")  # no invitation to type
        if isinstance(widget, CHOICES):
            _inert(widget)
        if isinstance(widget, QTableWidget):
            _table_read_only(widget)


def _inert(widget: QWidget) -> None:
    """Shown as it is, but neither a click nor a key changes it."""
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    line = widget.lineEdit() if isinstance(widget, QComboBox) else None
    if line is not None:
        line.setReadOnly(True)
        line.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def _table_read_only(table: QTableWidget) -> None:
    """The ticks stay visible; they can no longer be changed."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)


def hide_actions(root: QWidget, keep: str = "F5") -> None:
    """On a read-only page the buttons that would change something go; those whose label
    names `keep` (showing to the client) stay."""
    for button in root.findChildren(QPushButton):
        if keep not in button.text():
            button.hide()


def why_read_only(ctx: UiContext, note: NoteView, *, looking: bool) -> str:
    """The one line at the top of a session the user may read but not write: why ("" when
    they may write it). `looking`: opened only to look at (ui/session_day.py). The words are
    the session screen's."""
    if note.signed:
        return QCoreApplication.translate(
            "SessionRunner",
            "Read only: the note is signed; corrections are added as dated addenda.",
        )
    reason = ctx.read_only_reason(
        Action.RUN,
        note.may,
        theirs=QCoreApplication.translate(
            "SessionRunner", "Read only: this note belongs to another therapist's course."
        ),
        by_role=QCoreApplication.translate(
            "SessionRunner", "Read only: as %1 you read notes, but do not write them."
        ),
    )
    if not reason and looking:
        reason = QCoreApplication.translate(
            "SessionRunner", "Read only: opened to look at. The session is planned for %1."
        ).replace("%1", day_label(note.session.planned_date))
    return reason
