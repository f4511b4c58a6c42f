"""The therapist's self-check when signing a trauma session's note: one line per record-based
format item of the method's scale that the note does not meet ("Check-out took 2 of 10
minutes"). For information only: it never stops signing."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from traumefokus.domain.record_checks import Outcome, RecordCheck
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.errors import DataProblem, InvalidInput
from traumefokus.services.record_checks import draft_checks
from traumefokus.services.session_notes import NoteView
from traumefokus.ui.context import UiContext
from traumefokus.ui.theme import set_tint


class RecordSelfCheck(QLabel):
    """Hidden when the note meets every record-based item (or cannot be told)."""

    def __init__(self, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setWordWrap(True)
        set_tint(self, "info")
        self.setText(
            "\n".join(
                [
                    self.tr(
                        "Self-check from the note (for your information; signing is not stopped):"
                    ),
                    *(f"• {line}" for line in lines),
                ]
            )
        )

    @classmethod
    def for_note(
        cls, ctx: UiContext, note: NoteView, draft: NoteDraft, parent: QWidget | None = None
    ) -> RecordSelfCheck | None:
        """The self-check of a trauma session's note, or None when there is nothing to say
        (another kind of session, every item met, or the centre's scale file has a problem:
        that is said where scales are managed, not here)."""
        if note.session.kind is not SessionKind.TRAUMA:
            return None
        try:
            checks = draft_checks(ctx.acting, note.method, draft, note.agenda)
        except (InvalidInput, DataProblem):
            return None
        words = RecordCheckWords()
        lines = [words.line(i.check) for i in checks if i.outcome is Outcome.NOT_MET]
        return cls(lines, parent) if lines else None


class RecordCheckWords(QObject):
    """The words of each rule not met (a QObject for tr()'s context)."""

    def line(self, check: RecordCheck) -> str:
        minutes = str(check.minutes)
        if check.rule == "check_in_within_time":
            if not check.minutes:
                return self.tr("Check-in took 0 minutes")
            return (
                self.tr("Check-in took %1 of at most %2 minutes")
                .replace("%1", minutes)
                .replace("%2", str(check.max_minutes))
            )
        if check.rule == "check_out_not_rushed":
            return (
                self.tr("Check-out took %1 of %2 minutes")
                .replace("%1", minutes)
                .replace("%2", str(check.target_minutes))
            )
        words = {
            "check_in_done": self.tr("Check-in: nothing is noted"),
            "quote_used": self.tr("Quote: the client's reading of it is not noted"),
            "worksheets_used": self.tr("No worksheet is marked as used"),
            "worksheets_handed_out": self.tr("No worksheet is marked as handed out"),
            "commitment_set": self.tr("No commitment is written"),
            "check_out_done": self.tr("Check-out: nothing is noted"),
        }
        return words.get(check.rule, check.rule)
