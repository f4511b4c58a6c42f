"""The window the client looks at: the quote, or a worksheet's client text, and nothing else.

On a second screen it fills that screen; with one screen it opens as a large window the
therapist can close with Esc or a click.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from traumefokus.content.markdown import markdown_html
from traumefokus.ui import fit

BACKGROUND = "#fbf8f1"
INK = "#1f1f1f"


class ClientScreen(QWidget):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Traumefokus")
        self.setStyleSheet(f"background: {BACKGROUND}; color: {INK};")
        self.text = QTextBrowser()
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.setOpenLinks(False)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        self.text.setFont(font)
        self.close_hint = QLabel(self.tr("Esc closes this window"))
        self.close_hint.setStyleSheet("color: #8a8578;")
        self.close_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 30)
        layout.addWidget(self.text)
        layout.addWidget(self.close_hint)

    def show_quote(self, text: str, source: str) -> None:
        self.text.setHtml(
            "<div style='margin-top: 12%; text-align: center'>"
            f"<p style='font-size: xx-large'><i>»{escape(text)}«</i></p>"
            f"<p style='font-size: large'>— {escape(source)}</p></div>"
        )
        self._present()

    def show_markdown(self, markdown: str) -> None:
        self.text.setHtml(markdown_html(markdown))
        self._present()

    def _present(self) -> None:
        screens = QGuiApplication.screens()
        second = next((s for s in screens if s != QGuiApplication.primaryScreen()), None)
        if second is not None:
            self.setScreen(second)
            self.setGeometry(second.geometry())
            self.showFullScreen()
        else:
            available = fit.available_geometry(self)
            self.resize(int(available.width() * 0.8), int(available.height() * 0.8))
            self.show()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.close()
