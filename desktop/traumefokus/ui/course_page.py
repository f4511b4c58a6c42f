"""One course: the timeline of all its sessions with the next one highlighted, counts, the
ITQ result, the client's goals, the plan history, and the actions that adjust the plan.

Session actions work on the selected row (the next session when the page opens); each is a
dialog around one service call, after which the page reloads. The parts have modules of their
own: the timeline (course_timeline.py), the goals, plan history and ITQ tabs beside it
(course_panels.py), the action buttons, their states and the print menu (course_actions.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.content.end_reasons import EndReason
from traumefokus.documents.kinds import DocumentKind
from traumefokus.domain.access import Action
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.isotime import local_day
from traumefokus.domain.status_letter import letter_due
from traumefokus.errors import TraumefokusError
from traumefokus.services.course_queries import course_content
from traumefokus.services.courses import CourseView, SessionView, view_course
from traumefokus.services.safety_flags import FlagView, open_flags
from traumefokus.ui import course_dialogs as dialogs
from traumefokus.ui.clear_flag import ClearFlagDialog
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_actions import CourseActions, print_course_document
from traumefokus.ui.course_panels import CoursePanels
from traumefokus.ui.course_timeline import CourseTimeline
from traumefokus.ui.forms import day_label, time_label
from traumefokus.ui.inclusion_note import InclusionNote
from traumefokus.ui.labels import course_status_label, itq_result_label, method_label
from traumefokus.ui.logbook_fields import CourseLogbookWords
from traumefokus.ui.missed_theme import MissedThemeDialog, MissedThemesNote, ask_now
from traumefokus.ui.operations import Changes, fetch, plan_changed, publish
from traumefokus.ui.style import heading, read_only_banner, show_problem
from traumefokus.ui.theme import set_tint


class CoursePage(QWidget):
    back = Signal()
    open_session = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.course: CourseView | None = None

        back = QToolButton()
        back.setText(self.tr("← Clients"))
        back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        back.setToolTip(self.tr("Back to the clients (Esc)"))
        back.clicked.connect(self.back)
        self.title = heading("", scale=1.5)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.read_only = read_only_banner()
        self.flags = QWidget()
        self.flags_layout = QVBoxLayout(self.flags)
        self.flags_layout.setContentsMargins(0, 0, 0, 0)
        self.inclusion = InclusionNote(ctx, self._run)
        self.missed = MissedThemesNote(ctx, self._decide_theme)

        self.timeline = CourseTimeline()
        self.timeline.customContextMenuRequested.connect(self._context_menu)
        self.timeline.itemSelectionChanged.connect(self._enable_actions)
        self.timeline.itemActivated.connect(lambda _item: self._open_session())
        self.panels = CoursePanels(ctx, partial(self._run, lists=False), self._reload)
        self.history = self.panels.history

        self.action_bar = CourseActions(
            self,
            {
                "open": self._open_session,
                "themes": self._choose_themes,
                "attendance": self._attendance,
                "move": self._reschedule,
                "swap": self._swap,
                "defer": self._defer,
                "extra": self._extra,
                "shift": self._shift,
                "itq": self.panels.new_itq,
                "end": self._end,
                "team": self._team,
            },
            self._print,
        )
        # `buttons`, not `actions`: QWidget.actions() stays a method
        self.buttons: dict[str, QPushButton] = self.action_bar.buttons
        self.team_button = self.action_bar.team_button
        self.print_actions = self.action_bar.print_actions

        splitter = QSplitter()
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.panels)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([650, 350])  # the timeline first: its themes must be readable

        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.read_only)
        layout.addWidget(self.summary)
        layout.addWidget(self.flags)
        layout.addWidget(self.inclusion)
        layout.addWidget(self.missed)
        layout.addLayout(self.action_bar.bar)
        layout.addWidget(splitter, 1)

    @property
    def may_plan(self) -> bool:
        return self.course is not None and Action.PLAN in self.course.may

    def _why_not(self, action: Action) -> str:
        """Why the signed-in user may not do `action` here (a tooltip), or ""."""
        return "" if self.course is None else self.ctx.why_not(action, self.course.may)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)

    # --- showing ---------------------------------------------------------------------------
    def show_course(self, course_id: str, *, follow_next: bool = False) -> None:
        """Show the course; the selection stays on the same session, or with `follow_next`
        moves to the next session to record (after attendance, say)."""
        selected = None if follow_next else self.selected_session()
        self.course = view_course(self.ctx.acting, course_id, lang=self.ctx.lang, day=day_label)
        course = self.course
        self.title.setText(
            " · ".join(
                (
                    course.client_code,
                    method_label(course.method),
                    course_status_label(course.status),
                    course.therapist,
                )
            )
        )
        show_problem(
            self.read_only,
            self.ctx.read_only_reason(
                Action.PLAN,
                course.may,
                theirs=self.tr("Read only: this is another therapist's course."),
                by_role=self.tr("Read only: as %1 you read courses, but do not change them."),
            ),
        )
        self.summary.setText(self._summary_text(course))
        self._fill_flags(course)
        self.inclusion.show_for(course)
        self.missed.show_for(course)
        self.timeline.fill(course, selected.id if selected else None)
        self.panels.show_for(course)
        self._enable_actions()

    def _summary_text(self, course: CourseView) -> str:
        parts = [
            self.tr("Attended %1 of %2 planned")
            .replace("%1", str(course.attended))
            .replace("%2", str(course.planned))
        ]
        if course.covers:
            names = ", ".join(html.escape(c.name) for c in course.covers)
            parts.append(self.tr("Co-therapist: %1").replace("%1", names))
        following = course.next_session
        if following is not None and course.is_open:
            when = f"{day_label(following.planned_date)} {time_label(following.planned_time)}"
            what = dialogs.session_title(following).split(" · ")[0]
            theme = f" – {following.theme_title}" if following.theme_title else ""
            parts.append(self.tr("Next: %1, %2").replace("%1", what).replace("%2", when) + theme)
        if course.itq:
            latest = course.itq[-1]
            parts.append(
                self.tr("ITQ: %1 (%2)")
                .replace("%1", itq_result_label(latest.score.result.value))
                .replace("%2", day_label(latest.date, weekday=False))
            )
        if course.end_date:
            ended = self.tr("Ended %1").replace("%1", day_label(course.end_date, weekday=False))
            reason = self._end_reason(course)
            parts.append(f"{ended}{': ' + reason if reason else ''}")
        if not course.chosen_themes and course.is_open:
            parts.append("<b>" + self.tr("The themes are not chosen yet.") + "</b>")
        letter = self._letter_state(course)
        if letter:
            parts.append(letter)
        parts += CourseLogbookWords(self).summary(course, self._quiet_content(course))
        return "  ·  ".join(parts)

    def _letter_due(self, course: CourseView) -> int | None:
        content = self._quiet_content(course)
        if content is None:
            return None
        programme = content[0]
        counted = course.letter_count(programme.status_letter_counts)
        return letter_due(counted, programme.status_letter_every)

    def _quiet_content(self, course: CourseView) -> tuple[Programme, Pack] | None:
        try:
            return course_content(self.ctx.library, course)
        except TraumefokusError:
            return None

    def _letter_state(self, course: CourseView) -> str:
        """Whether the status letter due now is printed."""
        due = self._letter_due(course)
        if due is None:
            return ""
        printed = dict(course.letters).get(due)
        if printed:
            return (
                self.tr("Status letter after %1: printed %2")
                .replace("%1", str(due))
                .replace("%2", day_label(printed, weekday=False))
            )
        return (
            "<b>"
            + self.tr("Status letter after %1: not printed yet").replace("%1", str(due))
            + "</b>"
        )

    def _end_reason(self, course: CourseView) -> str:
        if not course.end_reason:
            return ""
        labels = {r.id: r.label(self.ctx.lang) for r in self.end_reasons()}
        label = labels.get(course.end_reason, course.end_reason)
        return f"{label} ({course.end_reason_text})" if course.end_reason_text else label

    def _fill_flags(self, course: CourseView) -> None:
        """Open safety flags stay on the course, each with a way to clear it."""
        while (item := self.flags_layout.takeAt(0)) is not None:
            if (old := item.widget()) is not None:
                old.deleteLater()
        for flag in open_flags(self.ctx.acting, course.id):
            row = QWidget()
            set_tint(row, "flag", "border-radius: 4px;")
            line = QHBoxLayout(row)
            label = QLabel(
                self.tr("⚠ Safety flag (%1, %2): %3")
                .replace("%1", day_label(local_day(flag.raised_at), weekday=False))
                .replace("%2", flag.raised_by)
                .replace("%3", flag.text)
            )
            label.setWordWrap(True)
            clear = QPushButton(self.tr("Clear…"))
            clear.setEnabled(Action.CLEAR_FLAG in course.may)
            clear.setToolTip(self._why_not(Action.CLEAR_FLAG))
            clear.clicked.connect(lambda _c, f=flag: self._clear_flag(f))
            line.addWidget(label, 1)
            line.addWidget(clear)
            self.flags_layout.addWidget(row)

    def _clear_flag(self, flag: FlagView) -> None:
        self._run(ClearFlagDialog(self.ctx, flag, self), lists=False)

    # --- the selected session and which actions fit it --------------------------------------
    def selected_session(self) -> SessionView | None:
        if self.course is None:
            return None
        session_id = self.timeline.selected_id()
        return next((s for s in self.course.sessions if s.id == session_id), None)

    def _enable_actions(self) -> None:
        course, why = self.course, self._why_not(Action.PLAN)
        self.action_bar.enable(
            course,
            self.selected_session(),
            may_plan=self.may_plan,
            why_not=why,
            why_no_team=self._why_not(Action.GRANT_COVER),
            letter_due=course is not None and self._letter_due(course) is not None,
        )
        self.panels.enable(self.may_plan, why)

    def _context_menu(self, position: QPoint) -> None:
        self.action_bar.context_menu(self.timeline.viewport().mapToGlobal(position))

    def _print(self, kind: DocumentKind) -> None:
        course = self.course
        if course is not None:
            print_course_document(
                self.ctx,
                kind,
                course,
                self.selected_session(),
                self,
                lambda: self.show_course(course.id),
            )

    # --- actions ---------------------------------------------------------------------------
    def _run(self, dialog: QDialog, *, follow_next: bool = False, lists: bool = True) -> None:
        """Show `dialog` (one action on the course); once it is done, the page shows the course
        anew and the views are told: with `lists`, the lists that show its sessions too. A
        change by someone else meanwhile is said in the dialog, whose Reload shows the course
        anew here and gives it to the dialog (ui/dialog_conflict.py)."""
        if hasattr(dialog, "reloads"):
            dialog.reloads = self._reload_for_dialog
        if dialog.exec() and self.course is not None:
            self.show_course(self.course.id, follow_next=follow_next)
            changed = plan_changed(self.course.id) if lists else Changes(course=self.course.id)
            publish(self.ctx, changed, self)

    def _reload(self) -> None:
        if self.course is not None:
            self.show_course(self.course.id)

    def _reload_for_dialog(self) -> CourseView | None:
        """The course anew, on the page and for the dialog open over it."""
        self._reload()
        return self.course

    def _choose_themes(self) -> None:
        from traumefokus.ui.theme_chooser import ThemeChooser

        content = self._content()
        if content is not None and self.course is not None:
            self._run(ThemeChooser(self.ctx, self.course, *content, self))

    def _content(self) -> tuple[Programme, Pack] | None:
        """The programme and pack versions of this course, or a word on why they are missing."""
        course = self.course
        if course is None:
            return None
        return fetch(self, self.ctx, lambda: course_content(self.ctx.library, course))

    def _open_session(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.open_session.emit(session.id)

    def _with_session(self, make: Callable[[SessionView], QDialog]) -> None:
        session = self.selected_session()
        if session is not None:
            self._run(make(session))

    def _attendance(self) -> None:
        if self.buttons["attendance"].isEnabled():
            session = self.selected_session()
            if session is not None:
                self._run(dialogs.AttendanceDialog(self.ctx, session, self), follow_next=True)
                self.ask_about_missed_theme(session.id)

    def ask_about_missed_theme(self, session_id: str) -> None:
        """Ask at once what becomes of the theme of a session just recorded as not held."""
        if self.course is not None and ask_now(self.ctx, self.course.id, session_id, self):
            self.show_course(self.course.id, follow_next=True)
            publish(self.ctx, plan_changed(self.course.id), self)

    def _decide_theme(self, session: SessionView) -> None:
        content = self._content()
        if content is not None and self.course is not None:
            self._run(MissedThemeDialog(self.ctx, self.course, session, *content, self))

    def _reschedule(self) -> None:
        self._with_session(lambda s: dialogs.RescheduleDialog(self.ctx, s, self))

    def _swap(self) -> None:
        if self.course is not None:
            course = self.course
            self._with_session(lambda s: dialogs.SwapDialog(self.ctx, course, s, self))

    def _defer(self) -> None:
        self._with_session(lambda s: dialogs.DeferDialog(self.ctx, s, self))

    def _shift(self) -> None:
        self._with_session(lambda s: dialogs.ShiftDialog(self.ctx, s, self))

    def _extra(self) -> None:
        content = self._content()
        if content is not None and self.course is not None:
            self._run(dialogs.ExtraSessionDialog(self.ctx, self.course, *content, self))

    def _team(self) -> None:
        from traumefokus.ui.course_team import TeamDialog

        if self.course is not None:
            dialog = TeamDialog(self.ctx, self.course, self)
            dialog.exec()
            if dialog.changed_team:
                self.show_course(self.course.id)
                publish(self.ctx, plan_changed(self.course.id), self)

    def end_reasons(self) -> tuple[EndReason, ...]:
        from traumefokus.content.end_reasons import end_reasons_file, load_end_reasons

        return load_end_reasons(end_reasons_file(self.ctx.workspace.data_dir))

    def _end(self) -> None:
        if self.course is None:
            return
        reasons = fetch(self, self.ctx, self.end_reasons, title=self.tr("End the course"))
        if reasons is None:
            return
        self._run(dialogs.EndCourseDialog(self.ctx, self.course, reasons, self))
