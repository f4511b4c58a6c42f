"""A coder rates one session (services/coding_ratings.py): the session's pseudonymised facts at
the top, the parts' anchors, per group its items with one choice per rating (ui/rating_fields.py),
notes on strengths and weaknesses, all in one scrolling page that fits a 1024x600 screen.

What is chosen or typed is saved as a draft 1.5 s after the last change (with the version last
seen, so that a change made elsewhere meanwhile is refused, not overwritten); "Submit" is
offered once every rating has a value or a mark, and asks first. A submitted rating opens read
only.

The record-based items not yet rated open pre-filled with what the session's record suggests
(ui/rating_prefill.py), marked as such: not a rating (not saved, not counted) until the coder
confirms it, one by one or all at once, or chooses another value. Submit waits for them.

Esc or "Back to the queue" returns to the queue, saving what is waiting first.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.coding_ratings import RatingDraft, Value, missing
from traumefokus.errors import TraumefokusError
from traumefokus.services.coding_ratings import (
    Progress,
    open_rating,
    save_rating,
    submit_rating,
)
from traumefokus.services.coding_ratings import RatingForm as Form
from traumefokus.ui import operations
from traumefokus.ui.context import UiContext
from traumefokus.ui.rating_fields import ValueBox, anchors_line, facts_form, rating_label
from traumefokus.ui.rating_prefill import PrefillMark, PrefillWords, fact_label, pending_look
from traumefokus.ui.read_only import make_read_only
from traumefokus.ui.style import heading, hint, read_only_banner

SAVE_DELAY_MS = 1500  # after the last change, as the session note


class RatingPage(QWidget):
    """`back`: the coder leaves the form; `changed`: a draft was saved or the rating submitted
    (the queue shows its status)."""

    back = Signal()
    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form: Form | None = None
        self.version: int | None = None
        self.boxes: dict[str, ValueBox] = {}
        self.pending: dict[str, list[QWidget]] = {}  # pre-filled keys: their marks
        self.prefill_note = QLabel()
        self.strengths = QPlainTextEdit()
        self.weaknesses = QPlainTextEdit()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)

        self.back_button = QPushButton(self.tr("← &Back to the queue"))
        self.back_button.clicked.connect(self.leave)
        QShortcut(QKeySequence("Esc"), self, self.leave)
        self.title = heading("", scale=1.2)
        self.saved_label = hint("")
        self.saved_label.setWordWrap(False)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.saved_label)
        self.banner = read_only_banner()

        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)

        self.left_label = hint("")
        self.submit_button = QPushButton(self.tr("&Submit…"))
        self.submit_button.clicked.connect(self.submit)
        self.confirm_all_button = QPushButton(self.tr("Confirm &all pre-filled"))
        self.confirm_all_button.clicked.connect(self.confirm_all)
        bottom = QHBoxLayout()
        bottom.addWidget(self.left_label, 1)
        bottom.addWidget(self.confirm_all_button)
        bottom.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.area, 1)
        layout.addLayout(bottom)

    # --- opening ----------------------------------------------------------------------------
    def show_rating(self, round_id: str, session_id: str) -> None:
        """Open the session for rating (a TraumefokusError if the coder may not): built anew
        for each session."""
        form = open_rating(self.ctx.acting, round_id, session_id)
        self.timer.stop()
        self.form, self.version = form, form.version
        self.title.setText(
            self.tr("%1, number %2 in the draw: %3")
            .replace("%1", form.round_name)
            .replace("%2", str(form.position))
            .replace("%3", form.facts.pseudonym)
        )
        self.saved_label.setText(self._saved_text(form.saved_at) if form.saved_at else "")
        self.area.setWidget(self._body(form))
        read_only = form.progress is Progress.SUBMITTED
        self.banner.setText(
            self.tr("Read only: this rating has been submitted and no longer changes.")
        )
        self.banner.setVisible(read_only)
        self.submit_button.setVisible(not read_only)
        if read_only:
            body = self.area.widget()
            if body is not None:
                make_read_only(body)
        self._update_left()

    def _body(self, form: Form) -> QWidget:
        scale, lang = form.scale, self.ctx.lang
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(facts_form(form.facts, lang))
        layout.addWidget(heading(scale.title, scale=1.1))
        for part in scale.parts:
            anchors = QLabel(f"<b>{part.title}</b>: {anchors_line(part, lang)}")
            anchors.setWordWrap(True)
            layout.addWidget(anchors)
        parts = {p.id: p for p in scale.parts}
        self.boxes, self.pending = {}, {}
        suggested = {s.key: s for s in form.suggestions}
        words = PrefillWords()
        self.prefill_note = QLabel()
        self.prefill_note.setWordWrap(True)
        pending_look(self.prefill_note, "QLabel")
        layout.addWidget(self.prefill_note)
        known = {g.id for g in scale.groups}
        groups = [(g.title, [i for i in scale.items if i.group == g.id]) for g in scale.groups]
        groups.append((self.tr("Other items"), [i for i in scale.items if i.group not in known]))
        for title, items in groups:
            if not items:
                continue
            layout.addWidget(heading(title, scale=1.1))
            grid = QGridLayout()
            grid.setColumnStretch(0, 1)
            for row, item in enumerate(items):
                text = QLabel(item.text)
                text.setWordWrap(True)
                text.setToolTip(item.id)
                about = QVBoxLayout()
                about.addWidget(text)
                grid.addLayout(about, row, 0, Qt.AlignmentFlag.AlignTop)
                for column, rating in enumerate(item.ratings, start=1):
                    key = f"{item.id}.{rating.id}"
                    box = ValueBox(scale, parts.get(rating.part), lang)
                    box.set_value(form.draft.ratings.get(key))
                    self.boxes[key] = box
                    cell = QVBoxLayout()
                    name = rating_label(rating.id)
                    if name:
                        caption = hint(name)
                        caption.setBuddy(box)
                        cell.addWidget(caption)
                    cell.addWidget(box)
                    if key in suggested:
                        suggestion = suggested[key]
                        box.set_value(suggestion.value)
                        tip = words.tooltip(suggestion, box.currentText().strip())
                        box.setProperty("anchors_tip", box.toolTip())
                        pending_look(box)
                        box.setToolTip(tip)
                        mark = PrefillMark(tip)
                        mark.confirmed.connect(lambda k=key: self.confirm(k))
                        cell.addWidget(mark)
                        fact = fact_label(words, suggestion.check, tip)
                        about.addWidget(fact)
                        self.pending[key] = [mark, fact]
                    box.currentIndexChanged.connect(lambda _i, k=key: self._chosen(k))
                    grid.addLayout(cell, row, column, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(grid)
        self.strengths = self._note(layout, self.tr("Strengths"), form.draft.strengths)
        self.weaknesses = self._note(layout, self.tr("Weaknesses"), form.draft.weaknesses)
        layout.addStretch(1)
        return body

    def _note(self, layout: QVBoxLayout, title: str, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(4 * edit.fontMetrics().height())
        edit.textChanged.connect(self._edited)
        layout.addWidget(heading(title, scale=1.1))
        layout.addWidget(edit)
        return edit

    # --- saving -----------------------------------------------------------------------------
    def draft(self) -> RatingDraft:
        """What the coder has given: a pre-filled value not yet confirmed is not in it."""
        ratings: dict[str, Value] = {}
        for key, box in self.boxes.items():
            value = box.value()
            if value is not None and key not in self.pending:
                ratings[key] = value
        return RatingDraft(ratings, self.strengths.toPlainText(), self.weaknesses.toPlainText())

    @property
    def read_only(self) -> bool:
        return self.form is None or self.form.progress is Progress.SUBMITTED

    def _chosen(self, key: str) -> None:
        """The coder chose a value: a pre-filled one is theirs now."""
        self._unmark(key)
        self._edited()

    def confirm(self, key: str) -> None:
        """The coder takes the pre-filled value as their rating."""
        if key in self.pending and not self.read_only:
            self._unmark(key)
            self._edited()

    def confirm_all(self) -> None:
        if self.pending and not self.read_only:
            for key in list(self.pending):
                self._unmark(key)
            self._edited()

    def _unmark(self, key: str) -> None:
        for widget in self.pending.pop(key, []):
            widget.hide()
            widget.deleteLater()
        box = self.boxes.get(key)
        if box is not None:
            box.setStyleSheet("")
            box.setToolTip(str(box.property("anchors_tip") or ""))

    def _edited(self) -> None:
        if self.read_only:
            return
        self._update_left()
        self.timer.start()

    def _update_left(self) -> None:
        if self.form is None:
            return
        left = missing(self.form.scale, self.draft().ratings)
        self.submit_button.setEnabled(not left and not self.read_only)
        self.confirm_all_button.setVisible(bool(self.pending) and not self.read_only)
        self.prefill_note.setVisible(bool(self.pending) and not self.read_only)
        self.prefill_note.setText(
            self.tr(
                "Pre-filled from the session's record: %1 of the ratings (marked "
                '"pre-filled from the record"). They count once you confirm them or '
                "choose another value."
            ).replace("%1", str(len(self.pending)))
        )
        if not left:
            text = self.tr("Every rating is given: ready to submit.")
        elif self.pending:
            text = self.tr(
                "%1 of %2 ratings still to give, %3 of them pre-filled: confirm or change."
            ).replace("%3", str(len(self.pending)))
        else:
            text = self.tr("%1 of %2 ratings still to give.")
        text = text.replace("%1", str(len(left)))
        text = text.replace("%2", str(len(self.form.scale.rating_keys())))
        self.left_label.setText(text)
        self.left_label.setVisible(not self.read_only)

    def save(self) -> bool:
        """Save the draft now (the timer's work); whether it is saved."""
        self.timer.stop()
        form = self.form
        if form is None or self.read_only:
            return True
        try:
            saved = save_rating(
                self.ctx.acting, form.round_id, form.session_id, self.draft(), self.version
            )
        except TraumefokusError as error:
            self.saved_label.setWordWrap(True)
            self.saved_label.setText(
                self.tr("Not saved: %1").replace("%1", self.ctx.describe(error))
            )
            return False
        first = self.version is None
        self.version = saved.version
        self.saved_label.setWordWrap(False)
        self.saved_label.setText(self._saved_text(saved.saved_at))
        if first:
            self.changed.emit()  # the queue: not started becomes a draft
        return True

    def _saved_text(self, moment: datetime) -> str:
        return self.tr("Saved %1").replace("%1", moment.astimezone().strftime("%H:%M:%S"))

    def flush(self) -> bool:
        """Save what is waiting to be saved (before leaving the form or closing)."""
        return self.save() if self.timer.isActive() else True

    def leave(self) -> None:
        self.flush()
        self.back.emit()

    # --- submitting -------------------------------------------------------------------------
    def submit(self) -> None:
        form = self.form
        if form is None or self.read_only or missing(form.scale, self.draft().ratings):
            return
        if not self.flush():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Submit the rating"),
            self.tr(
                "Submit the rating of %1? A submitted rating can no longer be changed."
            ).replace("%1", form.facts.pseudonym),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        draft, version = self.draft(), self.version
        done = operations.run(
            self,
            self.ctx,
            lambda: submit_rating(self.ctx.acting, form.round_id, form.session_id, draft, version),
            title=self.tr("Submit the rating"),
        )
        if done:
            self.changed.emit()
            operations.fetch(
                self, self.ctx, lambda: self.show_rating(form.round_id, form.session_id)
            )
