"""The session screen when a colleague saved the same session while this user typed: a calm
bar says who and when, nothing is saved over their words, and Reload shows theirs while this
user's own text stays beside it."""

from datetime import date

from PySide6.QtWidgets import QApplication

from factories import person, planned_course
from traumefokus.domain.session_note import CheckIn, NoteDraft, WorksheetUse
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
    # under the words of the form, as the therapist saw them, never the draft's field names
    assert kept.text.toPlainText().startswith("[Hvordan har du det?]\nMine egne ord, og flere")
    assert "check_in" not in kept.text.toPlainText()
    assert "Mine egne ord, og flere" in QApplication.clipboard().text()
    runner.pages[0].feeling.setPlainText("Jonas' ord. Mine egne ord, og flere")
    runner.save_now()
    assert runner.saver.flush() and runner.saver.conflict_of(s3) is None
    assert open_note(therapist, s3).draft.check_in.feeling == "Jonas' ord. Mine egne ord, og flere"


def test_the_kept_text_names_each_field_as_the_form_does(qtbot, window, admin, therapist):
    from traumefokus.ui.edit_conflict import typed_text

    client = add_client(admin, "K-0002")
    course_id = planned_course(therapist, client.id, start=date(2026, 1, 5))
    s3 = next(s.id for s in view_course(therapist, course_id).sessions if s.number == 3)
    window.open_session(s3)
    runner = window.runner
    labels = runner.guard.labels()
    assert labels["check_in.unsafe_behaviour"] == "Anden usikker adfærd"  # its row's label
    assert labels["check_in.substances"] == "Hvad, og hvor meget"  # no label: its hint
    assert labels["check_out.takeaway"] == "Hvad klienten tager med sig"
    assert labels["quote.understanding"] == "Hvad klienten tror, det betyder"
    note = runner.note
    sheet = note.theme.worksheets[0]
    draft = NoteDraft(
        check_in=CheckIn(unsafe_behaviour="Kørte bil"),
        worksheets=[WorksheetUse(id=sheet.id, note="Godt arbejde")],
    )
    text = typed_text(draft, runner.guard.titles(), labels)
    assert text == (
        "[Anden usikker adfærd]\nKørte bil\n\n"
        f"[{sheet.title} › Notat til dette arbejdsark]\nGodt arbejde"
    )


def test_reload_keeps_the_session_clock_and_the_point_on_screen(
    qtbot, window, admin, therapist, fake_clock
):
    colleague = person(admin, "jonas.k", "therapist", full_name="Jonas Krogh")
    client = add_client(admin, "K-0003")
    course_id = planned_course(therapist, client.id, start=date(2026, 1, 5))
    grant_cover(therapist, course_id, colleague.actor.id)
    s3 = next(s.id for s in view_course(therapist, course_id).sessions if s.number == 3)
    window.open_session(s3)
    runner = window.runner
    fake_clock.now += 250  # on the check-in
    runner.go_to(1)
    runner.save_now()
    assert runner.saver.flush()
    save_draft(colleague, s3, NoteDraft(check_in=CheckIn(feeling="Jonas' ord")),
               version=open_note(colleague, s3).version)  # fmt: skip
    fake_clock.now += 130  # on the quote, while the colleague's save waits
    runner.pages[1].understanding.setPlainText("At finde ly først")
    runner._tick()
    runner.saver.flush()
    qtbot.waitUntil(lambda: runner.guard.bar.isVisible())
    before = dict(runner.agenda.seconds)
    assert sum(before.values()) == 380
    runner.guard.bar.reload_button.click()
    assert runner.pages[0].feeling.toPlainText() == "Jonas' ord"
    assert runner.current == 1  # still on the quote
    assert runner.agenda.seconds == before  # the clock goes on from where it was
    assert runner.session_clock.text().startswith("6:20 af 60")
    fake_clock.now += 10
    runner._tick()
    assert sum(runner.agenda.seconds.values()) == 390
    runner.save_now()
    assert runner.saver.flush()
    assert sum(open_note(therapist, s3).draft.agenda_seconds.values()) == 390
