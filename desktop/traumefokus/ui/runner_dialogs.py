"""The session screen's dialogs: signing the note (with a warning when it holds something
shaped like a CPR number, and when its date is not today; a trauma session's self-check from
its record) and adding a dated addendum to a
signed one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from traumefokus.domain.session_note import NoteDraft, points_with_cpr
from traumefokus.services.session_notes import NoteView
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_dialogs import attendance_choices
from traumefokus.ui.forms import FormDialog, date_edit, day_label, from_qdate
from traumefokus.ui.logbook_fields import follow_attendance, not_held_reason_box
from traumefokus.ui.record_self_check import RecordSelfCheck
from traumefokus.ui.style import flag_look


class SignDialog(FormDialog):
    """Attendance (and why a session was not held, or who held it when the course has a
    co-therapist) and date, then the note is locked."""

    def __init__(
        self, ctx: UiContext, note: NoteView, draft: NoteDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Sign the note"),
            parent,
            ok_text=self.tr("Sign"),
            intro=self.tr(
                "Once signed, the note cannot change; corrections are added as dated addenda."
            ),
        )
        self.note = note
        self.draft = draft
        box, self.choices = attendance_choices(self, None)
        planned = note.session.planned_date
        self.day = date_edit(planned if planned and planned <= date.today() else date.today())
        self.form.addRow(self.tr("The session was:"), box)
        self.not_held = not_held_reason_box(ctx, note.logbook.not_held_reason)
        self.form.addRow(self.tr("&Why it was not held:"), self.not_held)
        follow_attendance(self.choices, self.not_held)
        self.held_by = QComboBox()  # asked when the course has a co-therapist
        for user_id, name in note.logbook.team:
            self.held_by.addItem(name, user_id)
        self.held_by.setCurrentIndex(max(self.held_by.findData(ctx.acting.actor.id), 0))
        if len(note.logbook.team) > 1:
            self.form.addRow(self.tr("&Held by:"), self.held_by)
            self.choices.buttonToggled.connect(lambda *_: self._enable_held_by())
        self.form.addRow(self.tr("&Date:"), self.day)
        self.cpr_warning = self._cpr_warning(note, draft)
        if self.cpr_warning is not None:
            self.form.addRow(self.cpr_warning)
        self.self_check = RecordSelfCheck.for_note(ctx, note, draft)  # trauma sessions
        if self.self_check is not None:
            self.form.addRow(self.self_check)
            self.choices.buttonToggled.connect(lambda *_: self._show_self_check())
        self.day_warning = QLabel()  # the session's date is not today: said before signing
        self.day_warning.setWordWrap(True)
        flag_look(self.day_warning)
        self.form.addRow(self.day_warning)
        self.day.dateChanged.connect(self._warn_day)
        self._warn_day()

    def _enable_held_by(self) -> None:
        checked = self.choices.checkedButton()
        self.held_by.setEnabled(checked is not None and checked.property("attendance") == "held")

    def _show_self_check(self) -> None:
        """The self-check is about a session that was held."""
        checked = self.choices.checkedButton()
        held = checked is not None and checked.property("attendance") == "held"
        assert self.self_check is not None
        self.self_check.setVisible(held)

    def _warn_day(self) -> None:
        day = from_qdate(self.day.date())
        self.day_warning.setText(
            self.tr(
                "⚠ The session's date is %1, not today. Check that it is the day the session "
                "was held."
            ).replace("%1", day_label(day))
        )
        self.day_warning.setVisible(day != date.today())

    def _cpr_warning(self, note: NoteView, draft: NoteDraft) -> QLabel | None:
        """Something shaped like a CPR number in the note: said before it is locked."""
        found = points_with_cpr(draft)
        if not found:
            return None
        titles = {p.id: p.title_en if self.ctx.lang == "en" else p.title for p in note.agenda}
        where = ", ".join(titles.get(point, point) for point in found)
        label = QLabel(
            self.tr(
                "⚠ The note holds something that looks like a CPR number (%1). Traumefokus "
                "keeps no CPR numbers: remove it before signing unless it must be there."
            ).replace("%1", where)
        )
        label.setWordWrap(True)
        flag_look(label)
        return label

    def submit(self) -> None:
        from traumefokus.services.session_notes import sign_note

        checked = self.choices.checkedButton()
        assert checked is not None  # one is always checked: held unless another is chosen
        attendance = checked.property("attendance")
        held = attendance == "held"
        sign_note(
            self.ctx.acting,
            self.note.session.id,
            attendance=attendance,
            day=from_qdate(self.day.date()),
            draft=self.draft,
            not_held_reason=None if held else self.not_held.currentData(),
            held_by=self.held_by.currentData() if held and self.held_by.count() > 1 else None,
            version=self.note.version,  # someone else's save since: refused, with who
        )


class AddendumDialog(FormDialog):
    def __init__(self, ctx: UiContext, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Addendum"),
            parent,
            ok_text=self.tr("Add"),
            intro=self.tr(
                "An addendum is dated and signed with your name; the note itself stays as it was."
            ),
        )
        self.session_id = session_id
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(120)
        self.form.addRow(self.text)

    def submit(self) -> None:
        from traumefokus.services.session_notes import add_addendum

        add_addendum(self.ctx.acting, self.session_id, self.text.toPlainText())
