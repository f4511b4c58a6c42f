"""The session screen when a colleague saved the same session while this user typed: a calm
bar says who and when, nothing is saved over their words, and Reload shows theirs while this
user's own text stays beside it."""

from datetime import date

from PySide6.QtWidgets import QApplication

from factories import person, planned_course
from traumefokus.domain.session_note import CheckIn, NoteDraft
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, save_draft


def test_a_conflict_is_shown_and_reload_keeps_the_typed_text(qtbot, window, admin, therapist):
    colleague = person(admin, "jonas.k", "therapist", full_name="Jonas Krogh")
    client = add_client(admin, "K-0001")
    course_id = planned_course(therapist, client.id, start=date(2026, 1, 5))
    grant_cover(therapist, course_id, colleague.actor.id)
    s3 = next(s.id for s in view_course(therapist, course_id).sessions if s.number == 3)
    window.open_session(s3)
    runner = window.runner
    runner.pages[0].feeling.setPlainText("Mine egne ord")
    runner.save_now()
    assert runner.saver.flush() and runner.saver.conflict_of(s3) is None  # own saves go on

    theirs = NoteDraft(check_in=CheckIn(feeling="Jonas' ord"))
    save_draft(colleague, s3, theirs, version=open_note(colleague, s3).version)
    runner.pages[0].feeling.setPlainText("Mine egne ord, og flere")
    runner.save_now()
    runner.saver.flush()
    qtbot.waitUntil(lambda: runner.guard.bar.isVisible())
    assert "Ændret af Jonas Krogh kl. " in runner.guard.bar.text.text()
    assert "mens du skrev" in runner.guard.bar.text.text()
    runner.save_now()  # the autosave goes on: nothing over theirs
    runner.saver.flush()
    assert open_note(therapist, s3).draft.check_in.feeling == "Jonas' ord"
    runner.sign()  # no signature over their words either: nothing opens
    assert not open_note(therapist, s3).signed

    runner.guard.bar.reload_button.click()
    assert not runner.guard.bar.isVisible()
    assert runner.pages[0].feeling.toPlainText() == "Jonas' ord"  # their version on screen
    kept = runner.guard.kept
    assert kept.isVisible() and "Mine egne ord, og flere" in kept.text.toPlainText()
    assert "Mine egne ord, og flere" in QApplication.clipboard().text()
    runner.pages[0].feeling.setPlainText("Jonas' ord. Mine egne ord, og flere")
    runner.save_now()
    assert runner.saver.flush() and runner.saver.conflict_of(s3) is None
    assert open_note(therapist, s3).draft.check_in.feeling == "Jonas' ord. Mine egne ord, og flere"
