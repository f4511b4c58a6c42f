"""When someone else saved the session while this user typed (a shared database): a calm bar
says who and when, autosave stops (ui/draft_saver.py saves nothing over their change), and
"Reload" shows their version while this user's own words stay beside it, in a panel of their
own (selectable, with a button that copies them), until the user closes it. Nothing typed is
lost: the panel holds every text of the draft as it was when Reload was pressed, and the
same text is on the clipboard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.session_note import NoteDraft
from traumefokus.errors import Refused
from traumefokus.services.session_notes import NoteView
from traumefokus.ui.dialog_conflict import ChangedBar
from traumefokus.ui.theme import set_tint


def typed_text(
    draft: NoteDraft, titles: dict[str, str], labels: dict[str, str] | None = None
) -> str:
    """Every text typed into `draft`, each under where it was typed, blank lines between: a
    field under the words its form shows (`labels`, by the draft's field path as
    "check_in.feeling", ui/runner_points.py), an agenda point's notes or a worksheet's under
    its title (`titles`, by id); the field names only where the form has no words."""
    parts: list[str] = []
    _walk(draft, [], [], "", titles, labels or {}, parts)
    return "\n\n".join(parts)


def _walk(
    value: Any,
    where: list[str],  # the titles of the agenda point, worksheet ... it is in
    names: list[str],  # the field names since then
    path: str,
    titles: dict[str, str],
    labels: dict[str, str],
    out: list[str],
) -> None:
    if isinstance(value, str):
        if value.strip():
            label = labels.get(path)
            out.append(f"[{' › '.join([*where, label] if label else [*where, *names])}]\n{value}")
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            if field.name in ("id", "kind"):  # which worksheet or treatment: its title says it
                continue
            inner = f"{path}.{field.name}" if path else field.name
            item = getattr(value, field.name)
            _walk(item, where, [*names, field.name], inner, titles, labels, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, [*where, titles.get(str(key), str(key))], [], path, titles, labels, out)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value, start=1):
            own = getattr(item, "id", None) or getattr(item, "kind", None)
            title = titles.get(str(own), str(own)) if own else str(index)
            _walk(item, [*where, title], [], path, titles, labels, out)


class ConflictBar(ChangedBar):
    """ "Changed by NAME at HH:MM while you were writing." and Reload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("conflict", parent)

    def _wording(self, known: tuple[str, str] | None) -> tuple[str, str]:
        if known:
            said = self.tr("Changed by %1 at %2 while you were writing.")
            said = said.replace("%1", known[0]).replace("%2", known[1])
        else:
            said = self.tr("Changed by someone else while you were writing.")
        return said, self.tr(
            "Your text is not saved over theirs. Reload shows their version; your own text "
            "stays beside it to copy from."
        )


class KeptText(QFrame):
    """This user's own text from before a reload, to copy from; closed by the user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kept")
        set_tint(self, "kept", "border-radius: 4px;", "QFrame#kept")
        self.title = QLabel(self.tr("Your text from before the reload (not saved)"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(160)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.close_button = QPushButton(self.tr("Hide"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.text)
        self.hide()

    def keep(self, text: str) -> None:
        self.text.setPlainText(text)
        self.copy()
        self.show()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())


class ConflictGuard(QObject):
    """Ties the bar and the panel to the session screen: `note` is the note on screen,
    `collect` the draft as typed, `reopen` reads the session again (see `opened`)."""

    def __init__(
        self,
        saver: Any,
        note: Callable[[], NoteView | None],
        collect: Callable[[], NoteDraft],
        reopen: Callable[..., object],
        lang: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.saver = saver
        self.note = note
        self.collect = collect
        self.reopen = reopen
        self.lang = lang
        self.bar = ConflictBar(parent)
        self.kept = KeptText(parent)
        self.shown_for: str | None = None  # the session the panel's text was typed in
        self.bar.reload_button.clicked.connect(self.reload)
        saver.conflict.connect(self._conflict)

    def session(self) -> str | None:
        note = self.note()
        return None if note is None else note.session.id

    def titles(self) -> dict[str, str]:
        note = self.note()
        points = () if note is None else note.agenda
        named = {p.id: p.title_en if self.lang == "en" else p.title for p in points}
        theme = None if note is None else note.theme
        sheets = {} if theme is None else {w.id: w.title for w in theme.worksheets}
        return {**sheets, **named}

    def labels(self) -> dict[str, str]:
        """The words the runner's pages show for their fields (the runner is the parent)."""
        found: dict[str, str] = {}
        for page in getattr(self.parent(), "pages", []):
            found.update(page.field_labels())
        return found

    def opened(self, note: NoteView) -> None:
        """`note` is on screen as read now: drafts are saved over its version. Another
        session's kept text goes (a reload of the same one keeps it)."""
        if note.session.id != self.shown_for:
            self.forget()
        self.shown_for = note.session.id
        self.saver.track(note.session.id, note.version)

    def blocked(self) -> bool:
        """A conflict not yet resolved on the session on screen (signing waits for it)."""
        session_id = self.session()
        return session_id is not None and self.saver.conflict_of(session_id) is not None

    def _conflict(self, session_id: str, error: Refused) -> None:
        if session_id == self.session():
            self.bar.show_conflict(error)

    def reload(self) -> None:
        """Their version on screen, this user's text beside it; the screen stays on the point
        it was on, and the session clock goes on from where it was: the time in the room is
        this user's, whoever saved the words (per point, the larger of the two times)."""
        session_id, note = self.session(), self.note()
        if session_id is None or note is None:
            return
        typed = self.collect()
        text = typed_text(typed, self.titles(), self.labels())
        runner = self.parent()
        current = getattr(runner, "current", 0)
        point = note.agenda[current].id if 0 <= current < len(note.agenda) else None
        self.reopen(session_id, point=point)
        clock = getattr(runner, "agenda", None)
        if clock is not None:
            for key, spent in typed.agenda_seconds.items():
                clock.seconds[key] = max(clock.seconds.get(key, 0), spent)
            clock.show(getattr(runner, "current", 0))
        self.bar.hide()
        if text:
            self.kept.keep(text)

    def forget(self) -> None:
        """Another session (or none) on screen."""
        self.bar.hide()
        self.kept.hide()
