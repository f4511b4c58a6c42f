"""The pace hint's fixed place under the agenda: one line that is always there, so that a
hint coming or going never moves the point's fields (a therapist's eyes stay where they
were). Empty, it is plain; with a hint, it is the calm yellow of the session screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from traumefokus.domain.pace import Hint
from traumefokus.messages import text
from traumefokus.ui.theme import set_tint

PADDING = "padding: 4px 8px; border-radius: 4px;"
EMPTY = f"background: transparent; {PADDING}"


def hint_words(found: Hint | None, point_title: str, lang: str) -> str:
    """The hint as the therapist reads it: a point's own hint after the point's title."""
    if found is None:
        return ""
    words = text(found.code, lang, **found.facts)
    return f"{point_title}: {words}" if found.about_point else words


class PaceStrip(QLabel):
    """One line of fixed height; a text too long for the width is cut with "…" and shown
    whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        set_tint(self, None, EMPTY)
        self.setFixedHeight(self.fontMetrics().height() + 12)  # the padding, and a border's room

    def show_hint(self, words: str) -> None:
        if words == self._text:
            return
        self._text = words
        set_tint(self, "note" if words else None, PADDING if words else EMPTY)
        self.setToolTip(words)
        self._fit()

    def full_text(self) -> str:
        return self._text

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(self.contentsRect().width() - 16, 0)
        self.setText(
            self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, room)
            if room
            else self._text
        )
