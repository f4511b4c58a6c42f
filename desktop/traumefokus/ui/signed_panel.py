"""Below a signed note on the session screen: who signed it and when, with the session's
attendance, the dated addenda, and a button to add one (ui/runner_dialogs.py has the dialog).
Hidden while the note is not signed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from traumefokus.domain.access import Action
from traumefokus.services.session_notes import NoteView
from traumefokus.ui.labels import attendance_label


class SignedPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.addenda = QListWidget()
        self.addenda.setWordWrap(True)
        self.addenda.setMaximumHeight(150)
        self.add_button = QPushButton(self.tr("Add an &addendum…"))
        layout.addWidget(self.label)
        layout.addWidget(self.addenda)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_for(self, note: NoteView) -> None:
        signed = note.signed
        self.setVisible(signed)
        self.add_button.setEnabled(Action.RUN in note.may)
        if not signed:
            return
        when = note.signed_at.astimezone().strftime("%d.%m.%Y %H:%M") if note.signed_at else ""
        self.label.setText(
            self.tr("Signed %1 by %2 · %3")
            .replace("%1", when)
            .replace("%2", note.signed_by or "")
            .replace("%3", attendance_label(note.session.attendance))
        )
        self.addenda.clear()
        for addendum in note.addenda:
            at = addendum.at.astimezone().strftime("%d.%m.%Y %H:%M")
            self.addenda.addItem(f"{at} · {addendum.by}\n{addendum.text}")
        self.addenda.setVisible(bool(note.addenda))
