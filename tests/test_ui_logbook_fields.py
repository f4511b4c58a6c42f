"""The logbook's fields on the screens: other treatment at check-in, the gift card (the rule's
suggestion filled in and said in words) and the recording (only with consent) at check-out,
why a session was not held and who held it when signing or recording attendance, the consent
on the client, and the course page's gift cards and themes never done."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factories import SS_THEMES, person
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import create_course, end_course, view_course
from traumefokus.services.missed_themes import drop_missed_theme
from traumefokus.services.recording_consent import list_consents, record_consent
from traumefokus.services.session_notes import open_note, sign_note
from traumefokus.ui.consent_panel import ConsentDialog, ConsentPanel
from traumefokus.ui.course_dialogs import AttendanceDialog
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.forms import to_qdate
from traumefokus.ui.runner_dialogs import SignDialog
from traumefokus.ui.style import READ_ONLY_PROPERTY
from ui_helpers import make_context

START = date(2026, 1, 5)


@pytest.fixture
def course(db, admin, therapist):
    client = add_client(admin, "K-0012")
    course_id = create_course(
        therapist,
        client_id=client.id,
        therapist_id=therapist.actor.id,
        programme_id="move-ss",
        start=START,
        weekday=0,
        at=time(10, 0),
    )
    planning.choose_themes(therapist, course_id, SS_THEMES)
    sessions = {s.number: s.id for s in view_course(therapist, course_id).sessions}
    return client.id, course_id, sessions


def _attendance(dialog, value: str) -> None:
    next(b for b in dialog.choices.buttons() if b.property("attendance") == value).click()


def test_the_session_screen_asks_the_logbook_and_saves_it_with_the_draft(
    qtbot, window, therapist, course
):
    client, _course_id, s = course
    sign_note(therapist, s[1], attendance="held", day=START + timedelta(weeks=1))
    window.open_session(s[2])  # a MOVE session: notes pages, the logbook on the first and last
    runner = window.runner
    first, last = runner.pages[0], runner.pages[-1]
    parts = runner.logbook_parts
    assert parts.treatment.parentWidget() is first and parts.check_out.parentWidget() is last
    out = parts.check_out
    assert out.given.isChecked() and out.amount.value() == 200  # the rule's suggestion
    assert "200 kr" in out.suggestion.text() and "ved denne session" in out.suggestion.text()
    assert not out.recorded.isEnabled()  # no consent on the session's day
    assert out.no_consent.isVisibleTo(out) and "samtykke" in out.no_consent.text()
    parts.treatment.ticks["psychologist"].click()
    parts.treatment.notes["psychologist"].setText("Hver anden uge")
    out.not_given.click()
    runner.save_now()
    assert runner.saver.flush()
    book = open_note(therapist, s[2]).draft.logbook
    assert book.gift_card_given is False and book.gift_card_dkk is None
    assert [(t.kind, t.note) for t in book.other_treatment] == [("psychologist", "Hver anden uge")]
    runner.leave()

    record_consent(therapist, client, START, today=START)
    window.open_session(s[2])
    out = window.runner.logbook_parts.check_out
    assert window.runner.logbook_parts.treatment.ticks["psychologist"].isChecked()
    assert out.not_given.isChecked()  # as noted, not the suggestion
    assert out.recorded.isEnabled() and not out.no_consent.isVisibleTo(out)
    assert not out.file.isEnabled()
    out.recorded.click()
    assert out.file.isEnabled()
    out.file.setText("K-0012_2026-01-19.wav")
    window.runner.save_now()
    assert window.runner.saver.flush()
    book = open_note(therapist, s[2]).draft.logbook
    assert book.recorded and book.recording_file == "K-0012_2026-01-19.wav"
    window.runner.leave()


def test_a_signed_note_shows_the_logbook_read_only(qtbot, window, therapist, course):
    _client, _course_id, s = course
    sign_note(therapist, s[3], attendance="held", day=START + timedelta(weeks=3))
    window.open_session(s[3])  # a trauma session: check-in and check-out pages
    parts = window.runner.logbook_parts
    assert parts.treatment.parentWidget() is window.runner.pages[0]
    assert parts.check_out.parentWidget() is window.runner.pages[3]
    out = parts.check_out
    assert not out.given.isChecked() and not out.not_given.isChecked()  # nothing noted
    assert not out.suggestion.isVisibleTo(out)  # no suggestion on a signed note
    for field in (out.given, out.amount, out.recorded, parts.treatment.ticks["group"]):
        assert field.property(READ_ONLY_PROPERTY) is True, field  # the note is signed
    assert out.given.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    window.runner.leave()


def test_signing_asks_why_a_session_was_not_held(qtbot, window, therapist, course):
    _client, _course_id, s = course
    note = open_note(therapist, s[1])
    dialog = SignDialog(window.ctx, note, note.draft, window)
    qtbot.addWidget(dialog)
    assert not dialog.not_held.isEnabled()  # held is chosen
    assert dialog.form.labelForField(dialog.held_by) is None  # no co-therapist: not asked
    _attendance(dialog, "no_show")
    assert dialog.not_held.isEnabled()
    dialog.not_held.setCurrentIndex(dialog.not_held.findData("relapse"))
    assert dialog.not_held.currentText() == "Tilbagefald"
    dialog.accept()
    assert open_note(therapist, s[1]).logbook.not_held_reason == "relapse"


def test_signing_asks_who_held_the_session_when_the_course_has_a_co_therapist(
    qtbot, window, admin, therapist, course
):
    _client, course_id, s = course
    jonas = person(admin, "jonas", "therapist", full_name="Jonas Berg")
    grant_cover(therapist, course_id, jonas.actor.id)
    note = open_note(therapist, s[1])
    dialog = SignDialog(window.ctx, note, note.draft, window)
    qtbot.addWidget(dialog)
    assert dialog.form.labelForField(dialog.held_by) is not None
    assert dialog.held_by.currentData() == therapist.actor.id
    dialog.held_by.setCurrentIndex(dialog.held_by.findData(jonas.actor.id))
    _attendance(dialog, "cancelled_centre")
    assert not dialog.held_by.isEnabled()
    _attendance(dialog, "held")
    assert dialog.held_by.isEnabled()
    dialog.day.setDate(to_qdate(START + timedelta(weeks=1)))
    dialog.accept()
    assert open_note(therapist, s[1]).logbook.held_by_id == jonas.actor.id


def test_the_attendance_dialog_asks_the_reason_too(qtbot, workspace, therapist, course):
    _client, course_id, _s = course
    ctx = make_context(workspace, "en", acting=therapist)
    page = CoursePage(ctx)
    qtbot.addWidget(page)
    page.show_course(course_id)
    dialog = AttendanceDialog(ctx, page.selected_session(), page)
    qtbot.addWidget(dialog)
    assert not dialog.reason.isEnabled()
    _attendance(dialog, "cancelled_client")
    assert dialog.reason.isEnabled()
    labels = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
    assert labels[:3] == ["– not said –", "Ill", "Forgot the appointment"]
    dialog.reason.setCurrentIndex(dialog.reason.findData("practical"))
    dialog.accept()
    session = view_course(therapist, course_id).sessions[0]
    assert (session.attendance, session.not_held_reason) == ("cancelled_client", "practical")


def test_the_client_pane_records_and_withdraws_consent(qtbot, workspace, therapist, course):
    client, _course_id, _s = course
    ctx = make_context(workspace, "da", acting=therapist)
    panel = ConsentPanel(ctx, may_edit=True)
    qtbot.addWidget(panel)
    panel.show_client(client)
    assert panel.state.text() == "Samtykke til lydoptagelse: ikke registreret."
    assert panel.record_button.isVisibleTo(panel)
    assert not panel.withdraw_button.isVisibleTo(panel)
    dialog = ConsentDialog(ctx, client, None, panel)
    qtbot.addWidget(dialog)
    dialog.day.setDate(to_qdate(START))
    dialog.accept()
    panel.show_client(client)
    assert panel.state.text().startswith("Samtykke til lydoptagelse givet 05.01.2026")
    assert panel.withdraw_button.isVisibleTo(panel) and not panel.record_button.isVisibleTo(panel)
    [consent] = list_consents(therapist, client)
    withdraw = ConsentDialog(ctx, client, consent, panel)
    qtbot.addWidget(withdraw)
    withdraw.day.setDate(to_qdate(START - timedelta(days=1)))
    withdraw.accept()  # before it was given: said in the dialog, which stays open
    assert withdraw.problem.isVisibleTo(withdraw) and "05.01.2026" not in withdraw.problem.text()
    withdraw.day.setDate(to_qdate(START + timedelta(days=30)))
    withdraw.accept()
    panel.show_client(client)
    assert "trukket tilbage 04.02.2026" in panel.state.text()
    reader = ConsentPanel(ctx, may_edit=False)
    qtbot.addWidget(reader)
    reader.show_client(client)
    assert not reader.record_button.isVisibleTo(reader)


def test_the_client_pane_shows_the_consent_of_the_chosen_client(qtbot, window, course):
    pane = window.client_pane
    pane.reload()
    assert pane.consent.isVisibleTo(pane)
    assert "ikke registreret" in pane.consent.state.text()


def test_the_course_page_shows_gift_cards_and_themes_never_done(
    qtbot, workspace, therapist, course
):
    from traumefokus.domain.session_note import LogbookEntry, NoteDraft

    _client, course_id, s = course
    card = NoteDraft(logbook=LogbookEntry(gift_card_given=True, gift_card_dkk=200))
    sign_note(therapist, s[1], attendance="held", day=START, draft=card)
    planning.record_attendance(therapist, s[3], "no_show")
    drop_missed_theme(therapist, s[3], "Ikke klar")
    end_course(
        therapist,
        course_id,
        status="ended_early",
        end_date=START + timedelta(weeks=4),
        reason="moved",
        reasons=("moved",),
    )
    page = CoursePage(make_context(workspace, "da", acting=therapist))
    qtbot.addWidget(page)
    page.show_course(course_id)
    text = page.summary.text()
    assert "Gavekort: 1 af 6 (200 kr)" in text
    assert "Temaer, der aldrig blev gennemgået: Sikkerhed (droppet: Ikke klar); " in text
    assert "(forløbet sluttede før tid)" in text
    assert QApplication.instance() is not None


def test_an_unreadable_list_of_the_centre_is_said_and_the_note_still_saves(
    qtbot, window, workspace, therapist, course
):
    """A broken other-treatment.toml in the data directory: the box says why it is empty,
    and the rest of the note is written and saved as usual."""
    _client, _course_id, s = course
    (workspace.data_dir.root / "other-treatment.toml").write_text("format = [", "utf-8")
    window.open_session(s[2])
    box = window.runner.logbook_parts.treatment
    assert box.ticks == {} and box.problem.isVisibleTo(box)
    assert "other-treatment.toml" in box.problem.text()
    window.runner.logbook_parts.check_out.not_given.click()
    window.runner.save_now()
    assert window.runner.saver.flush()
    assert open_note(therapist, s[2]).draft.logbook.gift_card_given is False
    window.runner.leave()
