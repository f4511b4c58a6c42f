"""The session screen: what the therapist has in front of them with a client across the table.

The agenda runs along the top with time per point against its target; one keystroke moves to
the next point (Ctrl+PgDn or Alt+→); F5 shows the quote or a worksheet to the client; the
draft saves itself within two seconds of the last keystroke and at every change of point,
on a thread of its own. A session left open when the program died is reopened at the next
start, with a word that it was.
"""

from __future__ import annotations

import time as clock
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.documents.kinds import DocumentKind
from traumefokus.domain.access import Action
from traumefokus.domain.pace import hint, over_target
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.errors import TraumefokusError
from traumefokus.services.session_notes import NoteView, open_note
from traumefokus.ui.client_screen import ClientScreen
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.course_dialogs import session_title
from traumefokus.ui.draft_saver import DraftSaver
from traumefokus.ui.fit import ScrollBody
from traumefokus.ui.forms import day_label
from traumefokus.ui.labels import attendance_label, session_kind_label
from traumefokus.ui.pace_strip import PaceStrip, hint_words
from traumefokus.ui.read_only import why_read_only
from traumefokus.ui.runner_check_pages import CheckInPage, CheckOutPage
from traumefokus.ui.runner_dialogs import AddendumDialog, SignDialog
from traumefokus.ui.runner_points import NotesPage, PointPage
from traumefokus.ui.runner_theme_pages import QuotePage, ThemePage, quote_source
from traumefokus.ui.session_day import Opening, how_to_open
from traumefokus.ui.style import FLAG, heading, read_only_banner, show_problem
from traumefokus.ui.style import hint as hint_label

