"""The course page's "Comments" tab: every supervisor's comment on the course and its
sessions, unread ones marked (the tab says how many), "Comment…" for a supervisor (on the
course or a session of it) and "Mark as read" for the course's therapist or co-therapist."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from traumefokus.domain.vocabulary import NoteStatus
from traumefokus.services.courses import CourseView, SessionView
from traumefokus.services.supervision_comments import CommentView, course_comments
from traumefokus.ui.comment_dialogs import CommentDialog
from traumefokus.ui.comments_view import CommentsView
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_dialogs import session_title
from traumefokus.ui.forms import day_label
from traumefokus.ui.operations import Changes, fetch, publish


class CourseComments(CommentsView):
    def __init__(self, ctx: UiContext, tabs: QTabWidget) -> None:
        super().__init__(ctx)
        self.tabs = tabs  # whose tab title counts the unread comments
        self.course: CourseView | None = None
        self.write.connect(self.write_comment)
        self.changed.connect(self.reload)

    def show_for(self, course: CourseView) -> None:
        opened = self.course is None or self.course.id != course.id
        self.course = course
        comments = fetch(self, self.ctx, lambda: course_comments(self.ctx.acting, course.id))
        self.show_comments(comments or [], course.may, self._where)
        unread = self.unread()
        index = self.tabs.indexOf(self)
        if opened and unread:  # a course opened with unread comments shows them first
            self.tabs.setCurrentIndex(index)
        self.tabs.setTabText(
            index,
            self.tr("Comments (%1 unread)").replace("%1", str(unread))
            if unread
            else self.tr("Comments"),
        )

    def _where(self, comment: CommentView) -> str:
        session = self._session(comment.session_id)
        if session is None:
            return self.tr("on the course")
        return self.tr("on %1").replace("%1", _session_label(session))

    def _session(self, session_id: str | None) -> SessionView | None:
        sessions = self.course.sessions if self.course is not None else ()
        return next((s for s in sessions if s.id == session_id), None)

    def reload(self) -> None:
        if self.course is not None:
            self.show_for(self.course)
            publish(self.ctx, Changes(today=True), self)

    def write_comment(self) -> None:
        course = self.course
        if course is None:
            return
        about: list[tuple[str | None, str]] = [(None, self.tr("The course as a whole"))]
        about += [
            (s.id, _session_label(s))
            for s in course.sessions
            if s.attendance is not None or s.note_status is not NoteStatus.NONE
        ]
        if CommentDialog(self.ctx, course.id, self, about=about).exec():
            self.reload()


def _session_label(session: SessionView) -> str:
    name = session_title(session).split(" · ")[0]
    day = session.date or session.planned_date
    return f"{name}, {day_label(day, weekday=False)}" if day else name
