"""The session screen: what the therapist has in front of them with a client across the table.

The agenda runs along the top with time per point against its target; one keystroke moves to
the next point (Ctrl+PgDn or Alt+→); F5 shows the quote or a worksheet to the client; the
draft saves itself within two seconds of the last keystroke and at every change of point,
on a thread of its own. A session left open when the program died is reopened at the next
start, with a word that it was.

The parts have modules of their own: the agenda and the clock (agenda_clock.py), when the draft
is saved (draft_autosave.py; the saving itself: draft_saver.py), the point pages
(runner_points.py and the modules it names), the footer (runner_footer.py), a signed note's
panel (signed_panel.py) and the dialogs (runner_dialogs.py).
"""

from __future__ import annotations

import time as clock
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.documents.kinds import DocumentKind
from traumefokus.domain.access import Action
from traumefokus.domain.isotime import local_day
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.services.session_notes import NoteView, open_note
from traumefokus.ui.agenda_clock import AgendaClock
from traumefokus.ui.client_screen import ClientScreen
from traumefokus.ui.context import UiContext
from traumefokus.ui.course_dialogs import session_title
from traumefokus.ui.draft_autosave import DraftAutosave
from traumefokus.ui.draft_saver import DraftSaver
from traumefokus.ui.edit_conflict import ConflictGuard
from traumefokus.ui.fit import ScrollBody
from traumefokus.ui.forms import day_label
from traumefokus.ui.labels import session_kind_label
from traumefokus.ui.logbook_fields import LogbookParts
from traumefokus.ui.operations import fetch
from traumefokus.ui.read_only import why_read_only
from traumefokus.ui.runner_check_pages import CheckInPage, CheckOutPage
from traumefokus.ui.runner_dialogs import AddendumDialog, SignDialog
from traumefokus.ui.runner_footer import RunnerFooter
from traumefokus.ui.runner_points import NotesPage, PointPage
from traumefokus.ui.runner_theme_pages import QuotePage, ThemePage, quote_source
from traumefokus.ui.session_day import Opening, how_to_open
from traumefokus.ui.signed_panel import SignedPanel
from traumefokus.ui.style import flag_look, heading, read_only_banner, show_problem
from traumefokus.ui.supervision_panel import SupervisionPanel
from traumefokus.ui.theme import set_tint


def now() -> float:
    """The clock of the agenda and of the autosave: `clock`, which tests move by hand."""
    return clock.monotonic()