SAVE_DELAY_MS = 1500  # after the last keystroke: well inside the two seconds promised
PERIODIC_SAVE_S = 30  # the clock's seconds are saved this often while nothing is typed
CALM = "background: #fff4d6; border-radius: 4px; padding: 4px 8px;"
AGENDA_BUTTON = (
    "QPushButton {{ padding: 7px; color: {ink}; }} "
    "QPushButton:checked {{ background: #d6e6f5; font-weight: bold; }}"
)
ON_TIME, OVER_TIME = "#1f1f1f", "#9a5b00"


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class SessionRunner(QWidget):
    closed = Signal()
    changed = Signal()

    def __init__(self, ctx: UiContext, saver: DraftSaver) -> None:
        super().__init__()
        self.ctx = ctx
        self.saver = saver
        self.note: NoteView | None = None
        self.editable = False
        self.timing = False  # the session clock counts (not when a past note is written up)
        self.opening = Opening.NOW
        self.draft = NoteDraft()
        self.pages: list[PointPage] = []
        self.current = 0
        self.client_screen: ClientScreen | None = None
        self._tick_at = clock.monotonic()
        self._carry = 0.0
        self._last_saved = 0.0

        back = QPushButton(self.tr("← Back (Ctrl+W)"))
        back.setAutoDefault(False)
        back.clicked.connect(self.leave)
        self.title = heading("", scale=1.35)
        self.session_clock = QLabel()
        self.session_clock.setToolTip(self.tr("Time in this session, against its length"))
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.title, 1)
        top.addWidget(self.session_clock)

        self.read_only = read_only_banner()
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet(FLAG)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(CALM)
        self.agenda_row = QHBoxLayout()
        self.agenda_buttons: list[QPushButton] = []
        self.pace_hint = PaceStrip()  # a fixed place: a hint never moves the point's fields
        self.body = QStackedWidget()

        self.signed_panel = QWidget()
        signed_layout = QVBoxLayout(self.signed_panel)
        self.signed_label = QLabel()
        self.addenda = QListWidget()
        self.addenda.setWordWrap(True)
        self.addenda.setMaximumHeight(150)
        add = QPushButton(self.tr("Add an &addendum…"))
        add.clicked.connect(self._add_addendum)
        self.add_addendum_button = add
        signed_layout.addWidget(self.signed_label)
        signed_layout.addWidget(self.addenda)
        signed_layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

        self.previous_button = QPushButton(self.tr("← Previous (Ctrl+PgUp)"))
        self.next_button = QPushButton(self.tr("Next → (Ctrl+PgDn)"))
        self.client_button = QPushButton(self.tr("Show to client (F5)"))
        self.print_button = QPushButton(self.tr("Print"))
        print_menu = QMenu(self)
        self.handout_action = print_menu.addAction(
            self.tr("&Handout for the client… (Ctrl+P)"),
            lambda: self.print_document(DocumentKind.HANDOUT),
        )
        print_menu.addAction(
            self.tr("Session &note…"), lambda: self.print_document(DocumentKind.NOTE)
        )
        self.print_button.setMenu(print_menu)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.sign_button = QPushButton(self.tr("Finish and sign… (Ctrl+Enter)"))
        self.saved_label = hint_label("")
        self.saved_label.setWordWrap(False)  # one line: "Saved 10:42:07" never moves the page
        footer = QHBoxLayout()
        for button in (
            self.previous_button,
            self.next_button,
            self.client_button,
            self.print_button,
        ):
            footer.addWidget(button)
        footer.addStretch()
        footer.addWidget(self.saved_label)
        footer.addWidget(self.save_button)
        footer.addWidget(self.sign_button)
        for button in (
            self.previous_button,
            self.next_button,
            self.client_button,
            self.print_button,
            self.save_button,
            self.sign_button,
        ):
            button.setAutoDefault(False)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current + 1))
        self.client_button.clicked.connect(self.show_to_client)
        self.save_button.clicked.connect(self.save_now)
        self.sign_button.clicked.connect(self.sign)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.read_only)
        layout.addWidget(self.flags)
        layout.addWidget(self.notice)
        layout.addLayout(self.agenda_row)
        layout.addWidget(self.pace_hint)
        layout.addWidget(ScrollBody(self.body), 1)  # scrolls on a small screen
        layout.addWidget(self.signed_panel)
        layout.addLayout(footer)

        shortcuts = (
            (("Ctrl+PgDown", "Alt+Right"), lambda: self.go_to(self.current + 1)),
            (("Ctrl+PgUp", "Alt+Left"), lambda: self.go_to(self.current - 1)),
            (("F5",), self.show_to_client),
            (("Ctrl+P",), lambda: self.print_document(DocumentKind.HANDOUT)),
            (("Ctrl+S",), self.save_now),
            (("Ctrl+Return", "Ctrl+Enter"), self.sign),
            (("Ctrl+W",), self.leave),
        )
        for keys, action in shortcuts:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, activated=action)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_now)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        saver.saved.connect(self._saved)
        saver.failed.connect(self._failed)

    # --- opening ---------------------------------------------------------------------------
    def open_session(
        self,
        session_id: str,
        *,
        recovered: bool = False,
        point: str | None = None,
        ask: bool = False,
    ) -> bool:
        """Open the session's note; `point` (an agenda point id) is where to start. With
        `ask`, a session planned for another day asks first whether it is held today (see
        ui/session_day.py); False when the user cancelled that question."""
        note = open_note(self.ctx.acting, session_id)
        opening = how_to_open(self.ctx, note, self) if ask else Opening.NOW
        if opening is None:
            return False
        if opening is Opening.MOVED:
            note = open_note(self.ctx.acting, session_id)  # now planned for today
            self.changed.emit()
        self.note, self.draft, self.opening = note, note.draft, opening
        self.editable = not note.signed and Action.RUN in note.may and opening is not Opening.LOOK
        self.timing = self.editable and opening is not Opening.WRITE_UP
        self.pace_hint.setVisible(self.timing)  # set once per note: a hint's room, or none
        self._build_pages(note)
        self.title.setText(self._title(note))
        self._show_flags(note)
        notices = []
        if recovered:
            notices.append(
                self.tr(
                    "Traumefokus was not closed properly last time. Your draft "
                    "of this session has been reopened; nothing was lost."
                )
            )
        if opening is Opening.WRITE_UP:
            notices.append(
                self.tr(
                    "Writing up the note of a session planned for %1: the session clock is not "
                    "running."
                ).replace("%1", day_label(note.session.planned_date))
            )
        if note.demo_content and note.session.kind == SessionKind.TRAUMA.value:
            notices.append(self.tr("The theme texts are demo content, not the manual."))
        self.notice.setText("  ".join(notices))
        self.notice.setVisible(bool(notices))
        self._show_signed(note)
        looking = opening is Opening.LOOK
        show_problem(self.read_only, why_read_only(self.ctx, note, looking=looking))
        self.saved_label.setText("")
        self._tick_at = self._last_saved = clock.monotonic()  # this session's clock starts now
        self._carry = 0.0
        self.current = 0
        start = next((i for i, p in enumerate(note.agenda) if p.id == point), 0)
        self.go_to(start if start < len(self.pages) else 0, save=False)
        if self.editable:
            self._remember_open()
        if self.timing:
            self.ticker.start()
        return True

    @property
    def clock_running(self) -> bool:
        """A session is under way on this screen (the idle lock waits for it)."""
        return self.note is not None and self.ticker.isActive()

    def _title(self, note: NoteView) -> str:
        parts = [note.client_code, session_title(note.session).split(" · ")[0]]
        if note.session.kind != SessionKind.TRAUMA.value or note.session.extra:
            parts.append(session_kind_label(note.session.kind))
        if note.theme is not None:
            parts.append(note.theme.title)
        return " · ".join(parts)

    def _build_pages(self, note: NoteView) -> None:
        while self.body.count():
            widget = self.body.widget(0)
            self.body.removeWidget(widget)
            widget.deleteLater()
        for button in self.agenda_buttons:
            self.agenda_row.removeWidget(button)
            button.deleteLater()
        self.agenda_buttons = []
        lang = self.ctx.lang
        if note.session.kind == SessionKind.TRAUMA.value:
            self.pages = [
                CheckInPage(note.previous_commitment, note.measures, lang),
                QuotePage(note.theme),
                ThemePage(note.theme),
                CheckOutPage(note.theme),
            ]
            self.pages[0].flag_button.clicked.connect(self._raise_flag)
            self.pages[1].show_button.clicked.connect(self.show_to_client)
            self.pages[2].show_button.clicked.connect(self.show_to_client)
        else:
            self.pages = [
                NotesPage(
                    p.id,
                    p.title_en if lang == "en" else p.title,
                    note.measures if index == 0 else (),
                    lang,
                )
                for index, p in enumerate(note.agenda)
            ]
        for page in self.pages:
            page.load(self.draft)
            page.edited.connect(self._edited)
            page.set_editable(self.editable)
            self.body.addWidget(page)
        for index in range(len(note.agenda)):
            button = QPushButton()
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked, i=index: self.go_to(i))
            self.agenda_row.addWidget(button)
            self.agenda_buttons.append(button)
        has_quote = note.theme is not None and note.theme.quote is not None
        self.client_button.setEnabled(has_quote)
        self.handout_action.setEnabled(note.theme is not None)

    def _show_flags(self, note: NoteView) -> None:
        lines = [
            self.tr("⚠ Safety flag (%1, %2): %3")
            .replace("%1", day_label(f.raised_at.astimezone().date(), weekday=False))
            .replace("%2", f.raised_by)
            .replace("%3", f.text)
            for f in note.open_flags
        ]
        self.flags.setText("\n".join(lines))
        self.flags.setVisible(bool(lines))

    def _show_signed(self, note: NoteView) -> None:
        signed = note.signed
        self.signed_panel.setVisible(signed)
        self.add_addendum_button.setEnabled(Action.RUN in note.may)
        for button in (self.save_button, self.sign_button):
            button.setVisible(self.editable)
        self.pace_hint.show_hint("")
        if signed:
            when = note.signed_at.astimezone().strftime("%d.%m.%Y %H:%M") if note.signed_at else ""
            self.signed_label.setText(
                self.tr("Signed %1 by %2 · %3")
                .replace("%1", when)
                .replace("%2", note.signed_by or "")
                .replace("%3", attendance_label(note.session.attendance))
            )
            self.addenda.clear()
            for addendum in note.addenda:
                at = addendum.at.astimezone().strftime("%d.%m.%Y %H:%M")
                self.addenda.addItem(f"{at} · {addendum.by}\n{addendum.text}")
            self.addenda.setVisible(bool(note.addenda))

    # --- moving through the agenda ---------------------------------------------------------
    def go_to(self, index: int, *, save: bool = True) -> None:
        if self.note is None or not 0 <= index < len(self.pages):
            return
        self._account()
        if save and index != self.current:
            self.save_now()
        moved = index != self.current
        self.current = index
        self.body.setCurrentIndex(index)
        if moved and self.editable:
            self._remember_open()
        for i, button in enumerate(self.agenda_buttons):
            button.setChecked(i == index)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self._update_clock()
        self.focus_current()

    def focus_current(self) -> None:
        """Typing starts in the first field of the point on screen."""
        if self.pages:
            self.pages[self.current].first_field().setFocus()

    def _account(self) -> None:
        """Add the whole seconds since the last look at the clock to the current point."""
        now = clock.monotonic()
        elapsed, self._tick_at = now - self._tick_at, now
        if self.note is None or not self.timing or not self.note.agenda:
            return
        self._carry += elapsed
        whole = int(self._carry)
        if whole:
            self._carry -= whole
            point = self.note.agenda[self.current].id
            self.draft.agenda_seconds[point] = self.draft.agenda_seconds.get(point, 0) + whole

    def _tick(self) -> None:
        """Every second: the clock, and now and then a save of the time alone."""
        self._account()
        if (
            self.editable
            and clock.monotonic() - self._last_saved > PERIODIC_SAVE_S
            and not self.save_timer.isActive()
        ):
            self.save_now()
        self._update_clock()

    def _update_clock(self) -> None:
        note = self.note
        if note is None:
            return
        seconds = self.draft.agenda_seconds
        for point, button in zip(note.agenda, self.agenda_buttons, strict=True):
            spent = seconds.get(point.id, 0)
            title = point.title_en if self.ctx.lang == "en" else point.title
            button.setText(f"{title}  {minutes_seconds(spent)} / {point.target_minutes}")
            ink = OVER_TIME if over_target(point, spent) else ON_TIME
            button.setStyleSheet(AGENDA_BUTTON.format(ink=ink))
        total = sum(seconds.values())
        self.session_clock.setText(
            self.tr("%1 of %2 min")
            .replace("%1", minutes_seconds(total))
            .replace("%2", str(note.minutes))
        )
        if not self.timing or not note.agenda:
            self.pace_hint.show_hint("")
            return
        point = note.agenda[self.current]
        found = hint(note.agenda, seconds, point.id, note.minutes)
        title = point.title_en if self.ctx.lang == "en" else point.title
        self.pace_hint.show_hint(hint_words(found, title, self.ctx.lang))

    # --- saving ----------------------------------------------------------------------------
    def _edited(self) -> None:
        self.save_timer.start()  # restarts: saves 1.5 s after the last keystroke

    def collect(self) -> NoteDraft:
        for page in self.pages:
            page.store(self.draft)
        return self.draft

    def save_now(self) -> None:
        if self.note is None or not self.editable:
            return
        self.save_timer.stop()
        self._account()
        self._last_saved = clock.monotonic()
        self.saver.request(self.note.session.id, self.collect())
        self.saved_label.setWordWrap(False)
        self.saved_label.setText(self.tr("Saving…"))

    def _saved(self, session_id: str, moment: object) -> None:
        if self.note is not None and session_id == self.note.session.id:
            self.saved_label.setText(
                self.tr("Saved %1").replace("%1", moment.astimezone().strftime("%H:%M:%S"))
            )

    def _failed(self, session_id: str, message: str) -> None:
        if self.note is not None and session_id == self.note.session.id:
            self.saved_label.setWordWrap(True)  # the whole of a problem, on a small screen too
            self.saved_label.setText(
                self.tr("Not saved: %1 – the text is kept here; Ctrl+S tries again.").replace(
                    "%1", message
                )
            )

    def _remember_open(self) -> None:
        """The session and agenda point on screen, for this user only: after a crash their
        next sign-in reopens it there."""
        note = self.note
        if note is None or not note.agenda:
            return
        point = note.agenda[min(self.current, len(note.agenda) - 1)].id
        self.ctx.mine.set("open_session", {"session": note.session.id, "point": point})
        save_settings(self.ctx)

    def _forget_open(self) -> None:
        self.ctx.mine.set("open_session", None)
        save_settings(self.ctx)

    # --- the client's screen, flags, signing, leaving --------------------------------------
    def show_to_client(self) -> None:
        note = self.note
        if note is None or note.theme is None:
            return
        if self.client_screen is None:
            self.client_screen = ClientScreen()
        page = self.pages[self.current]
        client_text = page.current_client_text() if isinstance(page, ThemePage) else None
        if client_text:
            self.client_screen.show_markdown(client_text)
        elif note.theme.quote is not None:
            self.client_screen.show_quote(note.theme.quote.text, quote_source(note.theme))

    def print_document(self, kind: DocumentKind) -> None:
        """The preview of the handout or the note, with what has been typed so far."""
        from traumefokus.ui.printing import session_preview

        note = self.note
        if note is None or (kind is DocumentKind.HANDOUT and note.theme is None):
            return
        self.save_now()
        saved = self.saver.flush()  # the paper shows what is on the screen
        problem = self.saver.problem(note.session.id)
        if self.editable and (not saved or problem):
            QMessageBox.warning(
                self,
                self.tr("Print"),
                self.tr(
                    "The latest text is not saved yet (%1), so the paper would show an older "
                    "version. The text is kept here; Ctrl+S tries again."
                ).replace("%1", problem or self.tr("the disk is slow")),
            )
            return
        try:
            fresh = open_note(self.ctx.acting, note.session.id)
        except TraumefokusError as error:
            QMessageBox.warning(self, "Traumefokus", self.ctx.describe(error))
            return
        dialog = session_preview(self.ctx, kind, fresh, self)
        dialog.exec()
        dialog.deleteLater()  # its pages and PDF leave memory with it

    def _raise_flag(self) -> None:
        """A deliberate step: the dialog, with the field's text to edit, raises the flag only
        on Confirm; the page stays as it is and the keyboard returns where it was."""
        from traumefokus.ui.flag_dialog import ask_to_raise, focus_kept

        note = self.note
        page = self.pages[0]
        assert note is not None and isinstance(page, CheckInPage)
        with focus_kept():
            if ask_to_raise(self.ctx, note.session.id, page.unsafe.toPlainText(), self) is None:
                return
            self.save_now()
            try:
                flags = open_note(self.ctx.acting, note.session.id).open_flags
            except TraumefokusError as error:
                QMessageBox.warning(self, self.tr("Safety flag"), self.ctx.describe(error))
                return
            self.note = replace(note, open_flags=flags)
            self._show_flags(self.note)
            self.changed.emit()

    def sign(self) -> None:
        note = self.note
        if note is None or not self.editable:
            return
        self.save_timer.stop()
        self._account()
        self.saver.flush()  # no older draft may land after the signature
        if SignDialog(self.ctx, note, self.collect(), self).exec():
            self.ticker.stop()
            self._forget_open()
            self.open_session(note.session.id)
            self.changed.emit()

    def _add_addendum(self) -> None:
        note = self.note
        if note is not None and AddendumDialog(self.ctx, note.session.id, self).exec():
            self.open_session(note.session.id)
            self.changed.emit()

    def leave(self) -> None:
        """Save and go back; the draft is safe on disk before the screen closes."""
        if self.note is not None and self.editable:
            self.save_now()
            self.saver.flush()
        self.ticker.stop()
        self._forget_open()
        if self.client_screen is not None:
            self.client_screen.close()
        self.note = None
        self.changed.emit()
        self.closed.emit()
