"""On the session screen, below the note: supervision. The note's co-signature (or, for a
supervisor, a button to co-sign a signed note), and the comments on this session and on its
course, unread ones marked, with "Comment…" for a supervisor and "Mark as read" for the
therapist. Hidden when there is nothing to show and nothing the user may do here. While the
note is still being written (a client may be in the room) the comments are folded into one
line, opened on request; on a signed note they are open.

After an action the panel reads the supervision part anew (not the whole note: a session
under way keeps its clock) and sends `changed`, so that the lists follow."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from traumefokus.domain.access import Action
from traumefokus.services.session_notes import NoteView
from traumefokus.services.supervision_comments import CommentView, open_supervision
from traumefokus.ui.comment_dialogs import CommentDialog, confirm_cosign
from traumefokus.ui.comments_view import CommentsView, moment_label
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_dialogs import session_title
from traumefokus.ui.operations import fetch
from traumefokus.ui.style import hint
from traumefokus.ui.theme import BOX, set_tint
from traumefokus.ui.unread_line import UNREAD_LOOK

MAX_LIST_HEIGHT = 130


class SupervisionPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.note: NoteView | None = None
        self.title = QLabel()
        set_tint(self.title, UNREAD_LOOK)
        self.title.setWordWrap(True)
        self.cosigned = hint("")
        self.cosign_button = QPushButton(self.tr("Co-si&gn the note…"))
        self.cosign_button.setAutoDefault(False)
        self.cosign_button.clicked.connect(self.cosign)
        self.comments = CommentsView(ctx)
        self.comments.write.connect(self.write)
        self.comments.changed.connect(self.refresh)
        self.comments.buttons.insertWidget(1, self.cosign_button)
        self.unfold = QPushButton()
        self.unfold.setCheckable(True)
        self.unfold.setAutoDefault(False)
        self.unfold.toggled.connect(self._fold)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.unfold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.cosigned)
        layout.addWidget(self.comments)

    def show_for(self, note: NoteView) -> None:
        first_look = self.note is None or self.note.session.id != note.session.id
        self.note = note
        sup, may = note.supervision, note.may
        comments = sorted((*sup.comments, *sup.course_comments), key=lambda c: (c.at, c.id))
        may_cosign = note.signed and sup.cosignature is None and Action.CO_SIGN in may
        self.cosign_button.setVisible(may_cosign)
        cosigned = sup.cosignature
        self.cosigned.setText(
            self.tr("Co-signed %1 by %2")
            .replace("%1", moment_label(cosigned.at))
            .replace("%2", cosigned.by)
            if cosigned
            else ""
        )
        self.cosigned.setVisible(cosigned is not None)
        unread = sum(c.unread for c in comments)
        self.title.setText(
            self.tr("Comments from supervision: %1, %2 unread")
            .replace("%1", str(len(comments)))
            .replace("%2", str(unread))
            if unread
            else self.tr("Comments from supervision: %1").replace("%1", str(len(comments)))
        )
        set_tint(self.title, UNREAD_LOOK if unread else None, BOX if unread else "")
        self.comments.list.setVisible(bool(comments))
        self.comments.show_comments(comments, may, self._where)
        self._fit_list()
        if first_look:
            self.unfold.setChecked(note.signed)
        self._fold(self.unfold.isChecked())
        self.setVisible(bool(comments or cosigned or may_cosign or Action.COMMENT in may))

    def _fold(self, unfolded: bool) -> None:
        self.comments.setVisible(unfolded)
        self.unfold.setText(self.tr("Hide comments") if unfolded else self.tr("Show comments"))

    def _fit_list(self) -> None:
        """As high as its comments, up to a few: the note above keeps its room."""
        view = self.comments.list
        rows = sum(view.sizeHintForRow(i) + 2 * view.spacing() for i in range(view.count()))
        view.setFixedHeight(min(MAX_LIST_HEIGHT, rows + 2 * view.frameWidth() + 2))

    def _where(self, comment: CommentView) -> str:
        return (
            self.tr("on the course") if comment.session_id is None else self.tr("on this session")
        )

    def refresh(self) -> None:
        note = self.note
        if note is None:
            return
        fresh = fetch(self, self.ctx, lambda: open_supervision(self.ctx.acting, note.session.id))
        if fresh is not None:
            self.show_for(replace(note, supervision=fresh))
            self.changed.emit()

    def write(self) -> None:
        note = self.note
        if note is None or Action.COMMENT not in note.may:
            return
        dialog = CommentDialog(self.ctx, note.course_id, self, session_id=note.session.id)
        if dialog.exec():
            self.refresh()

    def cosign(self) -> None:
        note = self.note
        if note is None or not self.cosign_button.isVisible():
            return
        what = f"{note.client_code} · {session_title(note.session).split(' · ')[0]}"
        if confirm_cosign(self.ctx, note.session.id, what, note.signed_by or "", self):
            self.refresh()
