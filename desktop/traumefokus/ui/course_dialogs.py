"""The dialogs that plan and adjust a course. Each one is a form around one service call."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from traumefokus.content.choice_lists import offered
from traumefokus.content.end_reasons import OTHER, EndReason
from traumefokus.content.problems import InvalidContent
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.course_plan import lay_out
from traumefokus.domain.vocabulary import Attendance, CourseStatus, Role, SessionKind
from traumefokus.errors import InvalidInput
from traumefokus.services import planning, treatment
from traumefokus.services.clients import ClientInfo
from traumefokus.services.courses import (
    CourseView,
    GoalView,
    SessionView,
    create_course,
    end_course,
)
from traumefokus.services.users import colleagues
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_form import CourseForm
from traumefokus.ui.forms import (
    FormDialog,
    date_edit,
    day_label,
    from_qdate,
    from_qtime,
    time_edit,
)
from traumefokus.ui.labels import (
    attendance_label,
    session_kind_label,
    session_number_label,
    weekday_names,
)
from traumefokus.ui.logbook_fields import follow_attendance, not_held_reason_box
from traumefokus.ui.style import hint


def session_title(s: SessionView) -> str:
    """How a session is named in lists: number or kind, date, theme."""
    if s.number is not None:
        name = session_number_label(s.number)
    elif s.follow_up_month is not None:
        name = session_kind_label(SessionKind.FOLLOW_UP.value)
    else:
        name = session_kind_label(s.kind)
    parts = [name, day_label(s.planned_date)]
    if s.theme_title:
        parts.append(s.theme_title)
    return " · ".join(parts)


class NewCourseDialog(FormDialog):
    """Client, therapist, programme, start date, weekday and time; the layout is previewed."""

    def __init__(self, ctx: UiContext, client: ClientInfo, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New course"), parent, ok_text=self.tr("Plan the course"))
        self.client = client
        self.created: str | None = None
        self.therapist = QComboBox()
        me = ctx.acting.actor
        for therapist in colleagues(ctx.acting):
            # A therapist starts courses of their own; an administrator names the therapist.
            if me.role is not Role.THERAPIST or therapist.id == me.id:
                self.therapist.addItem(therapist.label, therapist.id)
        self.therapist.setEnabled(self.therapist.count() > 1)
        self.programme = QComboBox()
        for ref in ctx.library.refs("programme"):
            if ctx.library.newest("programme", ref.id) is not ref:
                continue
            try:
                programme = ctx.library.programme(ref.id)
            except InvalidContent:
                continue  # the content browser shows what is wrong with it
            if programme is None:
                continue  # gone since it was listed
            self.programme.addItem(f"{programme.name} ({programme.version})", ref.id)
        self.start = date_edit(date.today() + timedelta(days=1))
        self.weekday = QComboBox()
        self.weekday.addItems(weekday_names())
        self.at = time_edit()
        self.preview = QListWidget()
        self.preview.setMinimumHeight(180)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form.addRow(self.tr("Client:"), QLabel(f"<b>{client.code}</b>"))
        self.form.addRow(self.tr("&Therapist:"), self.therapist)
        self.form.addRow(self.tr("&Programme:"), self.programme)
        self.form.addRow(self.tr("&Start (session 0):"), self.start)
        self.form.addRow(self.tr("&Weekly on:"), self.weekday)
        self.form.addRow(self.tr("At &time:"), self.at)
        self.form.addRow(self.tr("The plan:"), self.preview)
        self.start.dateChanged.connect(self._start_changed)
        for signal in (
            self.programme.currentIndexChanged,
            self.weekday.currentIndexChanged,
            self.at.timeChanged,
        ):
            signal.connect(self._update_preview)
        self._start_changed()

    def _start_changed(self) -> None:
        self.weekday.setCurrentIndex(from_qdate(self.start.date()).weekday())
        self._update_preview()

    def _update_preview(self) -> None:
        self.preview.clear()
        programme = self.ctx.library.programme(self.programme.currentData() or "")
        if programme is None:
            return
        for planned in lay_out(
            programme,
            from_qdate(self.start.date()),
            self.weekday.currentIndex(),
            from_qtime(self.at.time()),
        ):
            label = (
                str(planned.number) if planned.number is not None else f"+{planned.follow_up_month}"
            )
            self.preview.addItem(
                f"{label:>4}  {day_label(planned.planned_date)}  "
                f"{session_kind_label(planned.kind.value)}  "
                f"{planned.minutes} min"
            )
        self.preview.setMinimumWidth(self.preview.sizeHintForColumn(0) + 40)  # each line whole

    def submit(self) -> None:
        if self.therapist.currentData() is None:
            raise InvalidInput("course.therapist_invalid")
        self.created = create_course(
            self.ctx.acting,
            client_id=self.client.id,
            therapist_id=self.therapist.currentData(),
            programme_id=self.programme.currentData(),
            start=from_qdate(self.start.date()),
            weekday=self.weekday.currentIndex(),
            at=from_qtime(self.at.time()),
        )


def attendance_choices(owner: QWidget, current: str | None) -> tuple[QWidget, QButtonGroup]:
    """Held, no-show, cancelled by the client or the centre, as radio buttons (held unless
    something else was recorded); each button carries its value as "attendance"."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(owner)
    for attendance in Attendance:
        button = QRadioButton(attendance_label(attendance))
        button.setProperty("attendance", attendance.value)
        button.setChecked(attendance == (current or Attendance.HELD))
        group.addButton(button)
        column.addWidget(button)
    return box, group


