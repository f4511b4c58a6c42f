"""Supervisors' comments as a list, the unread ones marked, with the buttons that fit the user:
write a comment (a supervisor), mark the chosen comment read (the course's therapist or a
co-therapist). Used on the session screen (supervision_panel.py) and the course page
(course_comments.py), which say where each comment belongs and what to do on "Comment…"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.access import Action
from traumefokus.services.supervision_comments import CommentView, mark_read
from traumefokus.ui.context import UiContext
from traumefokus.ui.operations import run

COMMENT_ID = Qt.ItemDataRole.UserRole
UNREAD = Qt.ItemDataRole.UserRole + 1
UNREAD_MARK = "●"


def moment_label(at: datetime | None) -> str:
    return at.astimezone().strftime("%d.%m.%Y %H:%M") if at else ""


class CommentsView(QWidget):
    """`write` is sent on "Comment…"; `changed` after a comment was marked read."""

    write = Signal()
    changed = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.may: frozenset[Action] = frozenset()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)  # one comment from the next at a glance
        self.list.currentItemChanged.connect(lambda *_args: self._enable())
        self.list.itemActivated.connect(lambda _item: self.mark_read())
        self.comment_button = QPushButton(self.tr("Comme&nt…"))
        self.comment_button.setAutoDefault(False)
        self.comment_button.clicked.connect(self.write)
        self.read_button = QPushButton(self.tr("Mark as rea&d"))
        self.read_button.setAutoDefault(False)
        self.read_button.clicked.connect(self.mark_read)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.comment_button)
        self.buttons.addWidget(self.read_button)
        self.buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.buttons)

    def show_comments(
        self,
        comments: Sequence[CommentView],
        may: frozenset[Action],
        where: Callable[[CommentView], str],
    ) -> None:
        """The comments, oldest first; `where` names what each is about."""
        self.may = may
        chosen = self.current_comment()
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setBold(True)
        unread_word = self.tr("Unread")
        for comment in comments:
            head = f"{moment_label(comment.at)} · {comment.by} · {where(comment)}"
            if comment.unread:
                head = f"{UNREAD_MARK} {unread_word} · {head}"
            else:
                read = self.tr("read %1 by %2").replace("%1", moment_label(comment.read_at))
                head = f"{head} ({read.replace('%2', comment.read_by or '')})"
            item = QListWidgetItem(f"{head}\n{comment.text}")
            item.setData(COMMENT_ID, comment.id)
            item.setData(UNREAD, comment.unread)
            if comment.unread:
                item.setFont(bold)
            self.list.addItem(item)
            if comment.id == chosen or (chosen is None and comment.unread):
                chosen = comment.id
                self.list.setCurrentItem(item)
        self.comment_button.setVisible(Action.COMMENT in may)
        self.read_button.setVisible(Action.RUN in may)
        self._enable()

    def current_comment(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(COMMENT_ID)) if item is not None else None

    def unread(self) -> int:
        return sum(bool(self.list.item(i).data(UNREAD)) for i in range(self.list.count()))

    def _enable(self) -> None:
        item = self.list.currentItem()
        self.read_button.setEnabled(item is not None and bool(item.data(UNREAD)))
        self.read_button.setToolTip(
            "" if self.read_button.isEnabled() else self.tr("Choose an unread comment first.")
        )

    def mark_read(self) -> None:
        item = self.list.currentItem()
        if Action.RUN not in self.may or item is None or not item.data(UNREAD):
            return
        comment_id = str(item.data(COMMENT_ID))
        if run(self, self.ctx, lambda: mark_read(self.ctx.acting, comment_id)):
            self.changed.emit()
