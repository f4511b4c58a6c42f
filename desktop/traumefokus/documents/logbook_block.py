"""The logbook's fields on the printed session note, in a small block after its content: who
held the session, why it was not held, the gift card, other treatment since last time and the
audio recording. Nothing is printed for fields not noted."""

from __future__ import annotations

from reportlab.platypus import Flowable

from traumefokus.documents.page import TEXT_WIDTH
from traumefokus.documents.styles import facts, heading
from traumefokus.documents.wording import Wording
from traumefokus.services.session_notes import NoteView


def logbook_block(note: NoteView, words: Wording) -> list[Flowable]:
    book, found = note.draft.logbook, note.logbook
    lang = words.lang
    rows: list[tuple[str, str]] = []
    if found.held_by and found.held_by != note.therapist:  # a co-therapist covering
        rows.append((words("note.held_by"), found.held_by))
    if found.not_held_reason:
        rows.append((words("note.not_held_reason"), found.label(found.not_held_reason, lang)))
    if book.gift_card_given is not None:
        given = words("note.gift_card_given", amount=book.gift_card_dkk or 0)
        rows.append(
            (
                words("note.gift_card"),
                given if book.gift_card_given else words("note.gift_card_not_given"),
            )
        )
    for treatment in book.other_treatment:
        kind = found.label(treatment.kind, lang)
        text = f"{kind}: {treatment.note}" if treatment.note else kind
        rows.append((words("note.other_treatment"), text))
    if book.recorded:
        rows.append(
            (words("note.recording"), words("note.recorded", file=book.recording_file or "–"))
        )
    if not rows:
        return []
    return [heading(words("note.logbook")), facts(rows, TEXT_WIDTH)]
