"""The actions above the timeline on the course page: a button per change to the plan (each
works on the selected session), the team, and the print menu; which of them fit the course and
the selected session; the timeline's context menu that repeats the session's actions; and
printing what the print menu offers."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from traumefokus.documents.kinds import DocumentKind
from traumefokus.domain.access import Action
from traumefokus.domain.vocabulary import NoteStatus, SessionKind
from traumefokus.services.courses import CourseView, SessionView
from traumefokus.ui.context import UiContext
from traumefokus.ui.flow_layout import FlowLayout
from traumefokus.ui.operations import fetch

SESSION_ACTIONS = ("attendance", "move", "swap", "defer", "shift")  # the context menu's


class CourseActions(QObject):
    """The buttons in `bar` (a layout for the page); `handlers` has a function for each key
    of `buttons` and for "team"; `print_document` prints the kind chosen in the menu."""

    def __init__(
        self,
        page: QWidget,
        handlers: Mapping[str, Callable[[], None]],
        print_document: Callable[[DocumentKind], None],
    ) -> None:
        super().__init__(page)
        self.page = page
        self.buttons: dict[str, QPushButton] = {}
        self.bar = FlowLayout()  # wraps on a small screen
        for key, text in (
            ("open", self.tr("&Open session")),
            ("themes", self.tr("Choose &themes…")),
            ("attendance", self.tr("&Attendance…")),
            ("move", self.tr("&Move…")),
            ("swap", self.tr("S&wap themes…")),
            ("defer", self.tr("&Put theme aside…")),
            ("extra", self.tr("E&xtra session…")),
            ("shift", self.tr("Move the &rest…")),
            ("itq", self.tr("&ITQ…")),
            ("end", self.tr("&End course…")),
        ):
            button = QPushButton(text)
            button.clicked.connect(handlers[key])
            button.setAutoDefault(False)
            self.buttons[key] = button
            self.bar.addWidget(button)
        self.team_button = QPushButton(self.tr("T&eam…"))
        self.team_button.setAutoDefault(False)
        self.team_button.setToolTip(self.tr("Who works with this course: therapist, co-therapists"))
        self.team_button.clicked.connect(handlers["team"])
        self.bar.addWidget(self.team_button)
        self.print_button = QPushButton(self.tr("P&rint"))
        self.print_button.setAutoDefault(False)
        self.print_menu = QMenu(page)
        self.print_actions: dict[DocumentKind, QAction] = {}
        for kind, text in (
            (DocumentKind.NOTE, self.tr("Session &note…")),
            (DocumentKind.HANDOUT, self.tr("&Handout for the client…")),
            (DocumentKind.NOTES, self.tr("&All session notes…")),
            (DocumentKind.PLAN, self.tr("Course &plan for the client…")),
            (DocumentKind.LETTER, self.tr("&Status letter…")),
        ):
            action = self.print_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, k=kind: print_document(k))
            self.print_actions[kind] = action
        self.print_button.setMenu(self.print_menu)
        self.bar.addWidget(self.print_button)

    def enable(
        self,
        course: CourseView | None,
        s: SessionView | None,
        *,
        may_plan: bool,
        why_not: str,
        why_no_team: str,
        letter_due: bool,
    ) -> None:
        """Offer what fits the course and the selected session `s`; `why_not` says why one
        may not plan, `why_no_team` why one may not change the team."""
        open_course = course is not None and course.is_open and may_plan
        open_session = open_course and s is not None and s.open
        themed = (
            open_session and s is not None and s.kind is SessionKind.TRAUMA and bool(s.theme_id)
        )
        state = {
            "open": s is not None,
            "themes": open_course,
            "attendance": may_plan and s is not None,
            "move": open_session,
            "swap": themed,
            "defer": themed,
            "extra": open_course,
            "shift": open_session,
            "itq": may_plan and course is not None,
            "end": open_course,
        }
        for key, enabled in state.items():
            self.buttons[key].setEnabled(bool(enabled))
            if key != "open":
                self.buttons[key].setToolTip(why_not)
        team = course is not None and bool({Action.GRANT_COVER, Action.REASSIGN} & course.may)
        self.team_button.setEnabled(team)
        self.team_button.setToolTip("" if team else why_no_team)
        recorded = course is not None and any(
            x.note_status is not NoteStatus.NONE or x.attendance for x in course.sessions
        )
        may_print = course is not None and Action.PRINT in course.may
        printable = {
            DocumentKind.NOTE: may_print and s is not None,
            DocumentKind.HANDOUT: may_print and s is not None and bool(s.theme_id),
            DocumentKind.NOTES: may_print and recorded,
            DocumentKind.PLAN: may_print,
            # Whoever may read the course may read its letters; writing them is the editor's.
            DocumentKind.LETTER: course is not None and letter_due,
        }
        for kind, enabled in printable.items():
            self.print_actions[kind].setEnabled(enabled)
        self.print_button.setEnabled(course is not None)
        if course is not None:
            self.buttons["themes"].setDefault(open_course and not course.chosen_themes)

    def context_menu(self, at: QPoint) -> None:
        """The selected session's actions, at `at` (global), as their buttons offer them."""
        menu = QMenu(self.page)
        for key in SESSION_ACTIONS:
            button = self.buttons[key]
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
            menu.addAction(action)
        menu.exec(at)


def print_course_document(
    ctx: UiContext,
    kind: DocumentKind,
    course: CourseView,
    session: SessionView | None,
    parent: QWidget,
    printed_letter: Callable[[], None],
) -> None:
    """The preview of `kind` for the course, or for the selected `session` (the note, the
    handout); a status letter opens its editor and, once printed, `printed_letter` runs."""
    from traumefokus.services.session_notes import open_note
    from traumefokus.ui import printing

    if kind is DocumentKind.LETTER:
        if printing.open_status_letter(ctx, course.id, parent):
            printed_letter()
        return
    if kind in (DocumentKind.NOTE, DocumentKind.HANDOUT):
        if session is None:
            return
        dialog = fetch(
            parent,
            ctx,
            lambda: printing.session_preview(ctx, kind, open_note(ctx.acting, session.id), parent),
            title="Traumefokus",
        )
    else:
        dialog = fetch(
            parent,
            ctx,
            lambda: printing.course_preview(ctx, kind, course, parent),
            title="Traumefokus",
        )
    if dialog is None:
        return
    dialog.exec()
    dialog.deleteLater()  # its pages and PDF leave memory with it