class AttendanceDialog(CourseForm):
    def __init__(self, ctx: UiContext, session: SessionView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Attendance"), parent, intro=session_title(session))
        self.session = session
        box, self.choices = attendance_choices(self, session.attendance)
        self.day = date_edit(session.date or session.planned_date)
        self.form.addRow(self.tr("The session was:"), box)
        self.reason = not_held_reason_box(ctx, session.not_held_reason)
        self.form.addRow(self.tr("&Why it was not held:"), self.reason)
        follow_attendance(self.choices, self.reason)
        self.form.addRow(self.tr("&Date:"), self.day)
        self.form.addRow(
            hint(self.tr("A session that was not held still makes an entry in the logbook."))
        )

    def submit(self) -> None:
        checked = self.choices.checkedButton()
        assert checked is not None  # one is always checked: held unless another was recorded
        choice = checked.property("attendance")
        reason = None if choice == Attendance.HELD else self.reason.currentData()
        day, version = from_qdate(self.day.date()), self.session.version
        planning.record_attendance(
            self.ctx.acting, self.session.id, choice, day, reason, version=version
        )


class RescheduleDialog(CourseForm):
    def __init__(self, ctx: UiContext, session: SessionView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Move a session"), parent, intro=session_title(session))
        self.session = session
        self.day = date_edit(session.planned_date)
        self.at = time_edit(session.planned_time)
        self.form.addRow(self.tr("New &date:"), self.day)
        self.form.addRow(self.tr("New &time:"), self.at)
        self.reason = self.add_reason()

    def submit(self) -> None:
        planning.reschedule(
            self.ctx.acting,
            self.session.id,
            day=from_qdate(self.day.date()),
            at=from_qtime(self.at.time()),
            reason=self.reason.text(),
            version=self.session.version,
        )


class SwapDialog(CourseForm):
    def __init__(
        self,
        ctx: UiContext,
        course: CourseView,
        session: SessionView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Swap two themes"), parent, intro=session_title(session))
        self.course, self.session = course, session
        self.other = QComboBox()
        for other in course.sessions:
            if (
                other.open
                and other.kind is SessionKind.TRAUMA
                and other.theme_id
                and other.id != session.id
            ):
                self.other.addItem(session_title(other), other.id)
        self.form.addRow(self.tr("&Swap with:"), self.other)
        self.reason = self.add_reason()

    def submit(self) -> None:
        if self.other.currentData() is None:
            raise InvalidInput("plan.swap_needs_themes", session="-")
        other = next(s for s in self.course.sessions if s.id == self.other.currentData())
        planning.swap_themes(
            self.ctx.acting,
            self.session.id,
            other.id,
            self.reason.text(),
            versions=(self.session.version, other.version),
        )


class DeferDialog(CourseForm):
    def __init__(self, ctx: UiContext, session: SessionView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Put the theme aside"),
            parent,
            intro=session_title(session),
            ok_text=self.tr("Put aside"),
        )
        self.session = session
        self.form.addRow(
            hint(
                self.tr(
                    "This session becomes an ordinary MOVE session. The theme moves to an "
                    "extra session one week after the last trauma-focused session, and the "
                    "sessions after that move one week later."
                )
            )
        )
        self.reason = self.add_reason()
        self.reason.setPlaceholderText(self.tr("e.g. the client is not ready today"))

    def submit(self) -> None:
        planning.defer_theme(
            self.ctx.acting, self.session.id, self.reason.text(), version=self.session.version
        )


class ExtraSessionDialog(FormDialog):
    def __init__(
        self,
        ctx: UiContext,
        course: CourseView,
        programme: Programme,
        pack: Pack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Extra session"),
            parent,
            intro=self.tr(
                "A session in addition to the plan, for example when the client asks for more."
            ),
        )
        self.course = course
        self.kind = QComboBox()
        for kind in (SessionKind.TRAUMA, SessionKind.MOVE):
            self.kind.addItem(session_kind_label(kind), kind.value)
        self.theme = QComboBox()
        for theme_id in programme.offered_themes:
            if theme_id in course.chosen_themes:
                continue  # a chosen theme has its session; swap or defer instead
            theme = pack.theme(theme_id)
            self.theme.addItem(theme.title if theme else theme_id, theme_id)
        last = max(
            (s.planned_date for s in course.sessions if s.planned_date), default=date.today()
        )
        self.day = date_edit(min(last, date.today() + timedelta(days=7)))
        self.at = time_edit(course.next_session.planned_time if course.next_session else None)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("T&heme:"), self.theme)
        self.form.addRow(self.tr("&Date:"), self.day)
        self.form.addRow(self.tr("&Time:"), self.at)
        self.reason = self.add_reason()
        self.kind.currentIndexChanged.connect(
            lambda: self.theme.setEnabled(self.kind.currentData() == SessionKind.TRAUMA)
        )

    def submit(self) -> None:
        kind = self.kind.currentData()
        planning.add_extra_session(
            self.ctx.acting,
            self.course.id,
            kind=kind,
            theme=self.theme.currentData() if kind == SessionKind.TRAUMA else None,
            day=from_qdate(self.day.date()),
            at=from_qtime(self.at.time()),
            reason=self.reason.text(),
        )


class ShiftDialog(CourseForm):
    def __init__(self, ctx: UiContext, session: SessionView, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Move the rest of the plan"), parent, intro=session_title(session)
        )
        self.session = session
        self.days = QSpinBox()
        self.days.setRange(-60, 120)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        self.form.addRow(self.tr("Move this and every later session by:"), self.days)
        self.reason = self.add_reason()
        self.reason.setPlaceholderText(self.tr("e.g. a missed week"))

    def submit(self) -> None:
        planning.shift_dates(
            self.ctx.acting,
            self.session.id,
            self.days.value(),
            self.reason.text(),
            version=self.session.version,
        )


class EndCourseDialog(CourseForm):
    def __init__(
        self,
        ctx: UiContext,
        course: CourseView,
        reasons: tuple[EndReason, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("End the course"), parent, ok_text=self.tr("End course"))
        self.course = course
        self.reasons = reasons
        self.completed = QRadioButton(self.tr("&Completed"))
        self.early = QRadioButton(self.tr("Ended &early"))
        self.completed.setChecked(True)
        choice = QWidget()
        column = QVBoxLayout(choice)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.completed)
        column.addWidget(self.early)
        self.day = date_edit(date.today())
        self.reason = QComboBox()
        for reason in offered(reasons):
            self.reason.addItem(reason.label(ctx.lang), reason.id)
        self.words = QLineEdit()
        self.words.setMaxLength(500)
        self.form.addRow(self.tr("The course was:"), choice)
        self.form.addRow(self.tr("&Ended on:"), self.day)
        self.form.addRow(self.tr("&Why it ended early:"), self.reason)
        self.form.addRow(self.tr("In &words:"), self.words)
        for signal in (self.early.toggled, self.reason.currentIndexChanged):
            signal.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        early = self.early.isChecked()
        self.reason.setEnabled(early)
        self.words.setEnabled(early and self.reason.currentData() == OTHER)

    def submit(self) -> None:
        early = self.early.isChecked()
        end_course(
            self.ctx.acting,
            self.course.id,
            status=(CourseStatus.ENDED_EARLY if early else CourseStatus.COMPLETED).value,
            end_date=from_qdate(self.day.date()),
            reason=self.reason.currentData() if early else None,
            reason_text=self.words.text() if early else None,
            reasons=tuple(r.id for r in offered(self.reasons)),
            version=self.course.version,
        )


class GoalDialog(CourseForm):
    def __init__(
        self,
        ctx: UiContext,
        course_id: str,
        goal: GoalView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Edit goal") if goal else self.tr("New goal"),
            parent,
            intro=self.tr("Write the goal in the client's own words."),
        )
        self.course_id = course_id
        self.goal = goal
        self.text = QPlainTextEdit(goal.text if goal else "")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.day = date_edit(goal.set_on if goal else date.today())
        self.form.addRow(self.tr("&Goal:"), self.text)
        self.form.addRow(self.tr("&Dated:"), self.day)

    def submit(self) -> None:
        day = from_qdate(self.day.date())
        if self.goal is None:
            treatment.add_goal(self.ctx.acting, self.course_id, self.text.toPlainText(), day)
        else:
            treatment.update_goal(
                self.ctx.acting,
                self.goal.id,
                self.text.toPlainText(),
                day,
                self.goal.version,
            )
