"""The parts of the coder's rating form (ui/rating_form.py): one rating's compact choice of a
value ("–", the scale's values in half points where it allows them, "N/A", "Can't rate"),
the session's pseudonymised facts, and the line of a part's anchors
("0 Slet ikke · 1 Lav · 2 Høj · 3 Udpræget")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from traumefokus.domain.coding_ratings import Value
from traumefokus.domain.scales import CANT_RATE, NOT_APPLICABLE, Scale, ScalePart
from traumefokus.services.coding_facts import SessionFacts
from traumefokus.ui.forms import day_label


def number(value: float, lang: str) -> str:
    """0.5 as "0,5" in Danish, 2.0 as "2"."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "da" else text


def rating_label(rating_id: str) -> str:
    """What a rating of an item is called above its choice ("" for an item rated once)."""
    words = {
        "adherence": QCoreApplication.translate("RatingForm", "Adherence"),
        "helpfulness": QCoreApplication.translate("RatingForm", "Helpfulness"),
        "rating": "",
    }
    return words.get(rating_id, rating_id)


def anchors_line(part: ScalePart, lang: str) -> str:
    return " · ".join(f"{number(a.value, lang)} {a.label}" for a in part.anchors)


class ValueBox(QComboBox):
    """One rating: not rated ("–"), a value of the scale, or a mark where the scale allows
    it. The wheel turns it only when it has the focus, so that the form scrolls past it."""

    def __init__(self, scale: Scale, part: ScalePart | None, lang: str) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.addItem("–", None)
        labels = {a.value: a.label for a in part.anchors} if part else {}
        for value in scale.values():
            text = number(value, lang)
            anchor = labels.get(int(value)) if value == int(value) else None
            self.addItem(f"{text}  {anchor}" if anchor else text, value)
        if scale.allows_na:
            self.addItem(QCoreApplication.translate("RatingForm", "N/A"), NOT_APPLICABLE)
        if scale.allows_cant_rate:
            self.addItem(QCoreApplication.translate("RatingForm", "Can't rate"), CANT_RATE)
        if part is not None:
            self.setToolTip(f"{part.title}: {anchors_line(part, lang)}")

    def value(self) -> Value | None:
        found = self.currentData()
        if isinstance(found, float) and found == int(found):
            return int(found)
        return found  # type: ignore[no-any-return]

    def set_value(self, value: object) -> None:
        for index in range(self.count()):
            data = self.itemData(index)
            if data == value and (data is None) == (value is None):
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def facts_form(facts: SessionFacts, lang: str) -> QWidget:
    """The session as the coder may see it: pseudonymised, no free text."""
    box = QWidget()
    form = QFormLayout(box)
    form.setContentsMargins(0, 0, 0, 0)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def row(title: str, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(title, label)

    def minutes(value: float | None) -> str:
        return (
            QCoreApplication.translate("RatingForm", "%1 min").replace("%1", number(value, lang))
            if value is not None
            else "–"
        )

    row(QCoreApplication.translate("RatingForm", "Session:"), facts.pseudonym)
    row(QCoreApplication.translate("RatingForm", "Method:"), facts.method.value)
    row(QCoreApplication.translate("RatingForm", "Theme:"), facts.theme or "–")
    row(
        QCoreApplication.translate("RatingForm", "Number in the course:"),
        str(facts.number) if facts.number is not None else "–",
    )
    row(
        QCoreApplication.translate("RatingForm", "Date (shifted):"),
        day_label(facts.day) if facts.day else "–",
    )
    row(QCoreApplication.translate("RatingForm", "Length:"), minutes(facts.minutes))
    if facts.agenda:
        row(
            QCoreApplication.translate("RatingForm", "Time per agenda point:"),
            " · ".join(f"{p.title} {minutes(p.minutes)}" for p in facts.agenda),
        )
    row(
        QCoreApplication.translate("RatingForm", "Worksheets used:"),
        ", ".join(facts.worksheets) or QCoreApplication.translate("RatingForm", "None"),
    )
    return box
