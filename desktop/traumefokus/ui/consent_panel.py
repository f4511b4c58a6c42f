"""The client's consent to audio recording, beside the client's courses: whether it holds
today, when it was given and by whom it was recorded, when it was withdrawn; and, for users
who may change the client, a way to record a consent and to withdraw it (each a small dialog
around one service call)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import FormDialog, date_edit, day_label, from_qdate
from traumefokus.ui.operations import fetch

if TYPE_CHECKING:  # the services load with the client list, not at start-up
    from traumefokus.services.recording_consent import ConsentView


class ConsentDialog(FormDialog):
    """Record a consent given on a day, or withdraw `consent` from a day on."""

    def __init__(
        self,
        ctx: UiContext,
        client_id: str,
        consent: ConsentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        withdrawing = consent is not None
        super().__init__(
            ctx,
            self.tr("Withdraw consent to recording")
            if withdrawing
            else self.tr("Consent to audio recording"),
            parent,
            ok_text=self.tr("Withdraw") if withdrawing else self.tr("Record consent"),
            intro=self.tr(
                "From this day on, no session can be marked recorded. Sessions recorded "
                "before stay as they are."
            )
            if withdrawing
            else self.tr(
                "The client agrees that sessions may be audio-recorded for research. Sessions "
                "from this day on may be marked recorded; Traumefokus never stores audio."
            ),
        )
        self.client_id = client_id
        self.consent = consent
        self.day = date_edit(date.today())
        label = self.tr("&Withdrawn on:") if withdrawing else self.tr("&Given on:")
        self.form.addRow(label, self.day)

    def submit(self) -> None:
        from traumefokus.services.recording_consent import record_consent, withdraw_consent

        day = from_qdate(self.day.date())
        if self.consent is None:
            record_consent(self.ctx.acting, self.client_id, day)
        else:
            withdraw_consent(self.ctx.acting, self.consent.id, day, version=self.consent.version)


class ConsentPanel(QWidget):
    """One line on the consent, with Record… and Withdraw… for users who may change the
    client (the service checks the client itself)."""

    def __init__(self, ctx: UiContext, may_edit: bool) -> None:
        super().__init__()
        self.ctx = ctx
        self.may_edit = may_edit
        self.client_id: str | None = None
        self.consents: list[ConsentView] = []
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record consent…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.record_button.clicked.connect(self._record)
        self.withdraw_button.clicked.connect(self._withdraw)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        for button in (self.record_button, self.withdraw_button):
            button.setAutoDefault(False)
            row.addWidget(button)

    def show_client(self, client_id: str | None) -> None:
        from traumefokus.services.recording_consent import list_consents

        self.client_id = client_id
        found = None
        if client_id is not None:
            found = fetch(self, self.ctx, lambda: list_consents(self.ctx.acting, client_id))
        self.consents = found or []
        self.state.setText(self.describe(self.consents))
        in_force = self._in_force()
        self.record_button.setVisible(self.may_edit and in_force is None)
        self.withdraw_button.setVisible(self.may_edit and in_force is not None)
        self.setVisible(client_id is not None)

    def _in_force(self) -> ConsentView | None:
        return next((c for c in self.consents if c.withdrawn_on is None), None)

    def describe(self, consents: list[ConsentView]) -> str:
        if not consents:
            return self.tr("Consent to audio recording: none recorded.")
        latest = consents[-1]
        given = (
            self.tr("Consent to audio recording given %1 (recorded by %2)")
            .replace("%1", day_label(latest.given_on, weekday=False))
            .replace("%2", latest.recorded_by)
        )
        if latest.withdrawn_on is None:
            return given + "."
        return given + self.tr("; withdrawn %1 (by %2).").replace(
            "%1", day_label(latest.withdrawn_on, weekday=False)
        ).replace("%2", latest.withdrawn_by or "–")

    def _record(self) -> None:
        if self.client_id is not None:
            self._run(ConsentDialog(self.ctx, self.client_id, None, self.window()))

    def _withdraw(self) -> None:
        consent = self._in_force()
        if self.client_id is not None and consent is not None:
            self._run(ConsentDialog(self.ctx, self.client_id, consent, self.window()))

    def _run(self, dialog: ConsentDialog) -> None:
        if dialog.exec():
            self.show_client(self.client_id)
