"""The logbook's fields on the session screen: other treatment since last time (on the first
point, the check-in), the gift card and the audio recording (on the last point, the
check-out). They are part of the draft: saved as typed, locked by signing.

Also the question why a session was not held, which the sign dialog and the attendance dialog
share, and the words the course page uses for the gift cards and the themes never done.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpacerItem,
    QSpinBox,
    QWidget,
)

from traumefokus.content.choice_lists import (
    NOT_HELD_REASONS,
    OTHER_TREATMENT,
    Choice,
    ChoiceList,
    centre_list,
    offered,
)
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.session_note import (
    GIFT_CARD_DKK,
    MAX_RECORDING_FILE,
    NoteDraft,
    OtherTreatment,
)
from traumefokus.domain.themes import NEVER_DONE_DROPPED, NEVER_DONE_ENDED_EARLY
from traumefokus.domain.vocabulary import Attendance
from traumefokus.errors import TraumefokusError
from traumefokus.services.courses import CourseView
from traumefokus.services.session_logbook import SessionLogbook
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import day_label
from traumefokus.ui.style import hint

MAX_NOTE = 2_000


def choices(ctx: UiContext, kind: ChoiceList) -> tuple[tuple[Choice, ...], str | None]:
    """The centre's list, or none and why it could not be read (the note is still written
    and saved; `check-manual FILE` names every problem of the file)."""
    try:
        return centre_list(kind, ctx.workspace.data_dir), None
    except TraumefokusError as error:
        return (), ctx.describe(error)


def _append(page: QWidget, box: QWidget) -> None:
    """Put `box` at the end of a point page, above the room left over if there is some."""
    layout = page.layout()
    assert layout is not None
    last = layout.itemAt(layout.count() - 1)
    if isinstance(last, QSpacerItem) and hasattr(layout, "insertWidget"):
        layout.insertWidget(layout.count() - 1, box)
    else:
        layout.addWidget(box)


class OtherTreatmentBox(QGroupBox):
    """A tick per kind of other treatment on the centre's list, each with a few words."""

    edited = Signal()

    def __init__(self, kinds: Sequence[Choice], lang: str, problem: str | None = None) -> None:
        super().__init__(self.tr("Other treatment since last time"))
        self.ticks: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        self.problem = hint(problem or "")
        self.problem.setWordWrap(True)
        self.problem.setVisible(problem is not None)
        grid.addWidget(self.problem, len(kinds), 0, 1, 2)
        for row, kind in enumerate(kinds):
            tick = QCheckBox(kind.label(lang))
            note = QLineEdit()
            note.setMaxLength(MAX_NOTE)
            note.setPlaceholderText(self.tr("What, in a few words"))
            tick.toggled.connect(note.setEnabled)
            tick.toggled.connect(self.edited)
            note.textEdited.connect(self.edited)
            grid.addWidget(tick, row, 0)
            grid.addWidget(note, row, 1)
            self.ticks[kind.id], self.notes[kind.id] = tick, note
            for widget in (tick, note):  # a retired kind shows only on a note that has it
                widget.setVisible(not kind.retired)
        self.retired = {kind.id for kind in kinds if kind.retired}
        grid.setColumnStretch(1, 1)

    def load(self, draft: NoteDraft) -> None:
        noted = {t.kind: t.note for t in draft.logbook.other_treatment}
        for kind, tick in self.ticks.items():
            if kind in self.retired:
                tick.setVisible(kind in noted)
                self.notes[kind].setVisible(kind in noted)
            tick.setChecked(kind in noted)
            self.notes[kind].setText(noted.get(kind, ""))
            self.notes[kind].setEnabled(kind in noted)

    def store(self, draft: NoteDraft) -> None:
        kept = [t for t in draft.logbook.other_treatment if t.kind not in self.ticks]
        draft.logbook.other_treatment = kept + [
            OtherTreatment(kind, self.notes[kind].text())
            for kind, tick in self.ticks.items()
            if tick.isChecked()
        ]


