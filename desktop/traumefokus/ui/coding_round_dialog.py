"""The Coding rounds tab's New round… dialog: a supervisor draws a round (name, method,
period, size, seed, stratification, coders) through services/coding_rounds.create_round.

While the method and the period are chosen, the dialog says how many sessions are eligible
(read off the UI thread), so that the size is not a guess. The seed comes filled in with a
random number and may be changed (the same seed and data give the same sample). The round
is drawn off the UI thread; a problem (a size larger than the eligible sessions, a name
already taken) shows in the dialog, which stays open with everything typed.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from traumefokus.domain.vocabulary import Method
from traumefokus.errors import TraumefokusError
from traumefokus.services.coding_rounds import MAX_NAME, MAX_SEED
from traumefokus.ui import operations
from traumefokus.ui.background import BackgroundTask
from traumefokus.ui.forms import FormDialog, date_edit, from_qdate
from traumefokus.ui.style import hint, show_problem

if TYPE_CHECKING:
    from traumefokus.services.coding_round_admin import CoderChoice
    from traumefokus.services.coding_rounds import RoundSpec, RoundView
    from traumefokus.ui.context import UiContext


class NewRoundDialog(FormDialog):
    """`made` holds the round once it is drawn and the dialog accepted."""

    def __init__(
        self,
        ctx: UiContext,
        coders: list[CoderChoice],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(
            ctx,
            self.tr("New coding round"),
            parent,
            intro=self.tr(
                "The sessions are drawn at random among the signed trauma sessions of the method "
                "in the period that were recorded with the client's consent."
            ),
            ok_text=self.tr("&Draw the round"),
        )
        from traumefokus.labels import label_of

        self.today = today or date.today()
        self.made: RoundView | None = None
        self.task: BackgroundTask | None = None
        self.counting: BackgroundTask | None = None
        self.asked = 0  # the count's generation: an older count is dropped
        self.eligible: int | None = None
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("e.g. SS spring 2026"))
        self.method = QComboBox()
        for method in Method:
            self.method.addItem(label_of("method", method.value, ctx.lang), method.value)
        first = _month_start(self.today, -6)
        self.start = date_edit(first)
        self.end = date_edit(_month_start(self.today, 0) - timedelta(days=1))
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.sample_size = QSpinBox()
        self.sample_size.setRange(1, 9999)
        self.sample_size.setValue(10)
        self.seed = QLineEdit(str(secrets.randbelow(900_000) + 100_000))
        self.seed.setMaxLength(MAX_SEED)
        self.by_therapist = QCheckBox(self.tr("Share the sample among the therapists"))
        self.by_therapist.setToolTip(
            self.tr("Each therapist's share of the sample follows their share of the sessions.")
        )
        self.coders = QListWidget()
        for coder in coders:
            shown = f"{coder.full_name} ({coder.name})" if coder.full_name else coder.name
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, coder.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.coders.addItem(item)
        rows = max(1, min(len(coders), 4))
        self.coders.setFixedHeight(self.coders.sizeHintForRow(0) * rows + 6)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Method:"), self.method)
        self.form.addRow(self.tr("Period &from:"), self.start)
        self.form.addRow(self.tr("Period &to:"), self.end)
        self.form.addRow("", self.count)
        self.form.addRow(self.tr("&Sessions to draw:"), self.sample_size)
        self.form.addRow(self.tr("S&eed:"), self.seed)
        self.form.addRow(
            "", hint(self.tr("The same seed and data draw the same sessions on any machine."))
        )
        self.form.addRow("", self.by_therapist)
        self.form.addRow(self.tr("&Coders:"), self.coders)
        if not coders:
            self.form.addRow(
                "", hint(self.tr("There are no active coders: an administrator adds them."))
            )
        self.method.currentIndexChanged.connect(self.recount)
        self.start.dateChanged.connect(self.recount)
        self.end.dateChanged.connect(self.recount)
        self.name.setFocus()
        self.recount()

    # --- how many sessions are eligible --------------------------------------------------------
    def recount(self) -> None:
        from traumefokus.services.coding_round_admin import eligible_count

        self.asked += 1
        asked, acting, today = self.asked, self.ctx.acting, self.today
        method = str(self.method.currentData())
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        self.eligible = None
        self.count.setText(self.tr("Counting the eligible sessions…"))
        task = BackgroundTask(lambda _p: eligible_count(acting, method, start, end, today=today))

        def done(count: int) -> None:
            if shiboken6.isValid(self) and asked == self.asked:
                self.show_count(count, start > end)

        def failed(error: TraumefokusError | str) -> None:
            if shiboken6.isValid(self) and asked == self.asked:
                text = error if isinstance(error, str) else self.ctx.describe(error)
                self.count.setText(text)

        task.done.connect(done)
        task.failed.connect(failed)
        self.counting = task
        task.start()

    def show_count(self, count: int, reversed_period: bool) -> None:
        self.eligible = count
        if reversed_period:
            self.count.setText(self.tr("The period ends before it begins."))
        elif count == 0:
            self.count.setText(
                self.tr("No session in the period is signed, recorded and consented to.")
            )
        else:
            self.count.setText(
                self.tr("Sessions in the period that can be drawn: %1 (signed, recorded, with "
                        "the client's consent).").replace("%1", str(count))
            )  # fmt: skip

    # --- drawing --------------------------------------------------------------------------------
    def spec(self) -> RoundSpec:
        from traumefokus.services.coding_rounds import RoundSpec

        coders = tuple(
            str(self.coders.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.coders.count())
            if self.coders.item(i).checkState() == Qt.CheckState.Checked
        )
        return RoundSpec(
            name=self.name.text(),
            method=str(self.method.currentData()),
            start=from_qdate(self.start.date()),
            end=from_qdate(self.end.date()),
            size=self.sample_size.value(),
            seed=self.seed.text(),
            by_therapist=self.by_therapist.isChecked(),
            coders=coders,
        )

    def accept(self) -> None:
        from traumefokus.services.coding_rounds import create_round

        if self.task is not None and self.task.running:
            return
        spec = self.spec()
        if not spec.coders:
            show_problem(self.problem, self.tr("Choose at least one coder."))
            return
        acting, today = self.ctx.acting, self.today
        self.ok_button.setEnabled(False)
        show_problem(self.problem, None)
        self.task = operations.run_in_background(
            self,
            self.ctx,
            lambda _p: create_round(acting, spec, today=today),
            self._drawn,
            problem=self.problem,
            title=self.windowTitle(),
        )
        self.task.failed.connect(self._failed)

    def _drawn(self, made: RoundView) -> None:
        if shiboken6.isValid(self):
            self.made = made
            self.ok_button.setEnabled(True)
            FormDialog.done(self, FormDialog.DialogCode.Accepted)

    def _failed(self, _error: object) -> None:
        if shiboken6.isValid(self):  # the problem itself is shown by run_in_background
            self.ok_button.setEnabled(True)


def _month_start(day: date, months: int) -> date:
    """The first day of the month `months` after (before, if negative) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
