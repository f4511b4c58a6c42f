"""The ITQ dialog: the 18 items in the wording the program uses (content/itq_items.py says
which file), the result as the answers come in, and a plain word on whether the wording is
validated."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from traumefokus.content.itq_items import FILE, ItqForm
from traumefokus.domain import itq
from traumefokus.domain.vocabulary import ItqOccasion
from traumefokus.services import treatment
from traumefokus.services.courses import CourseView, ItqView
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_form import CourseForm
from traumefokus.ui.forms import date_edit, from_qdate
from traumefokus.ui.labels import itq_cluster_label, itq_occasion_label, itq_result_label
from traumefokus.ui.style import hint
from traumefokus.ui.theme import set_tint

NOT_VALIDATED = "border-radius: 4px; padding: 6px 8px;"  # the "caution" tint


class ItqDialog(CourseForm):
    """The 18 items with their wording; the result and the clusters behind it are shown as
    the answers come in. Unanswered items leave the ITQ incomplete, never guessed."""

    def __init__(
        self,
        ctx: UiContext,
        course: CourseView,
        form: ItqForm,
        record: ItqView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("ITQ – International Trauma Questionnaire"), parent)
        self.resize(860, 760)
        self.course = course
        self.record = record
        self.validation = self._validation_note(form)
        self.form.addRow(self.validation)
        self.occasion = QComboBox()
        for occasion in ItqOccasion:
            self.occasion.addItem(itq_occasion_label(occasion), occasion.value)
        if record:
            self.occasion.setCurrentIndex(self.occasion.findData(record.occasion))
        elif any(r.occasion is ItqOccasion.ASSESSMENT for r in course.itq):
            self.occasion.setCurrentIndex(1)
        self.day = date_edit(record.date if record else date.today())
        self.form.addRow(self.tr("&Occasion:"), self.occasion)
        self.form.addRow(self.tr("&Date:"), self.day)
        self.groups: dict[str, QButtonGroup] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        row = 0
        for section in form.sections:
            intro = QLabel(f"<i>{html.escape(section.intro)}</i>")
            intro.setWordWrap(True)
            grid.addWidget(intro, row, 0, 1, 6)
            row += 1
            for item_id, text in section.items:
                label = QLabel(f"<b>{item_id}</b> {html.escape(text)}")
                label.setWordWrap(True)
                grid.addWidget(label, row, 0)
                group = QButtonGroup(self)
                for score, scale_label in enumerate(form.scale):
                    button = QRadioButton(str(score))
                    button.setToolTip(scale_label)
                    group.addButton(button, score)
                    grid.addWidget(button, row, score + 1)
                    if record and record.items.get(item_id) == score:
                        button.setChecked(True)
                group.idClicked.connect(self._update_result)
                self.groups[item_id] = group
                row += 1
        scale = QLabel("  ·  ".join(f"{n} = {name}" for n, name in enumerate(form.scale)))
        scale.setWordWrap(True)
        grid.setColumnStretch(0, 1)
        for score in range(len(form.scale)):
            grid.setColumnMinimumWidth(score + 1, 46)
        self.score_label = QLabel()  # not `result`: QDialog.result() stays callable
        self.score_label.setWordWrap(True)
        self.form.addRow(scale)
        self.form.addRow(grid_box)  # the form scrolls as one where the screen is too small
        self.form.addRow(self.score_label)
        self._update_result()

    def _validation_note(self, form: ItqForm) -> QLabel:
        """Whether the wording is validated, with its source; said plainly when it is not."""
        source = html.escape(form.source)
        if form.validated:
            return hint(self.tr("Validated wording. Source: %1").replace("%1", source))
        note = QLabel(
            "<b>"
            + self.tr("This wording is not validated.")
            + "</b> "
            + self.tr(
                "Use the result as a guide, not as a validated screening. A centre can "
                "install a validated wording as %1 in the data directory."
            ).replace("%1", FILE)
            + "<br>"
            + self.tr("Source: %1").replace("%1", source)
        )
        note.setTextFormat(Qt.TextFormat.RichText)
        note.setWordWrap(True)
        set_tint(note, "caution", NOT_VALIDATED)
        return note

    def answers(self) -> dict[str, int]:
        return {
            item: group.checkedId() for item, group in self.groups.items() if group.checkedId() >= 0
        }

    def _update_result(self) -> None:
        score = itq.score(self.answers())
        text = "<b>" + itq_result_label(score.result.value) + "</b>"
        if score.missing:
            text += " – " + self.tr("%1 of 18 answered").replace("%1", str(18 - len(score.missing)))
        elif score.endorsed_clusters:
            clusters = ", ".join(
                itq_cluster_label(c) for c in itq.CLUSTER_ORDER if c in score.endorsed_clusters
            )
            text += " – " + self.tr("endorsed: %1").replace("%1", clusters)
        self.score_label.setText(text)

    def submit(self) -> None:
        treatment.record_itq(
            self.ctx.acting,
            self.course.id,
            occasion=self.occasion.currentData(),
            day=from_qdate(self.day.date()),
            items=self.answers(),
            itq_id=self.record.id if self.record else None,
            version=self.record.version if self.record else None,
        )
