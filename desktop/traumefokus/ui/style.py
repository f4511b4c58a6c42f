"""Small shared look-and-feel helpers: calm headings and hint text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from traumefokus.ui.theme import set_tint, tint, tinted

OVERDUE_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)


def flag_look(widget: QWidget, extra: str = "") -> None:
    """A safety flag or a warning: the "flag" tint (ui/theme.py), readable in both schemes."""
    set_tint(widget, "flag", f"border-radius: 4px; padding: 4px 8px; {extra}".strip())


def overdue_look(role: int) -> QBrush | None:
    """An overdue row or cell in a table: the flag's tint, asked for by item data role."""
    if role not in OVERDUE_ROLES:
        return None
    background, text = tint("flag")
    return QBrush(background if role == Qt.ItemDataRole.BackgroundRole else text)


def heading(text: str, parent: QWidget | None = None, *, scale: float = 1.5) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def problem_label(parent: QWidget | None = None) -> QLabel:
    """A place for a problem with what was typed; empty and hidden until there is one."""
    label = QLabel(parent)
    label.setWordWrap(True)
    problem_ink(label)
    label.hide()
    return label


def problem_ink(label: QLabel) -> None:
    """Text that says what is wrong, in a colour readable on either scheme's window."""
    set_tint(label, "problem", "")


def show_problem(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def empty_state(title: str, text: str, action: QWidget | None = None) -> QWidget:
    """A calm, centred message for a list that has nothing to show yet, with the button that
    starts filling it."""
    block = QWidget()
    block.setFixedWidth(500)
    inner = QVBoxLayout(block)
    inner.setSpacing(12)
    title_label = heading(title, scale=1.4)
    title_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    text_label = hint(text)
    text_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    inner.addWidget(title_label)
    inner.addWidget(text_label)
    if action is not None:
        inner.addWidget(action, 0, Qt.AlignmentFlag.AlignHCenter)
    page = QWidget()
    outer = QVBoxLayout(page)
    outer.addWidget(block, 0, Qt.AlignmentFlag.AlignCenter)
    return page


def titled(title: str, widget: QWidget) -> QWidget:
    """A widget with a bold title above it, the widget taking the room."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(f"<b>{title}</b>"))
    layout.addWidget(widget, 1)
    return box


def signed_out_backdrop(where: str) -> QWidget:
    """What the main window shows while nobody is signed in: the program's name and where its
    data is, never anything from the data itself."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addStretch()
    name = heading("Traumefokus", scale=2.2)
    name.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    place = hint(where)
    place.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    layout.addWidget(name)
    layout.addWidget(place)
    layout.addStretch()
    return page


def read_only_banner(parent: QWidget | None = None) -> QLabel:
    """A calm marker at the top of a page the user may read but not change; its text says
    why. Hidden until there is a reason."""
    label = QLabel(parent)
    label.setWordWrap(True)
    set_tint(label, "info")
    label.hide()
    return label


READ_ONLY_PROPERTY = "readOnlyLook"  # set on every field that shows the read-only look
READ_ONLY_EXTRA = "border: none;"


def read_only_field() -> str:
    """The read-only look's declarations (the "field" tint) for the scheme in use."""
    return tinted("field", READ_ONLY_EXTRA)


_READ_ONLY_EXTRA = {
    "QComboBox": " QComboBox::drop-down { width: 0px; border: none; }",
    "QSpinBox": " QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }",
}


def read_only_look(widget: QWidget, read_only: bool = True) -> None:
    """A field that can be read but not changed looks it: no edit frame, a muted background
    (not the grey of a switched-off control: the text stays easy to read)."""
    widget.setProperty(READ_ONLY_PROPERTY, read_only)
    if not read_only:
        set_tint(widget, None, "")
        return
    kind = widget.metaObject().className()
    set_tint(widget, "field", READ_ONLY_EXTRA, kind, _READ_ONLY_EXTRA.get(kind, ""))