class CheckOutLogbookBox(QGroupBox):
    """The gift card (the programme's suggestion filled in and said in words) and the audio
    recording (only with the client's consent on the session's day)."""

    edited = Signal()

    def __init__(self, facts: SessionLogbook, suggest: bool = True) -> None:
        super().__init__(self.tr("Logbook"))
        self.facts = facts
        self.suggest = suggest  # fill in the rule's gift card (not on a note read only)
        self.given = QRadioButton(self.tr("Gift card &given"))
        self.not_given = QRadioButton(self.tr("No gift card"))
        self.card = QButtonGroup(self)
        for button in (self.given, self.not_given):
            self.card.addButton(button)
        self.amount = QSpinBox()
        self.amount.setRange(*GIFT_CARD_DKK)
        self.amount.setSuffix(" kr")
        self.amount.setMaximumWidth(120)
        card_row = QWidget()
        row = QHBoxLayout(card_row)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.given, self.amount, self.not_given):
            row.addWidget(widget)
        row.addStretch()
        self.suggestion = hint(self._suggestion_text())
        self.recorded = QCheckBox(self.tr("The session was &recorded (audio)"))
        self.file = QLineEdit()
        self.file.setMaxLength(MAX_RECORDING_FILE)
        self.file.setPlaceholderText(
            self.tr("The recording's file name, e.g. K-0012_2023-05-04.wav")
        )
        self.no_consent = hint(
            self.tr(
                "No consent to audio recording on %1: record the client's consent first."
            ).replace("%1", day_label(facts.day) if facts.day else "–")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Gift card:"), card_row)
        form.addRow("", self.suggestion)
        self.suggestion.setVisible(suggest)
        form.addRow(self.tr("Recording:"), self.recorded)
        form.addRow("", self.file)
        form.addRow("", self.no_consent)
        self.no_consent.setVisible(not facts.consent)
        self.recorded.setEnabled(facts.consent)
        self.card.buttonClicked.connect(self._enable)
        self.card.buttonClicked.connect(self.edited)
        self.amount.valueChanged.connect(self.edited)
        self.recorded.toggled.connect(self._enable)
        self.recorded.toggled.connect(self.edited)
        self.file.textEdited.connect(self.edited)

    def _suggestion_text(self) -> str:
        found = self.facts.gift_card
        if found is None:
            return ""
        if found.due:
            return (
                self.tr(
                    "The programme's rule: a gift card of %1 kr is due at this session (held "
                    "session %2 of those that count; %3 given before)."
                )
                .replace("%1", str(found.amount_dkk))
                .replace("%2", str(found.position))
                .replace("%3", str(found.given_before))
            )
        return self.tr("No gift card is due at this session by the programme's rule.")

    def _enable(self) -> None:
        self.amount.setEnabled(self.given.isChecked())
        self.file.setEnabled(self.recorded.isChecked())

    def load(self, draft: NoteDraft) -> None:
        book, found = draft.logbook, self.facts.gift_card
        given = book.gift_card_given
        if given is None and found is not None and self.suggest:  # the rule's suggestion
            given = found.due
        self.card.setExclusive(False)
        self.given.setChecked(given is True)
        self.not_given.setChecked(given is False)
        self.card.setExclusive(True)
        amount = book.gift_card_dkk or (found.amount_dkk if found else 0)
        self.amount.setValue(max(amount, GIFT_CARD_DKK[0]))
        self.recorded.setChecked(book.recorded)
        self.file.setText(book.recording_file)
        self._enable()

    def store(self, draft: NoteDraft) -> None:
        book = draft.logbook
        book.gift_card_given = (
            True if self.given.isChecked() else False if self.not_given.isChecked() else None
        )
        book.gift_card_dkk = self.amount.value() if self.given.isChecked() else None
        book.recorded = self.recorded.isChecked()
        book.recording_file = self.file.text() if book.recorded else ""


class LogbookParts(QObject):
    """The two boxes, put on the first and the last point page of a session; `edited` when
    either changes."""

    edited = Signal()

    def __init__(
        self,
        ctx: UiContext,
        facts: SessionLogbook,
        first: QWidget,
        last: QWidget,
        *,
        editable: bool = True,
    ) -> None:
        super().__init__(first)
        kinds, problem = choices(ctx, OTHER_TREATMENT)
        self.treatment = OtherTreatmentBox(kinds, ctx.lang, problem)
        self.check_out = CheckOutLogbookBox(facts, suggest=editable)
        _append(first, self.treatment)
        _append(last, self.check_out)
        self.treatment.edited.connect(self.edited)
        self.check_out.edited.connect(self.edited)

    def load(self, draft: NoteDraft) -> None:
        self.treatment.load(draft)
        self.check_out.load(draft)

    def store(self, draft: NoteDraft) -> None:
        self.treatment.store(draft)
        self.check_out.store(draft)


def not_held_reason_box(ctx: UiContext, current: str | None) -> QComboBox:
    """Why the session was not held, from the centre's list ("not said" first)."""
    box = QComboBox()
    box.addItem(QCoreApplication.translate("LogbookFields", "– not said –"), None)
    reasons, problem = choices(ctx, NOT_HELD_REASONS)
    for reason in offered(reasons, keep=current):
        box.addItem(reason.label(ctx.lang), reason.id)
    if problem:
        box.setToolTip(problem)  # only "not said" to choose: the list could not be read
    index = box.findData(current) if current else 0
    box.setCurrentIndex(max(index, 0))
    return box


def follow_attendance(group: QButtonGroup, reason: QComboBox) -> None:
    """The reason is asked only while a not-held attendance is chosen."""

    def enable() -> None:
        checked = group.checkedButton()
        held = checked is None or checked.property("attendance") == Attendance.HELD.value
        reason.setEnabled(not held)

    group.buttonToggled.connect(lambda *_: enable())
    enable()


class CourseLogbookWords(QObject):
    """The course page's words for the gift cards given and the themes never done."""

    def summary(self, course: CourseView, content: tuple[Programme, Pack] | None) -> list[str]:
        """The parts of the course page's summary line (rich text), none when empty."""
        titles = {t.id: t.title for t in content[1].themes} if content else {}
        parts = [
            self.gift_cards(course, content[0] if content else None),
            self.never_done(course, titles),
        ]
        return [part for part in parts if part]

    def gift_cards(self, course: CourseView, programme: Programme | None) -> str:
        total = course.gift_cards
        if programme is None or programme.gift_card_count <= 0:
            return ""
        if not total.given and not course.attended:  # nothing to count yet
            return ""
        return (
            self.tr("Gift cards: %1 of %2 (%3 kr)")
            .replace("%1", str(total.given))
            .replace("%2", str(programme.gift_card_count))
            .replace("%3", str(total.amount_dkk))
        )

    def never_done(self, course: CourseView, title: dict[str, str]) -> str:
        parts = []
        for theme in course.themes_never_done:
            if theme.reason == NEVER_DONE_DROPPED:
                why = self.tr("dropped: %1").replace("%1", theme.words or "–")
            elif theme.reason == NEVER_DONE_ENDED_EARLY:
                why = self.tr("the course ended early")
            else:
                why = self.tr("not held")
            parts.append(f"{title.get(theme.theme, theme.theme)} ({why})")
        parts = [html.escape(part) for part in parts]
        if not parts:
            return ""
        return self.tr("Themes never done: %1").replace("%1", "; ".join(parts))
