"""One course: the timeline of all its sessions with the next one highlighted, counts, the
ITQ result, the client's goals, the plan history, and the actions that adjust the plan.

Session actions work on the selected row (the next session when the page opens); each is a
dialog around one service call, after which the page reloads.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.content.itq_items import ItqForm
from traumefokus.documents.kinds import DocumentKind
from traumefokus.domain.access import Action
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.itq import CLUSTER_ORDER
from traumefokus.domain.status_letter import letter_due
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.errors import TraumefokusError
from traumefokus.services.courses import CourseView, SessionView, course_content, view_course
from traumefokus.services.session_notes import FlagView, open_flags
from traumefokus.ui import course_dialogs as dialogs
from traumefokus.ui.clear_flag import ClearFlagDialog
from traumefokus.ui.context import UiContext
from traumefokus.ui.flow_layout import FlowLayout
from traumefokus.ui.forms import day_label, time_label
from traumefokus.ui.inclusion_note import InclusionNote
from traumefokus.ui.itq_dialog import ItqDialog
from traumefokus.ui.labels import (
    attendance_label,
    course_status_label,
    itq_cluster_label,
    itq_result_label,
    method_label,
    note_status_label,
    session_kind_label,
)
from traumefokus.ui.missed_theme import MissedThemeDialog, MissedThemesNote, ask_now
from traumefokus.ui.style import heading, read_only_banner, show_problem

SESSION_ID = Qt.ItemDataRole.UserRole
NEXT_BACKGROUND = QColor("#fff4d6")


class CoursePage(QWidget):
    back = Signal()
    changed = Signal()
    open_session = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.course: CourseView | None = None
        self.plan_buttons: list[QPushButton] = []  # goals and ITQ: enabled with PLAN

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

        self.actions: dict[str, QPushButton] = {}
        bar = FlowLayout()  # wraps on a small screen
        for key, text, handler in (
            ("open", self.tr("&Open session"), self._open_session),
            ("themes", self.tr("Choose &themes…"), self._choose_themes),
            ("attendance", self.tr("&Attendance…"), self._attendance),
            ("move", self.tr("&Move…"), self._reschedule),
            ("swap", self.tr("S&wap themes…"), self._swap),
            ("defer", self.tr("&Put theme aside…"), self._defer),
            ("extra", self.tr("E&xtra session…"), self._extra),
            ("shift", self.tr("Move the &rest…"), self._shift),
            ("itq", self.tr("&ITQ…"), self._new_itq),
            ("end", self.tr("&End course…"), self._end),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            button.setAutoDefault(False)
            self.actions[key] = button
            bar.addWidget(button)
        self.team_button = QPushButton(self.tr("T&eam…"))
        self.team_button.setAutoDefault(False)
        self.team_button.setToolTip(self.tr("Who works with this course: therapist, co-therapists"))
        self.team_button.clicked.connect(self._team)
        bar.addWidget(self.team_button)
        self.print_button = QPushButton(self.tr("P&rint"))
        self.print_button.setAutoDefault(False)
        self.print_menu = QMenu(self)
        self.print_actions: dict[DocumentKind, QAction] = {}
        for kind, text in (
            (DocumentKind.NOTE, self.tr("Session &note…")),
            (DocumentKind.HANDOUT, self.tr("&Handout for the client…")),
            (DocumentKind.NOTES, self.tr("&All session notes…")),
            (DocumentKind.PLAN, self.tr("Course &plan for the client…")),
            (DocumentKind.LETTER, self.tr("&Status letter…")),
        ):
            action = self.print_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, k=kind: self._print(k))
            self.print_actions[kind] = action
        self.print_button.setMenu(self.print_menu)
        bar.addWidget(self.print_button)

        self.timeline = QTableWidget(0, 7)
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Theme"),
                self.tr("Attendance"),
                self.tr("Note"),
            ]
        )
        self.timeline.verticalHeader().hide()
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self._context_menu)
        self.timeline.itemSelectionChanged.connect(self._enable_actions)
        self.timeline.itemActivated.connect(lambda _item: self._open_session())

        self.goals = QListWidget()
        self.goals.setWordWrap(True)
        self.goals.itemActivated.connect(lambda _item: self._edit_goal())
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)  # one change from the next at a glance
        self.history.setSpacing(2)
        self.itq = QListWidget()
        self.itq.setWordWrap(True)
        self.itq.itemActivated.connect(lambda _item: self._edit_itq())
        tabs = QTabWidget()
        tabs.addTab(
            self._with_buttons(
                self.goals,
                (
                    (self.tr("Add goal…"), self._add_goal),
                    (self.tr("Edit…"), self._edit_goal),
                    (self.tr("Remove"), self._remove_goal),
                ),
            ),
            self.tr("Goals"),
        )
        tabs.addTab(self.history, self.tr("Plan history"))
        tabs.addTab(
            self._with_buttons(
                self.itq, ((self.tr("New ITQ…"), self._new_itq), (self.tr("Open…"), self._edit_itq))
            ),
            self.tr("ITQ"),
        )

        splitter = QSplitter()
        splitter.addWidget(self.timeline)
        splitter.addWidget(tabs)
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
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _with_buttons(
        self, view: QWidget, buttons: tuple[tuple[str, Callable[[], None]], ...]
    ) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(view)
        row = QHBoxLayout()
        for text, handler in buttons:
            button = QPushButton(text)
            button.clicked.connect(handler)
            self.plan_buttons.append(button)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        return page

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
        self._fill_flags(course_id)
        self.inclusion.show_for(course)
        self.missed.show_for(course)
        self._fill_timeline(course, selected.id if selected else None)
        self._fill_goals(course)
        self._fill_history(course)
        self._fill_itq(course)
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

    def _fill_timeline(self, course: CourseView, keep: str | None) -> None:
        table = self.timeline
        table.setRowCount(len(course.sessions))
        following = course.next_session if course.is_open else None
        select_row = 0
        for row, s in enumerate(course.sessions):
            number = (
                str(s.number)
                if s.number is not None
                else (f"+{s.follow_up_month}" if s.follow_up_month else self.tr("extra"))
            )
            kind = session_kind_label(s.kind)
            if s.extra:
                kind = self.tr("%1 (extra)").replace("%1", kind)
            cells = (
                number,
                day_label(s.date or s.planned_date),
                time_label(s.planned_time),
                kind,
                s.theme_title or "",
                attendance_label(s.attendance),
                note_status_label(s.note_status),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(SESSION_ID, s.id)
                if following is not None and s.id == following.id:
                    item.setBackground(QBrush(NEXT_BACKGROUND))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                elif s.attendance not in (None, "held"):
                    item.setForeground(self.palette().placeholderText())
                table.setItem(row, column, item)
            if s.id == keep or (keep is None and following is not None and s.id == following.id):
                select_row = row
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if course.sessions:
            table.selectRow(select_row)

    def _fill_flags(self, course_id: str) -> None:
        """Open safety flags stay on the course, each with a way to clear it."""
        while self.flags_layout.count():
            self.flags_layout.takeAt(0).widget().deleteLater()
        for flag in open_flags(self.ctx.acting, course_id):
            row = QWidget()
            row.setStyleSheet("background: #fde2dc; border-radius: 4px;")
            line = QHBoxLayout(row)
            label = QLabel(
                self.tr("⚠ Safety flag (%1, %2): %3")
                .replace("%1", day_label(flag.raised_at.astimezone().date(), weekday=False))
                .replace("%2", flag.raised_by)
                .replace("%3", flag.text)
            )
            label.setWordWrap(True)
            clear = QPushButton(self.tr("Clear…"))
            clear.setEnabled(Action.CLEAR_FLAG in self.course.may)
            clear.setToolTip(self._why_not(Action.CLEAR_FLAG))
            clear.clicked.connect(lambda _c, f=flag: self._clear_flag(f))
            line.addWidget(label, 1)
            line.addWidget(clear)
            self.flags_layout.addWidget(row)

    def _clear_flag(self, flag: FlagView) -> None:
        self._run(ClearFlagDialog(self.ctx, flag, self))

    def _fill_goals(self, course: CourseView) -> None:
        self.goals.clear()
        for goal in course.goals:
            item = QListWidgetItem(f"{day_label(goal.set_on, weekday=False)}  —  {goal.text}")
            item.setData(SESSION_ID, goal.id)
            self.goals.addItem(item)
        if not course.goals:
            self.goals.addItem(
                QListWidgetItem(
                    self.tr("No goals yet: write the client's goals in their own words.")
                )
            )

    def _fill_history(self, course: CourseView) -> None:
        self.history.clear()
        for entry in reversed(course.history):
            at = entry.at.astimezone()
            when = f"{day_label(at.date(), weekday=False)} {time_label(at.time())}"
            text = f"{when} · {entry.by}\n{entry.description}"
            if entry.reason:
                text += "\n" + self.tr("Why: %1").replace("%1", entry.reason)
            self.history.addItem(text)

    def _fill_itq(self, course: CourseView) -> None:
        self.itq.clear()
        for record in course.itq:
            occasion = (
                self.tr("Assessment") if record.occasion == "assessment" else self.tr("Follow-up")
            )
            clusters = ", ".join(
                itq_cluster_label(c) for c in CLUSTER_ORDER if c in record.score.endorsed_clusters
            )
            text = (
                f"{day_label(record.date, weekday=False)} · {occasion}: "
                f"{itq_result_label(record.score.result.value)}"
            )
            if clusters:
                text += "\n" + self.tr("Endorsed: %1").replace("%1", clusters)
            item = QListWidgetItem(text)
            item.setData(SESSION_ID, record.id)
            self.itq.addItem(item)

    # --- the selected session and which actions fit it --------------------------------------
    def selected_session(self) -> SessionView | None:
        if self.course is None:
            return None
        items = self.timeline.selectedItems()
        if not items:
            return None
        session_id = items[0].data(SESSION_ID)
        return next((s for s in self.course.sessions if s.id == session_id), None)

    def _enable_actions(self) -> None:
        course, s = self.course, self.selected_session()
        open_course = course is not None and course.is_open and self.may_plan
        open_session = open_course and s is not None and s.open
        themed = open_session and s.kind == SessionKind.TRAUMA.value and bool(s.theme_id)
        state = {
            "open": s is not None,
            "themes": open_course,
            "attendance": self.may_plan and s is not None,
            "move": open_session,
            "swap": themed,
            "defer": themed,
            "extra": open_course,
            "shift": open_session,
            "itq": self.may_plan and course is not None,
            "end": open_course,
        }
        why = self._why_not(Action.PLAN)
        for key, enabled in state.items():
            self.actions[key].setEnabled(bool(enabled))
            if key != "open":
                self.actions[key].setToolTip(why)
        for button in self.plan_buttons:
            button.setEnabled(self.may_plan)
            button.setToolTip(why)
        team = course is not None and bool({Action.GRANT_COVER, Action.REASSIGN} & course.may)
        self.team_button.setEnabled(team)
        self.team_button.setToolTip("" if team else self._why_not(Action.GRANT_COVER))
        recorded = course is not None and any(
            x.note_status != "none" or x.attendance for x in course.sessions
        )
        may_print = course is not None and Action.PRINT in course.may
        printable = {
            DocumentKind.NOTE: may_print and s is not None,
            DocumentKind.HANDOUT: may_print and s is not None and bool(s.theme_id),
            DocumentKind.NOTES: may_print and recorded,
            DocumentKind.PLAN: may_print,
            # Whoever may read the course may read its letters; writing them is the editor's.
            DocumentKind.LETTER: course is not None and self._letter_due(course) is not None,
        }
        for kind, enabled in printable.items():
            self.print_actions[kind].setEnabled(enabled)
        self.print_button.setEnabled(course is not None)
        if course is not None:
            self.actions["themes"].setDefault(open_course and not course.chosen_themes)

    def _context_menu(self, position: object) -> None:
        menu = QMenu(self)
        for key in ("attendance", "move", "swap", "defer", "shift"):
            button = self.actions[key]
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
            menu.addAction(action)
        menu.exec(self.timeline.viewport().mapToGlobal(position))

    # --- printing --------------------------------------------------------------------------
    def _print(self, kind: DocumentKind) -> None:
        from traumefokus.services.session_notes import open_note
        from traumefokus.ui import printing

        course = self.course
        if course is None:
            return
        try:
            if kind is DocumentKind.LETTER:
                if printing.open_status_letter(self.ctx, course.id, self):
                    self.show_course(course.id)
                return
            if kind in (DocumentKind.NOTE, DocumentKind.HANDOUT):
                session = self.selected_session()
                if session is None:
                    return
                note = open_note(self.ctx.acting, session.id)
                dialog = printing.session_preview(self.ctx, kind, note, self)
            else:
                dialog = printing.course_preview(self.ctx, kind, course, self)
        except TraumefokusError as error:
            QMessageBox.warning(self, "Traumefokus", self.ctx.describe(error))
            return
        dialog.exec()
        dialog.deleteLater()  # its pages and PDF leave memory with it

    # --- actions ---------------------------------------------------------------------------
    def _run(self, dialog: QDialog, *, follow_next: bool = False) -> None:
        if dialog.exec() and self.course is not None:
            self.show_course(self.course.id, follow_next=follow_next)
            self.changed.emit()

    def _choose_themes(self) -> None:
        from traumefokus.ui.theme_chooser import ThemeChooser

        content = self._content()
        if content is not None:
            self._run(ThemeChooser(self.ctx, self.course, *content, self))

    def _content(self) -> tuple[Programme, Pack] | None:
        """The programme and pack versions of this course, or a word on why they are missing."""
        try:
            return course_content(self.ctx.library, self.course)
        except TraumefokusError as error:
            QMessageBox.warning(self, "Traumefokus", self.ctx.describe(error))
            return None

    def _open_session(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.open_session.emit(session.id)

    def _with_session(self, make: Callable[[SessionView], QDialog]) -> None:
        session = self.selected_session()
        if session is not None:
            self._run(make(session))

    def _attendance(self) -> None:
        if self.actions["attendance"].isEnabled():
            session = self.selected_session()
            if session is not None:
                self._run(dialogs.AttendanceDialog(self.ctx, session, self), follow_next=True)
                self.ask_about_missed_theme(session.id)

    def ask_about_missed_theme(self, session_id: str) -> None:
        """Ask at once what becomes of the theme of a session just recorded as not held."""
        if self.course is not None and ask_now(self.ctx, self.course.id, session_id, self):
            self.show_course(self.course.id, follow_next=True)
            self.changed.emit()

    def _decide_theme(self, session: SessionView) -> None:
        content = self._content()
        if content is not None and self.course is not None:
            self._run(MissedThemeDialog(self.ctx, self.course, session, *content, self))

    def _reschedule(self) -> None:
        self._with_session(lambda s: dialogs.RescheduleDialog(self.ctx, s, self))

    def _swap(self) -> None:
        self._with_session(lambda s: dialogs.SwapDialog(self.ctx, self.course, s, self))

    def _defer(self) -> None:
        self._with_session(lambda s: dialogs.DeferDialog(self.ctx, s, self))

    def _shift(self) -> None:
        self._with_session(lambda s: dialogs.ShiftDialog(self.ctx, s, self))

    def _extra(self) -> None:
        content = self._content()
        if content is not None:
            self._run(dialogs.ExtraSessionDialog(self.ctx, self.course, *content, self))

    def _team(self) -> None:
        from traumefokus.ui.course_team import TeamDialog

        if self.course is not None:
            dialog = TeamDialog(self.ctx, self.course, self)
            dialog.exec()
            if dialog.changed_team:
                self.show_course(self.course.id)
                self.changed.emit()

    def end_reasons(self) -> tuple:
        from traumefokus.content.end_reasons import end_reasons_file, load_end_reasons

        return load_end_reasons(end_reasons_file(self.ctx.workspace.data_dir))

    def _end(self) -> None:
        try:
            reasons = self.end_reasons()
        except TraumefokusError as error:
            QMessageBox.warning(self, self.tr("End the course"), self.ctx.describe(error))
            return
        self._run(dialogs.EndCourseDialog(self.ctx, self.course, reasons, self))

    def _itq_form(self) -> ItqForm | None:
        """The ITQ wording: shipped, or the centre's own; a broken file is said, not fatal."""
        from traumefokus.content.itq_items import itq_file, load_itq_form

        try:
            return load_itq_form(itq_file(self.ctx.workspace.data_dir, self.ctx.lang))
        except TraumefokusError as error:
            problems = getattr(error, "problems", [])
            details = "\n".join(p.describe(self.ctx.lang) for p in problems)
            QMessageBox.warning(self, "ITQ", f"{self.ctx.describe(error)}\n{details}".strip())
            return None

    def _new_itq(self) -> None:
        form = self._itq_form()
        if form is not None:
            self._run(ItqDialog(self.ctx, self.course, form, parent=self))

    def _edit_itq(self) -> None:
        item = self.itq.currentItem()
        record = next((r for r in self.course.itq if item and r.id == item.data(SESSION_ID)), None)
        form = self._itq_form() if record is not None and self.may_plan else None
        if form is not None:
            self._run(ItqDialog(self.ctx, self.course, form, record, self))

    def _add_goal(self) -> None:
        self._run(dialogs.GoalDialog(self.ctx, self.course.id, parent=self))

    def _current_goal(self):
        item = self.goals.currentItem()
        return next((g for g in self.course.goals if item and g.id == item.data(SESSION_ID)), None)

    def _edit_goal(self) -> None:
        goal = self._current_goal()
        if goal is not None and self.may_plan:
            self._run(dialogs.GoalDialog(self.ctx, self.course.id, goal, self))

    def _remove_goal(self) -> None:
        from traumefokus.services.treatment import remove_goal

        goal = self._current_goal()
        if goal is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove goal"),
            self.tr("Remove this goal?\n\n%1").replace("%1", goal.text),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                remove_goal(self.ctx.acting, goal.id)
            except TraumefokusError as error:
                QMessageBox.warning(self, self.tr("Remove goal"), self.ctx.describe(error))
            self.show_course(self.course.id)