class SessionRunner(QWidget):
    closed = Signal()
    changed = Signal()

    def __init__(self, ctx: UiContext, saver: DraftSaver) -> None:
        super().__init__()
        self.ctx = ctx
        self.saver = saver
        self.note: NoteView | None = None
        self.editable = False
        self.opening = Opening.NOW
        self.draft = NoteDraft()
        self.pages: list[PointPage] = []
        self.logbook_parts: LogbookParts | None = None  # the logbook's fields on the pages
        self.current = 0
        self.client_screen: ClientScreen | None = None
        self.agenda = AgendaClock(ctx, now, self)
        self.agenda.chosen.connect(self.go_to)
        self.ticker = self.agenda.ticker
        self.ticker.timeout.connect(self._tick)
        self.session_clock = self.agenda.label
        self.pace_hint = self.agenda.pace_hint
        self.autosave = DraftAutosave(ctx, saver, self.save_now, now, self)
        self.save_timer = self.autosave.timer
        self.saved_label = self.autosave.label
        self.guard = ConflictGuard(saver, lambda: self.note, self.collect, self.open_session,
                                   ctx.lang, self)  # fmt: skip

        back = QPushButton(self.tr("← Back (Ctrl+W)"))
        back.setAutoDefault(False)
        back.clicked.connect(self.leave)
        self.title = heading("", scale=1.35)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.title, 1)
        top.addWidget(self.session_clock)

        self.read_only = read_only_banner()
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        flag_look(self.flags)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        set_tint(self.notice, "note")
        self.body = QStackedWidget()

        self.signed_panel = SignedPanel()
        self.signed_panel.add_button.clicked.connect(self._add_addendum)
        self.addenda = self.signed_panel.addenda
        self.supervision = SupervisionPanel(ctx)  # comments and the co-signature
        self.supervision.changed.connect(self.changed)

        self.footer = RunnerFooter(self.saved_label, self.print_document, self)
        self.footer.previous_button.clicked.connect(lambda: self.go_to(self.current - 1))
        self.footer.next_button.clicked.connect(lambda: self.go_to(self.current + 1))
        self.footer.client_button.clicked.connect(self.show_to_client)
        self.footer.save_button.clicked.connect(self.save_now)
        self.footer.sign_button.clicked.connect(self.sign)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.read_only)
        layout.addWidget(self.flags)
        layout.addWidget(self.notice)
        layout.addWidget(self.guard.bar)
        layout.addLayout(self.agenda.row)
        layout.addWidget(self.pace_hint)
        layout.addWidget(ScrollBody(self.body), 1)  # scrolls on a small screen
        layout.addWidget(self.guard.kept)
        layout.addWidget(self.signed_panel)
        layout.addWidget(self.supervision)
        layout.addLayout(self.footer.row)

        shortcuts = (
            (("Ctrl+PgDown", "Alt+Right"), lambda: self.go_to(self.current + 1)),
            (("Ctrl+PgUp", "Alt+Left"), lambda: self.go_to(self.current - 1)),
            (("F5",), self.show_to_client),
            (("Ctrl+P",), lambda: self.print_document(self.footer.ctrl_p)),
            (("Ctrl+S",), self.save_now),
            (("Ctrl+Return", "Ctrl+Enter"), self.sign),
            (("Ctrl+W",), self.leave),
        )
        for keys, action in shortcuts:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(action)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

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
        self.guard.opened(note)  # saved over this version; another session's kept text goes
        self.editable = not note.signed and Action.RUN in note.may and opening is not Opening.LOOK
        # the session clock counts (not when a past note is written up)
        self.agenda.timing = self.editable and opening is not Opening.WRITE_UP
        self.pace_hint.setVisible(self.agenda.timing)  # set once per note: a hint's room, or none
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
        if note.demo_content and note.session.kind is SessionKind.TRAUMA:
            notices.append(self.tr("The theme texts are demo content, not the manual."))
        self.notice.setText("  ".join(notices))
        self.notice.setVisible(bool(notices))
        self._show_signed(note)
        looking = opening is Opening.LOOK
        show_problem(self.read_only, why_read_only(self.ctx, note, looking=looking))
        self.autosave.follow(note.session.id)
        self.agenda.start()  # this session's clock starts now
        self.current = 0
        start = next((i for i, p in enumerate(note.agenda) if p.id == point), 0)
        self.go_to(start if start < len(self.pages) else 0, save=False)
        if self.editable:
            self._remember_open()
        if self.agenda.timing:
            self.ticker.start()
        return True

    @property
    def agenda_buttons(self) -> list[QPushButton]:
        return self.agenda.buttons

    @property
    def clock_running(self) -> bool:
        """A session is under way on this screen (the idle lock waits for it)."""
        return self.note is not None and self.ticker.isActive()

    def _title(self, note: NoteView) -> str:
        named = session_title(note.session).split(" · ")[0]  # its number, or its kind if none
        parts = [note.client_code, named]
        kind = session_kind_label(note.session.kind)
        if kind != named and (note.session.kind is not SessionKind.TRAUMA or note.session.extra):
            parts.append(kind)
        if note.theme is not None:
            parts.append(note.theme.title)
        return " · ".join(parts)

    def _build_pages(self, note: NoteView) -> None:
        while (widget := self.body.widget(0)) is not None:
            self.body.removeWidget(widget)
            widget.deleteLater()
        lang = self.ctx.lang
        if note.session.kind is SessionKind.TRAUMA:
            check_in = CheckInPage(note.previous_commitment, note.measures, lang)
            quote, theme = QuotePage(note.theme), ThemePage(note.theme)
            self.pages = [check_in, quote, theme, CheckOutPage(note.theme)]
            check_in.flag_button.clicked.connect(self._raise_flag)
            quote.show_button.clicked.connect(self.show_to_client)
            theme.show_button.clicked.connect(self.show_to_client)
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
        self.logbook_parts = None
        if self.pages:  # the logbook's fields at the first and the last point
            parts = LogbookParts(
                self.ctx, note.logbook, self.pages[0], self.pages[-1], editable=self.editable
            )
            parts.load(self.draft)
            parts.edited.connect(self.autosave.edited)
            self.logbook_parts = parts
        for page in self.pages:
            page.load(self.draft)
            page.edited.connect(self.autosave.edited)
            page.set_editable(self.editable)
            self.body.addWidget(page)
        self.agenda.show_agenda(note.agenda, note.minutes, self.draft.agenda_seconds)
        has_quote = note.theme is not None and note.theme.quote is not None
        self.footer.client_button.setEnabled(has_quote)
        self.footer.offer_handout(note.theme is not None)

    def _show_flags(self, note: NoteView) -> None:
        lines = [
            self.tr("⚠ Safety flag (%1, %2): %3")
            .replace("%1", day_label(local_day(f.raised_at), weekday=False))
            .replace("%2", f.raised_by)
            .replace("%3", f.text)
            for f in note.open_flags
        ]
        self.flags.setText("\n".join(lines))
        self.flags.setVisible(bool(lines))

    def _show_signed(self, note: NoteView) -> None:
        self.signed_panel.show_for(note)
        self.supervision.show_for(note)
        for button in (self.footer.save_button, self.footer.sign_button):
            button.setVisible(self.editable)
        self.pace_hint.show_hint("")

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
        self.footer.show_point(index, len(self.pages))
        self.agenda.show(index)
        self.focus_current()

    def focus_current(self) -> None:
        """Typing starts in the first field of the point on screen."""
        if self.pages:
            self.pages[self.current].first_field().setFocus()

    def _account(self) -> None:
        """Add the whole seconds since the last look at the clock to the current point."""
        self.agenda.account(self.current)

    def _tick(self) -> None:
        """Every second: the clock, and now and then a save of the time alone."""
        self._account()
        if self.editable and self.autosave.due():
            self.save_now()
        self.agenda.show(self.current)

    # --- saving ----------------------------------------------------------------------------
    def collect(self) -> NoteDraft:
        for page in self.pages:
            page.store(self.draft)
        if self.logbook_parts is not None:
            self.logbook_parts.store(self.draft)
        return self.draft

    def save_now(self) -> None:
        if self.note is None or not self.editable:
            return
        self._account()
        self.autosave.hand_over(self.note.session.id, self.collect())

    def _remember_open(self) -> None:
        """The session and agenda point on screen, to reopen after a crash."""
        note = self.note
        if note is None or not note.agenda:
            return
        self.autosave.remember_open(note.agenda[min(self.current, len(note.agenda) - 1)].id)

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
        fresh = fetch(self, self.ctx, lambda: open_note(self.ctx.acting, note.session.id))
        if fresh is None:
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
            again = fetch(
                self,
                self.ctx,
                lambda: open_note(self.ctx.acting, note.session.id),
                title=self.tr("Safety flag"),
            )
            if again is None:
                return
            flags = again.open_flags
            self.note = replace(note, open_flags=flags)
            self._show_flags(self.note)
            self.changed.emit()

    def sign(self) -> None:
        note = self.note
        if note is None or not self.editable or self.guard.blocked():
            return
        self.save_timer.stop()
        self._account()
        self.saver.flush()  # no older draft may land after the signature
        note = replace(note, version=self.saver.version(note.session.id) or note.version)
        if not self.guard.blocked() and SignDialog(self.ctx, note, self.collect(), self).exec():
            from traumefokus.ui.auto_backup import backup_soon

            backup_soon(self.ctx, self)  # a signed note: a backup if one is due, off this thread
            self.ticker.stop()
            self.autosave.forget_open()
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
        self.autosave.forget_open()
        if self.client_screen is not None:
            self.client_screen.close()
        self.note = None
        self.guard.forget()
        self.autosave.stop()
        self.changed.emit()
        self.closed.emit()
