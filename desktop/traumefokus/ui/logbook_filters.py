"""The logbook's filter bar: therapist (for a user who reads other therapists' courses), site,
method, period, attendance, note status, course status and a client-code search, each with a
label and a mnemonic, wrapping onto a second line on a small screen.

`changed` is sent once per change (the search after a pause in typing); `current()` is the
filter the bar shows, as services/logbook.py takes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from traumefokus.domain.vocabulary import Attendance, CourseStatus, Method, NoteStatus
from traumefokus.services.logbook import NOT_RECORDED, LogbookFilter, Person
from traumefokus.ui.flow_layout import FlowLayout, labelled
from traumefokus.ui.forms import date_edit, from_qdate, to_qdate
from traumefokus.ui.labels import (
    attendance_label,
    course_status_label,
    method_label,
    note_status_label,
)

TYPING_PAUSE_MS = 300  # the search waits this long after the last key


class Period(StrEnum):
    ANY = "any"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CHOSEN = "chosen"  # the two dates shown beside it


def period_days(period: Period, today: date) -> tuple[date | None, date | None]:
    """The first and last day of a period named relative to `today` (None: no limit)."""
    month = today.replace(day=1)
    if period is Period.THIS_MONTH:
        following = (month + timedelta(days=32)).replace(day=1)
        return month, following - timedelta(days=1)
    if period is Period.LAST_MONTH:
        last = month - timedelta(days=1)
        return last.replace(day=1), last
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if period is Period.LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


class LogbookFilters(QWidget):
    changed = Signal()

    def __init__(self, sees_others: bool) -> None:
        super().__init__()
        self.sees_others = sees_others
        self.therapist = self._combo()
        self.site = self._combo()
        self.method = self._combo(
            [(method_label(m.value), m) for m in Method], self.tr("All methods")
        )
        self.period = self._combo(
            [
                (self.tr("This month"), Period.THIS_MONTH),
                (self.tr("Last month"), Period.LAST_MONTH),
                (self.tr("This year"), Period.THIS_YEAR),
                (self.tr("Last year"), Period.LAST_YEAR),
                (self.tr("Chosen dates"), Period.CHOSEN),
            ],
            self.tr("Any time"),
            notify=False,  # _period_chosen says it
        )
        self.start, self.end = date_edit(), date_edit()
        self.start.setToolTip(self.tr("The first day of the period"))
        self.end.setToolTip(self.tr("The last day of the period"))
        self.until = QLabel(self.tr("to"))
        self.attendance = self._combo(
            [(attendance_label(a.value), a.value) for a in Attendance]
            + [(self.tr("Not recorded"), NOT_RECORDED)],
            self.tr("Any attendance"),
        )
        self.note = self._combo(
            [(note_status_label(s.value), s) for s in NoteStatus if s is not NoteStatus.NONE]
            + [(self.tr("No note"), NoteStatus.NONE)],
            self.tr("Any note"),
        )
        self.course = self._combo(
            [(course_status_label(s.value), s) for s in CourseStatus], self.tr("Any course")
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Part of a code"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("M" * 10))
        self.clear_button = QPushButton(self.tr("Clea&r filters"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear)
        self._preset_days: tuple[date | None, date | None] = (None, None)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._changed)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        for edit in (self.start, self.end):  # a date typed digit by digit: asked once
            edit.dateChanged.connect(lambda _day: self._typing.start())
        self.period.currentIndexChanged.connect(self._period_chosen)

        layout = FlowLayout(self)
        self.therapist_group = labelled(self.tr("Th&erapist"), self.therapist)
        self.therapist_group.setVisible(sees_others)  # a therapist reads only their own
        for group in (
            self.therapist_group,
            labelled(self.tr("S&ite"), self.site),
            labelled(self.tr("&Method"), self.method),
            labelled(self.tr("&Period"), self.period, self.start, self.until, self.end),
            labelled(self.tr("Atte&ndance"), self.attendance),
            labelled(self.tr("N&ote"), self.note),
            labelled(self.tr("Co&urse"), self.course),
            labelled(self.tr("Client co&de"), self.search),
        ):
            layout.addWidget(group)
        layout.addWidget(self.clear_button)
        self.set_choices([], [])
        self._show_dates()
        self.clear_button.setEnabled(False)

    def _combo(
        self,
        choices: Sequence[tuple[str, object]] | None = None,
        anything: str = "",
        *,
        notify: bool = True,
    ) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if choices is not None:
            self._fill(combo, anything, choices)
        if notify:
            combo.currentIndexChanged.connect(self._changed)
        return combo

    @staticmethod
    def _fill(combo: QComboBox, anything: str, choices: Sequence[tuple[str, object]]) -> None:
        """The first item, with no value, lets everything through."""
        combo.addItem(anything, None)
        for text, value in choices:
            combo.addItem(text, value)

    def set_choices(self, therapists: list[Person], sites: list[str]) -> None:
        """The therapists and sites to choose from; a choice made stays if still offered."""
        for combo, anything, choices in (
            (
                self.therapist,
                self.tr("All therapists"),
                [(p.full_name or p.name, p.id) for p in therapists],
            ),
            (self.site, self.tr("All sites"), [(s, s) for s in sites]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            self._fill(combo, anything, choices)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
            combo.blockSignals(False)

    # --- the filter ---------------------------------------------------------------------
    def current(self, today: date | None = None) -> LogbookFilter:
        therapist = self.therapist.currentData() if self.sees_others else None
        period = Period(self.period.currentData() or Period.ANY)
        start, end = period_days(period, today or date.today())
        if period is Period.CHOSEN:
            start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        # a combo gives its values back as plain text
        method, attendance = self.method.currentData(), self.attendance.currentData()
        note, course = self.note.currentData(), self.course.currentData()
        return LogbookFilter(
            therapists=frozenset({therapist}) if therapist else frozenset(),
            site=self.site.currentData(),
            method=Method(method) if method else None,
            start=start,
            end=end,
            attendance=(
                attendance if attendance in (None, NOT_RECORDED) else Attendance(attendance)
            ),
            note_status=NoteStatus(note) if note else None,
            course_status=CourseStatus(course) if course else None,
            client_code=self.search.text().strip(),
        )

    def is_clear(self) -> bool:
        combos = (self.therapist, self.site, self.method, self.period)
        more = (self.attendance, self.note, self.course)
        return all(c.currentIndex() == 0 for c in (*combos, *more)) and not self.search.text()

    def clear(self) -> None:
        """Every filter back to letting everything through: one change."""
        for widget in self.findChildren(QWidget):
            widget.blockSignals(True)
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)
        self.search.clear()
        for widget in self.findChildren(QWidget):
            widget.blockSignals(False)
        self._typing.stop()
        self._show_dates()
        self._changed()

    def _period_chosen(self) -> None:
        """Choosing the dates starts from the period chosen before (this year after any
        time), so that a small change is a small step."""
        if self.period.currentData() == Period.CHOSEN:
            start, end = self._preset_days
            if start is None or end is None:
                start, end = period_days(Period.THIS_YEAR, date.today())
            for edit, day in ((self.start, start), (self.end, end)):
                assert day is not None
                edit.blockSignals(True)
                edit.setDate(to_qdate(day))
                edit.blockSignals(False)
        self._show_dates()
        self._changed()

    def _show_dates(self) -> None:
        chosen = self.period.currentData() == Period.CHOSEN
        for widget in (self.start, self.until, self.end):
            widget.setVisible(chosen)

    def _changed(self) -> None:
        self._typing.stop()
        if self.period.currentData() != Period.CHOSEN:
            self._preset_days = period_days(
                Period(self.period.currentData() or Period.ANY), date.today()
            )
        self.clear_button.setEnabled(not self.is_clear())
        self.changed.emit()
