"""The record's suggestions on the coder's rating form (domain/record_suggestions.py): a
record-based item's choice pre-filled with the value the session's record suggests, visibly
marked (a tinted, dashed choice, a "pre-filled from the record" tag with a Confirm button
under it, and the record's facts under the item's text and in the tooltip). It is not a
rating until the coder confirms it or chooses another value; then the marks go."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from traumefokus.domain.record_checks import Outcome, RecordCheck
from traumefokus.domain.record_suggestions import Suggestion
from traumefokus.ui.record_self_check import RecordCheckWords
from traumefokus.ui.theme import ink, set_tint


def pending_look(box: QWidget, kind: str = "QComboBox") -> None:
    """A value pre-filled from the record, not yet confirmed: the "caution" tint, dashed."""
    frame = f"border: 1px dashed {ink('dashed').name()}; padding: 1px 4px;"
    set_tint(box, "caution", frame, kind)


class PrefillWords(QObject):
    """The record's facts behind a suggestion, met or not (a QObject for tr()'s context)."""

    def fact(self, check: RecordCheck) -> str:
        if check.outcome is not Outcome.MET or check.rule in (
            "check_in_within_time",
            "check_out_not_rushed",
        ):
            return RecordCheckWords().line(check)  # the therapist's self-check's words
        if check.rule in ("worksheets_used", "worksheets_handed_out"):
            return (
                self.tr("Worksheets: %1 used, %2 handed out")
                .replace("%1", str(check.worksheets_used or 0))
                .replace("%2", str(check.handed_out or 0))
            )
        words = {
            "check_in_done": self.tr("Check-in: something is noted"),
            "quote_used": self.tr("Quote: the client's reading of it is noted"),
            "commitment_set": self.tr("A commitment is written"),
            "check_out_done": self.tr("Check-out: something is noted"),
        }
        return words.get(check.rule, check.rule)

    def from_record(self, check: RecordCheck) -> str:
        return self.tr("From the record: %1").replace("%1", self.fact(check))

    def tooltip(self, suggestion: Suggestion, value_text: str) -> str:
        return (
            self.tr(
                "Pre-filled from the session's record: %1.\nSuggested: %2.\n"
                "It is not a rating until you confirm it or choose another value."
            )
            .replace("%1", self.fact(suggestion.check))
            .replace("%2", value_text)
        )


class PrefillMark(QWidget):
    """The tag and Confirm button under a pre-filled choice; `confirmed` when pressed."""

    confirmed = Signal()

    def __init__(self, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = QLabel(self.tr("pre-filled from the record"))
        set_tint(self.tag, "prefill", "font-size: small;")
        self.button = QToolButton()
        self.button.setText(self.tr("✓ Confirm"))
        self.button.setToolTip(tooltip)
        self.button.clicked.connect(self.confirmed)
        self.setToolTip(tooltip)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.tag)
        row.addWidget(self.button)
        row.addStretch(1)


def fact_label(words: PrefillWords, check: RecordCheck, tooltip: str) -> QLabel:
    """The record's fact under the item's text ("From the record: check-out took 2 of 10
    minutes")."""
    label = QLabel(words.from_record(check))
    label.setWordWrap(True)
    set_tint(label, "prefill", "")
    label.setToolTip(tooltip)
    return label
