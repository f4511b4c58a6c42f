"""Signing a trauma session's note shows the self-check from its record: one line per
record-based item not met, in Danish; it never stops signing and is not shown for a session
that was not held or for a MOVE session."""

from __future__ import annotations

from datetime import date

import pytest

from factories import planned_course
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft, QuoteTalk, WorksheetUse
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note
from traumefokus.ui.runner_dialogs import SignDialog
from ui_helpers import make_context

START = date(2026, 1, 5)


@pytest.fixture
def sessions(db, admin, therapist):
    client = add_client(admin, "K-0031")
    course = view_course(therapist, planned_course(therapist, client.id, start=START))
    return {s.number: s.id for s in course.sessions}


def rushed() -> NoteDraft:
    return NoteDraft(
        check_in=CheckIn(feeling="Urolig"),
        quote=QuoteTalk(understanding="At finde ly først"),
        worksheets=[WorksheetUse("safe-and-unsafe", handed_out=True)],
        check_out=CheckOut(takeaway="Min plan"),
        commitment="",
        agenda_seconds={"check_in": 280, "quote": 300, "theme": 2400, "check_out": 125},
    )


def dialog_for(qtbot, ctx, therapist, session_id: str, draft: NoteDraft) -> SignDialog:
    note = open_note(therapist, session_id)
    dialog = SignDialog(ctx, note, draft)
    qtbot.addWidget(dialog)
    return dialog


def test_the_self_check_says_what_the_record_does_not_meet(qtbot, workspace, therapist, sessions):
    ctx = make_context(workspace, "da", acting=therapist)
    dialog = dialog_for(qtbot, ctx, therapist, sessions[3], rushed())
    check = dialog.self_check
    assert check is not None and check.isVisibleTo(dialog)
    assert check.lines == ["Der er ikke skrevet nogen aftale", "Tjek-ud tog 2 af 10 minutter"]
    assert "Selvtjek ud fra notatet" in check.text()
    no_show = next(b for b in dialog.choices.buttons() if b.property("attendance") == "no_show")
    no_show.click()
    assert not check.isVisibleTo(dialog)  # about a session that was held
    held = next(b for b in dialog.choices.buttons() if b.property("attendance") == "held")
    held.click()
    assert check.isVisibleTo(dialog)
    dialog.accept()  # informative only: signing goes ahead
    assert open_note(therapist, sessions[3]).signed


def test_the_self_check_is_in_english_too(qtbot, workspace, therapist, sessions):
    ctx = make_context(workspace, "en", acting=therapist)
    dialog = dialog_for(qtbot, ctx, therapist, sessions[3], NoteDraft())
    assert dialog.self_check is not None
    assert dialog.self_check.lines == [
        "Quote: the client's reading of it is not noted",
        "No worksheet is marked as handed out",
        "No worksheet is marked as used",
        "No commitment is written",
    ]  # no time recorded: check-in and check-out cannot be told


def test_no_self_check_for_a_move_session_or_a_note_that_meets_everything(
    qtbot, workspace, therapist, sessions
):
    ctx = make_context(workspace, "da", acting=therapist)
    assert dialog_for(qtbot, ctx, therapist, sessions[1], NoteDraft()).self_check is None
    full = rushed()
    full.commitment = "Ringe til min søster"
    full.agenda_seconds["check_out"] = 540
    assert dialog_for(qtbot, ctx, therapist, sessions[3], full).self_check is None
