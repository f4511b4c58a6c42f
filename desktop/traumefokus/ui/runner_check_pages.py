"""The first and last points of a trauma-focused session on the session screen: the check-in
(the last commitment, feeling, coping, substance use, unsafe behaviour with a way to raise a
safety flag, community resources, the programme's measures) and the check-out (what the client
takes away, a commitment until next time, referrals)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.content import Measure, Theme
from traumefokus.domain.session_note import NoteDraft
from traumefokus.services.session_notes import PreviousCommitment
from traumefokus.ui.forms import day_label
from traumefokus.ui.runner_points import (
    MeasuresBox,
    PointPage,
    choices,
    choose,
    chosen,
    score_box,
    text_box,
)


class CheckInPage(PointPage):
    def __init__(
        self, previous: PreviousCommitment | None, measures: tuple[Measure, ...], lang: str
    ) -> None:
        super().__init__()
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.previous.setTextFormat(Qt.TextFormat.RichText)
        commitment_row, self.commitment_done = choices(
            [
                ("yes", self.tr("Done")),
                ("partly", self.tr("Partly")),
                ("no", self.tr("Not done")),
            ],
            self,
        )
        self.feeling = text_box(2)
        self.feeling_score = score_box(0, 10)
        self.good_coping = text_box(2)
        use_row, self.substance_use = choices(
            [
                ("none", self.tr("None")),
                ("some", self.tr("Some")),
            ],
            self,
        )
        self.substances = QLineEdit()
        self.substances.setPlaceholderText(self.tr("What, and how much"))
        self.unsafe = text_box(2)
        self.flag_button = QPushButton(self.tr("Raise a safety &flag"))
        self.flag_button.setToolTip(
            self.tr("The flag stays visible on the course until someone clears it.")
        )
        self.community = text_box(1)
        self.measures = MeasuresBox(measures, lang, self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if previous is not None:
            self.previous.setText(
                self.tr("<b>Last commitment</b> (%1): »%2«")
                .replace("%1", day_label(previous.session.date or previous.session.planned_date))
                .replace("%2", escape(previous.text))
            )
            form.addRow(self.previous)
            form.addRow(self.tr("The commitment was:"), commitment_row)
        form.addRow(self.tr("How are you &feeling?"), self.feeling)
        form.addRow(self.tr("On a scale of 0-10:"), self.feeling_score)
        form.addRow(self.tr("&Good coping since last time:"), self.good_coping)
        form.addRow(self.tr("Substance use since last time:"), use_row)
        form.addRow("", self.substances)
        unsafe_row = QWidget()
        unsafe_layout = QVBoxLayout(unsafe_row)
        unsafe_layout.setContentsMargins(0, 0, 0, 0)
        unsafe_layout.addWidget(self.unsafe)
        unsafe_layout.addWidget(self.flag_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Other &unsafe behaviour:"), unsafe_row)
        label = form.labelForField(unsafe_row)
        if isinstance(label, QLabel):  # the row's label, made from its text
            label.setBuddy(self.unsafe)
        form.addRow(self.tr("&Community resources:"), self.community)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.measures)
        layout.addStretch()
        self.watch(
            self.commitment_done,
            self.feeling,
            self.feeling_score,
            self.good_coping,
            self.substance_use,
            self.substances,
            self.unsafe,
            self.community,
        )
        self.substance_use.buttonClicked.connect(self._enable_substances)

    def _enable_substances(self) -> None:
        self.substances.setEnabled(chosen(self.substance_use) == "some")

    def first_field(self) -> QWidget:
        return self.feeling

    def fields(self) -> dict[str, QWidget]:
        return {
            "check_in.feeling": self.feeling,
            "check_in.good_coping": self.good_coping,
            "check_in.substances": self.substances,
            "check_in.unsafe_behaviour": self.unsafe,
            "check_in.community_resources": self.community,
        }

    def load(self, draft: NoteDraft) -> None:
        c = draft.check_in
        choose(self.commitment_done, c.commitment_done)
        self.feeling.setPlainText(c.feeling)
        self.feeling_score.setValue(-1 if c.feeling_score is None else c.feeling_score)
        self.good_coping.setPlainText(c.good_coping)
        choose(self.substance_use, c.substance_use)
        self.substances.setText(c.substances)
        self.unsafe.setPlainText(c.unsafe_behaviour)
        self.community.setPlainText(c.community_resources)
        self.measures.load(draft)
        self._enable_substances()

    def store(self, draft: NoteDraft) -> None:
        c = draft.check_in
        c.commitment_done = chosen(self.commitment_done)
        c.feeling = self.feeling.toPlainText()
        score = self.feeling_score.value()
        c.feeling_score = None if score < 0 else score
        c.good_coping = self.good_coping.toPlainText()
        c.substance_use = chosen(self.substance_use)
        c.substances = self.substances.text()
        c.unsafe_behaviour = self.unsafe.toPlainText()
        c.community_resources = self.community.toPlainText()
        self.measures.store(draft)


class CheckOutPage(PointPage):
    def __init__(self, theme: Theme | None) -> None:
        super().__init__()
        self.takeaway = text_box(3)
        self.difficult = text_box(2)
        self.commitment = QComboBox()
        self.commitment.setEditable(True)
        self.commitment.addItem("")
        self.commitment.addItems(list(theme.commitments) if theme else [])
        self.commitment.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.commitment.lineEdit()
        if line is not None:  # there is one: the box is editable
            line.setPlaceholderText(self.tr("Choose a suggestion or write the client's own"))
        self.referrals = text_box(2)
        form = QFormLayout()
        form.addRow(self.tr("What the client &takes away:"), self.takeaway)
        form.addRow(self.tr("Anything &difficult:"), self.difficult)
        form.addRow(self.tr("&Commitment until next time:"), self.commitment)
        form.addRow(self.tr("&Referrals to community resources:"), self.referrals)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()
        self.watch(self.takeaway, self.difficult, self.commitment, self.referrals)

    def first_field(self) -> QWidget:
        return self.takeaway

    def fields(self) -> dict[str, QWidget]:
        return {
            "check_out.takeaway": self.takeaway,
            "check_out.difficult": self.difficult,
            "commitment": self.commitment,
            "check_out.referrals": self.referrals,
        }

    def load(self, draft: NoteDraft) -> None:
        self.takeaway.setPlainText(draft.check_out.takeaway)
        self.difficult.setPlainText(draft.check_out.difficult)
        self.commitment.setCurrentText(draft.commitment)
        self.referrals.setPlainText(draft.check_out.referrals)

    def store(self, draft: NoteDraft) -> None:
        draft.check_out.takeaway = self.takeaway.toPlainText()
        draft.check_out.difficult = self.difficult.toPlainText()
        draft.commitment = self.commitment.currentText()
        draft.check_out.referrals = self.referrals.toPlainText()
