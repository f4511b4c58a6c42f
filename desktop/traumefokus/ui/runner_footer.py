"""The row of buttons under the point on the session screen: the previous and the next point,
show to the client, print (the handout, the note), then the word on saving, save, and sign.
The session screen connects the buttons and says which of them fit the note on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from traumefokus.documents.kinds import DocumentKind
from traumefokus.ui.flow_layout import FlowLayout


class RunnerFooter(QObject):
    """The buttons in `row`, with `saved_label` before save and sign; the print menu runs
    `print_document`."""

    def __init__(
        self,
        saved_label: QLabel,
        print_document: Callable[[DocumentKind], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.previous_button = QPushButton(self.tr("← Previous (Ctrl+PgUp)"))
        self.next_button = QPushButton(self.tr("Next → (Ctrl+PgDn)"))
        self.client_button = QPushButton(self.tr("Show to client (F5)"))
        self.print_button = QPushButton(self.tr("Print"))
        print_menu = QMenu(parent)
        self.handout_action = print_menu.addAction("", lambda: print_document(DocumentKind.HANDOUT))
        self.note_action = print_menu.addAction("", lambda: print_document(DocumentKind.NOTE))
        self.print_button.setMenu(print_menu)
        self.offer_handout(True)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.sign_button = QPushButton(self.tr("Finish and sign… (Ctrl+Enter)"))
        # Moving and showing on the left, saving and signing on the right; on a narrow
        # screen (1024x600, large type) the right group goes onto a second line, whole.
        moving, signing = QWidget(), QWidget()
        left, right = QHBoxLayout(moving), QHBoxLayout(signing)
        for group in (left, right):
            group.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.previous_button,
            self.next_button,
            self.client_button,
            self.print_button,
        ):
            left.addWidget(button)
        right.addWidget(saved_label)
        right.addWidget(self.save_button)
        right.addWidget(self.sign_button)
        self.bar = QWidget()
        flow = FlowLayout(self.bar)
        flow.addWidget(moving)
        flow.addWidget(signing)
        self.row = QHBoxLayout()
        self.row.addWidget(self.bar)
        for button in (
            self.previous_button,
            self.next_button,
            self.client_button,
            self.print_button,
            self.save_button,
            self.sign_button,
        ):
            button.setAutoDefault(False)

    def show_point(self, index: int, count: int) -> None:
        """The point `index` of `count` is on screen."""
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)

    @property
    def ctrl_p(self) -> DocumentKind:
        """What Ctrl+P prints: the client's handout, else (a MOVE session) the note."""
        return DocumentKind.HANDOUT if self.handout_action.isEnabled() else DocumentKind.NOTE

    def offer_handout(self, offered: bool) -> None:
        """Whether the session has a handout for the client (a theme); the menu says which
        item Ctrl+P prints (`ctrl_p`)."""
        self.handout_action.setEnabled(offered)
        handout, note = self.tr("&Handout for the client…"), self.tr("Session &note…")
        self.handout_action.setText(f"{handout} (Ctrl+P)" if offered else handout)
        self.note_action.setText(note if offered else f"{note} (Ctrl+P)")
