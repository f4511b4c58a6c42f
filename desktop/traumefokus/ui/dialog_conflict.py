"""A dialog's change refused because someone else changed the same course or session since
the dialog was opened (a shared database): a calm bar inside the dialog says who and when,
the dialog stays open with everything entered in it, and Reload shows the course anew (the
page behind reloads) and makes the dialog save from what is there now, when the user says
so by pressing OK again. Nothing is saved over the colleague's change without being seen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from traumefokus.errors import Refused
from traumefokus.ui import operations
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import fit_to_screen
from traumefokus.ui.theme import set_tint

CONFLICTS = frozenset({"db.conflict_by", "db.conflict"})


class ChangedBar(QFrame):
    """A calm bar: who changed it and when (or "someone else"), what becomes of the user's
    own work (`_wording`, each kind of bar its own), and Reload."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        set_tint(self, "note", "border-radius: 4px;", f"QFrame#{name}")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.reload_button = QPushButton(QCoreApplication.translate("ConflictBar", "Reload"))
        self.reload_button.setAutoDefault(False)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.reload_button)
        self.hide()

    def show_conflict(self, error: Refused) -> None:
        name, at = error.facts.get("name"), error.facts.get("time")
        known = (str(name), str(at)) if name and at else None
        self.text.setText(" ".join(self._wording(known)))
        self.show()

    def _wording(self, known: tuple[str, str] | None) -> tuple[str, str]:
        raise NotImplementedError


class DialogConflictBar(ChangedBar):
    """ "Changed by NAME at HH:MM while this window was open." and Reload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dialog_conflict", parent)

    def _wording(self, known: tuple[str, str] | None) -> tuple[str, str]:
        if known:
            said = self.tr("Changed by %1 at %2 while this window was open.")
            said = said.replace("%1", known[0]).replace("%2", known[1])
        else:
            said = self.tr("Changed by someone else while this window was open.")
        return said, self.tr(
            "Nothing of yours is saved yet. Reload shows their change; what you entered here "
            "stays, and OK then saves it."
        )


def save_or_conflict(
    dialog: QWidget,
    ctx: UiContext,
    problem: QLabel,
    bar: ChangedBar,
    can_reload: bool,
    work: Callable[[], object],
    **shown: Any,
) -> bool:
    """Run the dialog's one service call (ui/operations.py, with `shown`): whether it was
    done. A conflict shows in `bar` (when the dialog can `reload`) instead of a message box."""
    refused: list[Refused] = []

    def guarded() -> None:
        try:
            work()
        except Refused as error:
            if not can_reload or error.code not in CONFLICTS:
                raise
            refused.append(error)

    done = operations.run(dialog, ctx, guarded, problem=problem, **shown)
    if refused:
        bar.show_conflict(refused[0])
        grow = bar.sizeHint().height() + 10  # the form keeps its room: the bar is extra
        fit_to_screen(dialog, QSize(dialog.width(), dialog.height() + grow))  # where there is room
        return False
    bar.hide()
    return done
