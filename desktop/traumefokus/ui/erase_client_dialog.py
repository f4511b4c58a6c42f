"""Client ▸ Erase the client… (administrators): the client's right to erasure, once the
retention period has run since their last course ended (services/erasure.py).

The dialog says what goes, that it cannot be undone and that backups still hold the client
until they are thinned out; the red Erase button is enabled only once the client's code is
typed, and Cancel is the default. Before the period has run, or while a course is open, it
says so (and from which day erasure is possible) instead, with only a Close button.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.services.erasure import ErasureCheck
from traumefokus.ui import operations
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import day_label
from traumefokus.ui.style import flag_look, heading, problem_label
from traumefokus.ui.theme import set_tint

DANGER = "border-radius: 4px; padding: 5px 12px; font-weight: bold;"  # the "danger" tint


class EraseClientDialog(QDialog):
    """`check`: what erasing the client would mean today. `erased` once it has been done."""

    def __init__(self, ctx: UiContext, check: ErasureCheck, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check = check
        self.erased = False
        self.setWindowTitle(self.tr("Erase the client"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(self.tr("Erase the client %1").replace("%1", check.code), scale=1.3)
        )
        self.code: QLineEdit | None = None
        self.erase_button: QPushButton | None = None
        self.problem = problem_label()
        if check.decision.allowed:
            self._build_confirmation(layout)
        else:
            self._build_refusal(layout)
        layout.addWidget(self.problem)
        self.setMinimumWidth(520)

    def _build_confirmation(self, layout: QVBoxLayout) -> None:
        check = self.check
        what = QLabel(
            self.tr(
                "Everything about the client is erased: %1 courses and %2 sessions with their "
                "notes, addenda and logbook entries, plan history, goals, ITQ scores, status "
                "letters, safety flags, supervisors' comments, recording consents and coding "
                "ratings."
            )
            .replace("%1", str(check.courses))
            .replace("%2", str(check.sessions))
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        warning = QLabel(self.tr("This cannot be undone."))
        flag_look(warning, "font-weight: bold;")
        layout.addWidget(warning)
        backups = QLabel(
            self.tr(
                "Backups made before today still hold the client until they are thinned out; "
                "a restore erases the client again. The audit trail keeps only the client's "
                "id."
            )
        )
        backups.setWordWrap(True)
        layout.addWidget(backups)
        label = QLabel(self.tr("Type the client's code, %1, to confirm:").replace("%1", check.code))
        label.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("The client's code"))
        label.setBuddy(self.code)
        layout.addWidget(label)
        layout.addWidget(self.code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton(self.tr("Erase the client"))
        set_tint(self.erase_button, "danger", DANGER, "QPushButton:enabled")
        room = self.erase_button.fontMetrics().boundingRect(self.erase_button.text()).width()
        self.erase_button.setMinimumWidth(room + 40)  # the bold words and the padding
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.erase_button.clicked.connect(self._erase)
        self.code.textChanged.connect(self._typed)
        layout.addWidget(buttons)
        self.code.setFocus()

    def _build_refusal(self, layout: QVBoxLayout) -> None:
        decision = self.check.decision
        if decision.open_course:
            said = self.tr(
                "The client has a planned or active course and cannot be erased. Once the "
                "course has ended, the client's data are kept for %1 years."
            ).replace("%1", str(self.check.years))
        else:
            said = (
                self.tr(
                    "The client's data are kept %1 years after their last course ended (%2). "
                    "The client can be erased from %3."
                )
                .replace("%1", str(self.check.years))
                .replace("%2", day_label(decision.last_end, weekday=False))
                .replace("%3", day_label(decision.possible_from, weekday=False))
            )
        label = QLabel(said)
        label.setWordWrap(True)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _typed(self, text: str) -> None:
        assert self.erase_button is not None
        self.erase_button.setEnabled(text.strip() == self.check.code)

    def _erase(self) -> None:
        from traumefokus.services.erasure import erase_client

        if self.erase_button is None or not self.erase_button.isEnabled():
            return
        acting, code = self.ctx.acting, self.check.code
        done = operations.run(
            self,
            self.ctx,
            lambda: erase_client(acting, code, today=date.today()),
            changes=operations.Changes(clients=True, today=True),
        )
        if done:
            self.erased = True
            self.accept()
