"""The session screen, corrected (issue 11): a deliberate safety flag, a pace hint with a
fixed place, a signed note that looks read-only and says why, and the question when a
session planned for another day is opened."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
)

from factories import planned_course
from traumefokus.domain.session_note import NoteDraft, WorksheetUse
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.safety_flags import open_flags
from traumefokus.services.session_notes import open_note, save_draft, sign_note
from traumefokus.ui.flag_dialog import FlagDialog
from traumefokus.ui.forms import day_label, to_qdate
from traumefokus.ui.read_only import TYPING_HINT
from traumefokus.ui.runner_dialogs import SignDialog
from traumefokus.ui.session_day import DayDialog
from traumefokus.ui.style import READ_ONLY_PROPERTY, read_only_field
from ui_helpers import make_context, signed_in_window

TODAY = date.today()


@pytest.fixture(autouse=True)
def _same_day():
    """These tests compare with the program's own today: across midnight they would ask a
    question no one answers (and wait for ever), so a suite that runs past midnight skips
    them instead."""
    if date.today() != TODAY:
        pytest.skip("the day changed while the tests ran")


INPUTS = (QPlainTextEdit, QLineEdit, QAbstractSpinBox, QRadioButton, QCheckBox, QComboBox)


@pytest.fixture
def course(db, admin, therapist):
    """A course that started ten weeks ago: session 3 lies in the past."""
    client = add_client(admin, "K-0001")
    return planned_course(therapist, client.id, start=TODAY - timedelta(weeks=10))


def session_id(therapist, course_id, number):
    return next(s.id for s in view_course(therapist, course_id).sessions if s.number == number)


def planned_for(therapist, course_id, number, day):
    """Session `number`, planned for `day`."""
    sid = session_id(therapist, course_id, number)
    current = next(s for s in view_course(therapist, course_id).sessions if s.id == sid)
    if current.planned_date != day:
        planning.reschedule(therapist, sid, day=day, at=current.planned_time)
    return sid


def when_modal(qtbot, act, *, expected=True):
    """Run `act(dialog)` on the modal dialog that the next step opens (with `expected`
    False: if it opens one)."""

    def run():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None or not expected, "no dialog opened"
        if dialog is not None:
            act(dialog)

    QTimer.singleShot(0, run)


def key(qtbot, code, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), code, modifier)


def test_opening_a_session_leaves_the_keyboard_in_its_first_field(qtbot, window, therapist, course):
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_session(planned_for(therapist, course, 3, TODAY))
    QApplication.processEvents()  # no part of the page flashes up as a window of its own
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is window.runner.pages[0].feeling


def test_typing_in_a_reopened_draft_goes_on_after_its_text(qtbot, window, therapist, course):
    """The cursor of every text field starts after the draft's text, also on later points."""
    sid = planned_for(therapist, course, 3, TODAY)
    draft = NoteDraft()
    draft.check_in.feeling = "Uroligt"
    draft.quote.understanding = "At kroppen"
    save_draft(therapist, sid, draft)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_session(sid)
    runner = window.runner
    qtbot.keyClicks(QApplication.focusWidget(), " og træt")
    assert runner.pages[0].feeling.toPlainText() == "Uroligt og træt"
    runner.go_to(1)
    assert QApplication.focusWidget() is runner.pages[1].understanding
    qtbot.keyClicks(QApplication.focusWidget(), " husker")
    assert runner.pages[1].understanding.toPlainText() == "At kroppen husker"


def test_a_signed_note_is_read_from_the_start_of_each_text(qtbot, window, therapist, course):
    s3 = planned_for(therapist, course, 3, TODAY)
    draft = NoteDraft()
    draft.check_in.feeling = "\n".join(f"Linje {n}" for n in range(40))  # longer than the field
    draft.worksheets = [WorksheetUse("hard-day-plan", note="Planen")]
    save_draft(therapist, s3, draft)
    sign_note(therapist, s3, attendance="held", day=TODAY)
    window.open_session(s3)
    feeling = window.runner.pages[0].feeling
    assert feeling.textCursor().position() == 0
    assert feeling.verticalScrollBar().value() == 0
    theme = window.runner.pages[2]
    theme.table.setCurrentCell(1, theme.WORKED)  # another worksheet's note comes up
    assert theme.note.textCursor().position() == 0


# --- 1. raising a flag is deliberate ------------------------------------------------------
@pytest.fixture
def check_in(qtbot, window, therapist, course):
    """The check-in of session 3 (planned today), with something unsafe typed, and the
    keyboard on the flag button."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_session(planned_for(therapist, course, 3, TODAY))
    page = window.runner.pages[0]
    page.unsafe.setPlainText("Kørte bil efter at have drukket")
    page.flag_button.setFocus()
    assert QApplication.focusWidget() is page.flag_button
    return page


def test_space_on_the_flag_button_opens_the_dialog_and_raises_nothing(
    qtbot, window, therapist, course, check_in
):
    seen = {}

    def look(dialog):
        seen["dialog"] = type(dialog)
        seen["text"] = dialog.text.toPlainText()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)  # typing starts here
        seen["labels"] = (dialog.ok_button.text(), dialog.buttons.buttons()[-1].text())
        qtbot.keyClick(dialog.text, Qt.Key.Key_Space)  # a second Space: a space, no flag
        seen["after_space"] = dialog.text.toPlainText()
        assert dialog.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(qtbot, look)
    key(qtbot, Qt.Key.Key_Space)
    assert seen["dialog"] is FlagDialog
    assert seen["text"] == "Kørte bil efter at have drukket"  # prefilled from the field
    assert seen["after_space"] == "Kørte bil efter at have drukket "
    assert open_flags(therapist, course) == []
    qtbot.waitUntil(lambda: QApplication.focusWidget() is check_in.flag_button)
    assert not window.runner.flags.isVisibleTo(window.runner)


def test_the_dialog_speaks_danish(qtbot, window, check_in):
    labels = {}

    def look(dialog):
        labels["buttons"] = sorted(b.text() for b in dialog.buttons.buttons())
        labels["title"] = dialog.windowTitle()
        dialog.reject()

    when_modal(qtbot, look)
    check_in.flag_button.click()
    assert labels == {
        "buttons": ["Annuller", "Sæt flaget"],
        "title": "Sæt et sikkerhedsflag",
    }


def test_cancel_raises_nothing_and_gives_the_focus_back(qtbot, window, therapist, course, check_in):
    def cancel(dialog):
        dialog.text.setPlainText("Noget andet")
        qtbot.mouseClick(dialog.buttons.buttons()[-1], Qt.MouseButton.LeftButton)

    when_modal(qtbot, cancel)
    key(qtbot, Qt.Key.Key_Space)
    assert open_flags(therapist, course) == []
    assert check_in.unsafe.toPlainText() == "Kørte bil efter at have drukket"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is check_in.flag_button)


def test_confirm_raises_one_flag_with_the_edited_text(qtbot, window, therapist, course, check_in):
    def confirm(dialog):
        dialog.text.setPlainText("Kører bil påvirket – aftalt at tage bussen")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, confirm)
    key(qtbot, Qt.Key.Key_Space)
    [flag] = open_flags(therapist, course)
    assert flag.text == "Kører bil påvirket – aftalt at tage bussen"
    runner = window.runner
    assert runner.flags.isVisibleTo(runner)
    assert "Kører bil påvirket – aftalt at tage bussen" in runner.flags.text()
    # the same page, the same button
    qtbot.waitUntil(lambda: QApplication.focusWidget() is check_in.flag_button)
    assert runner.pages[0] is check_in


def test_an_empty_flag_cannot_be_confirmed(qtbot, window, therapist, course, check_in):
    check_in.unsafe.setPlainText("   ")
    seen = []

    def look(dialog):
        seen.append(dialog.ok_button.isEnabled())
        dialog.text.setPlainText("Truet af en bekendt")
        seen.append(dialog.ok_button.isEnabled())
        dialog.text.setPlainText(" \n ")
        seen.append(dialog.ok_button.isEnabled())
        dialog.accept()  # as Return would: refused while there is nothing to say
        seen.append(dialog.isVisible())
        dialog.reject()

    when_modal(qtbot, look)
    check_in.flag_button.click()
    assert seen == [False, True, False, True]
    assert open_flags(therapist, course) == []


# --- 2 and 3. the pace hint: a fixed place, over by N minutes, the theme's minimum -----------
def content_geometry(runner):
    """Where the point's content is on the screen: the area that shows it (the body, or what
    holds it on the runner), its first field, and the hint's own place."""
    QApplication.processEvents()
    area = runner.body
    while area.parentWidget() is not runner:
        area = area.parentWidget()
    field = runner.pages[runner.current].first_field()
    return (
        area.geometry(),
        field.mapTo(runner, QPoint(0, 0)),
        field.size(),
        runner.pace_hint.geometry(),
    )


def test_the_pace_hint_never_moves_the_points_fields(qtbot, window, therapist, course, fake_clock):
    window.open_session(planned_for(therapist, course, 3, TODAY))
    runner = window.runner
    before = content_geometry(runner)
    assert runner.pace_hint.full_text() == ""
    fake_clock.now += 7 * 60 + 10
    runner._tick()
    assert runner.pace_hint.full_text() == "Tjek-ind: 2 min over tiden (højst 5 min)."
    assert content_geometry(runner) == before
    runner.go_to(1)  # saves: "Saved 10:42:07" in the footer moves nothing either
    qtbot.waitUntil(lambda: runner.saved_label.text().startswith("Gemt "))
    assert runner.pace_hint.full_text() == ""
    assert content_geometry(runner)[0] == before[0]


def test_leaving_the_theme_before_its_minimum_says_it_was_cut_short(
    qtbot, window, therapist, course, fake_clock
):
    window.open_session(planned_for(therapist, course, 3, TODAY))
    runner = window.runner
    runner.go_to(2)
    fake_clock.now += 22 * 60
    runner.go_to(3)
    assert runner.pace_hint.full_text() == (
        "Temaet blev kortet af: 22 min, under minimum på 30 min."
    )


def test_the_hint_in_english(qtbot, therapist, workspace, course, fake_clock):
    ctx = make_context(workspace, "en", acting=therapist)
    main = signed_in_window(ctx)
    qtbot.addWidget(main)
    main.show()
    main.open_session(planned_for(therapist, course, 3, TODAY))
    fake_clock.now += 8 * 60
    main.runner._tick()
    assert main.runner.pace_hint.full_text() == "Check-in: over by 3 min (at most 5 min)."
    main.close()


# --- 4. a signed note looks read-only and says why --------------------------------------------
def test_every_field_of_a_signed_note_is_read_only_and_looks_it(qtbot, window, therapist, course):
    s3 = planned_for(therapist, course, 3, TODAY)
    draft = NoteDraft()
    draft.check_in.feeling = "Rolig"
    draft.check_in.substance_use = "none"
    draft.commitment = "Gå en tur"
    save_draft(therapist, s3, draft)
    sign_note(therapist, s3, attendance="held", day=TODAY)
    window.open_session(s3)
    runner = window.runner
    fields = [
        widget
        for page in runner.pages
        for kind in (*INPUTS, QTableWidget)
        for widget in page.findChildren(kind)
        if not isinstance(widget.parent(), QComboBox)  # the combo's own line edit
    ]
    assert len(fields) > 15
    hints = [w for page in runner.pages for w in page.findChildren(QLabel)]
    typing = [w for w in hints if w.property(TYPING_HINT)]
    assert typing and all(w.isHidden() for w in typing)  # "Space ticks" says nothing here
    for widget in fields:
        assert widget.property(READ_ONLY_PROPERTY) is True, widget
        assert read_only_field() in widget.styleSheet(), widget
        if isinstance(widget, QAbstractSpinBox):  # its value keeps its room, legible
            shown = widget.lineEdit()
            assert shown.width() > shown.fontMetrics().horizontalAdvance(shown.text()), widget
        if isinstance(widget, (QPlainTextEdit, QLineEdit, QAbstractSpinBox)):
            assert widget.isReadOnly(), widget
        elif isinstance(widget, QTableWidget):  # browsed still, its ticks fixed
            items = [widget.item(r, c) for r in range(widget.rowCount()) for c in (0, 2)]
            assert items and not any(i.flags() & Qt.ItemFlag.ItemIsUserCheckable for i in items)
        else:
            assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus, widget
    check_in = runner.pages[0]
    none_button = next(b for b in check_in.substance_use.buttons() if b.property("value") == "none")
    some_button = next(b for b in check_in.substance_use.buttons() if b != none_button)
    runner.go_to(0)
    # a click where the button is, as the window system delivers it
    qtbot.mouseClick(
        window.windowHandle(),
        Qt.MouseButton.LeftButton,
        pos=some_button.mapTo(window, some_button.rect().center()),
    )
    assert none_button.isChecked() and not some_button.isChecked()  # a click changes nothing
    assert not check_in.flag_button.isVisibleTo(runner)
    check_out = runner.pages[3]
    runner.go_to(3)
    qtbot.keyClicks(check_out.commitment, "x")
    assert check_out.commitment.currentText() == "Gå en tur"
    assert runner.read_only.isVisibleTo(runner)
    assert runner.read_only.text() == (
        "Kun læseadgang: notatet er underskrevet; rettelser tilføjes som daterede tillæg."
    )


def test_an_unsigned_note_keeps_the_ordinary_look(qtbot, window, therapist, course):
    window.open_session(planned_for(therapist, course, 3, TODAY))
    runner = window.runner
    assert runner.pages[0].feeling.property(READ_ONLY_PROPERTY) is None
    assert not runner.pages[0].feeling.isReadOnly()
    assert not runner.read_only.isVisibleTo(runner)


def test_a_supervisor_reads_a_note_with_the_reason_at_the_top(
    qtbot, admin, therapist, workspace, course
):
    from factories import person

    supervisor = person(admin, "sup", "supervisor")
    s3 = session_id(therapist, course, 3)  # an earlier day's, nothing written
    ctx = make_context(workspace, "da", acting=supervisor)
    main = signed_in_window(ctx)
    qtbot.addWidget(main)
    main.show()
    asked = []
    when_modal(qtbot, lambda dialog: (asked.append(dialog), dialog.reject()), expected=False)
    main.open_session(s3, ask=True)
    assert asked == []  # no question about the day: she does not write notes
    runner = main.runner
    assert not runner.editable
    assert runner.read_only.text() == (
        "Kun læseadgang: som supervisor læser du notater, men skriver dem ikke."
    )
    assert runner.pages[0].feeling.isReadOnly()
    assert runner.pages[0].feeling.property(READ_ONLY_PROPERTY) is True
    main.close()


# --- 5. a session planned for another day -----------------------------------------------------
def press(name):
    return lambda dialog: getattr(dialog, name).click()


def test_a_session_planned_for_today_opens_at_once(qtbot, window, therapist, course):
    s3 = planned_for(therapist, course, 3, TODAY)
    window.open_session(s3, ask=True)  # no dialog: it would wait for ever
    runner = window.runner
    assert window.pages.currentWidget() is runner
    assert runner.editable and runner.ticker.isActive()


def test_held_today_moves_a_later_session_to_today_with_a_plan_history_entry(
    qtbot, window, therapist, course
):
    later = TODAY + timedelta(days=3)
    s3 = planned_for(therapist, course, 3, later)
    seen = {}

    def held_today(dialog):
        seen["type"] = type(dialog)
        seen["text"] = dialog.text()
        seen["write_up"] = dialog.write_up
        dialog.today.click()

    when_modal(qtbot, held_today)
    window.open_course(course)
    window.course_page.open_session.emit(s3)  # as "Open session" on the course page does
    assert seen["type"] is DayDialog and seen["write_up"] is None
    assert seen["text"] == f"Denne session er planlagt til {day_label(later)}, ikke i dag."
    runner = window.runner
    assert window.pages.currentWidget() is runner
    assert runner.editable and runner.ticker.isActive()
    view = view_course(therapist, course)
    assert next(s for s in view.sessions if s.id == s3).planned_date == TODAY
    moved = view.history[-1]
    assert moved.kind == "rescheduled"
    assert moved.reason == "Afholdt i dag; flyttet da sessionen blev åbnet"
    assert not runner.read_only.isVisibleTo(runner)


def test_held_today_never_moves_a_session_a_colleague_moved_meanwhile(
    qtbot, window, admin, therapist, course, monkeypatch
):
    from factories import person
    from traumefokus.services.course_team import grant_cover

    later, theirs = TODAY + timedelta(days=3), TODAY + timedelta(days=5)
    s3 = planned_for(therapist, course, 3, later)
    colleague = person(admin, "jonas.k", "therapist")
    grant_cover(therapist, course, colleague.actor.id)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))

    def moved_meanwhile_then_held_today(dialog):
        try:
            planning.reschedule(colleague, s3, day=theirs, at=None, reason="Ferie")
        finally:
            dialog.today.click()

    when_modal(qtbot, moved_meanwhile_then_held_today)
    window.open_course(course)
    window.course_page.open_session.emit(s3)
    assert len(said) == 1 and "jonas.k" in said[0], said  # "changed by jonas.k at HH:MM"
    assert window.pages.currentWidget() is not window.runner
    assert next(s for s in view_course(therapist, course).sessions if s.id == s3).planned_date == (
        theirs
    )


def test_only_look_opens_a_later_session_read_only_and_moves_nothing(
    qtbot, window, therapist, course
):
    later = TODAY + timedelta(days=3)
    s3 = planned_for(therapist, course, 3, later)
    history = len(view_course(therapist, course).history)
    when_modal(qtbot, press("look"))
    window.open_session(s3, ask=True)
    runner = window.runner
    assert window.pages.currentWidget() is runner
    assert not runner.editable and not runner.ticker.isActive()
    assert runner.pages[0].feeling.isReadOnly()
    assert runner.read_only.text() == (
        f"Kun læseadgang: åbnet for at se. Sessionen er planlagt til {day_label(later)}."
    )
    assert not runner.footer.sign_button.isVisibleTo(runner)
    view = view_course(therapist, course)
    assert next(s for s in view.sessions if s.id == s3).planned_date == later
    assert len(view.history) == history
    assert open_note(therapist, s3).session.note_status == "none"  # nothing saved


def test_escape_opens_nothing(qtbot, window, therapist, course):
    s3 = planned_for(therapist, course, 3, TODAY + timedelta(days=3))
    before = window.pages.currentWidget()
    when_modal(qtbot, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    window.open_session(s3, ask=True)
    assert window.pages.currentWidget() is before


def test_return_never_moves_a_session(qtbot, window, therapist, course):
    later = TODAY + timedelta(days=3)
    s3 = planned_for(therapist, course, 3, later)
    when_modal(qtbot, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
    window.open_session(s3, ask=True)
    assert not window.runner.editable  # the default answer is a look
    assert open_note(therapist, s3).session.planned_date == later


def test_an_earlier_session_can_be_written_up_for_its_own_day(
    qtbot, window, therapist, course, fake_clock
):
    s3 = session_id(therapist, course, 3)
    planned = open_note(therapist, s3).session.planned_date
    assert planned < TODAY
    seen = {}

    def write_up(dialog):
        seen["buttons"] = [b.text() for b in dialog.buttons()]
        dialog.write_up.click()

    when_modal(qtbot, write_up)
    window.open_session(s3, ask=True)
    assert len(seen["buttons"]) == 4  # held today, write up, look, cancel
    runner = window.runner
    assert runner.editable and not runner.ticker.isActive()  # no session clock
    assert "Du skriver notatet til en session planlagt til" in runner.notice.text()
    runner.pages[0].feeling.setPlainText("Skrevet dagen efter")
    fake_clock.now += 600
    runner.go_to(1)  # saves
    window.saver.flush()
    note = open_note(therapist, s3)
    assert note.session.planned_date == planned  # not moved
    assert note.draft.check_in.feeling == "Skrevet dagen efter"
    assert note.draft.agenda_seconds == {}  # the minutes of writing are not the session's


def test_an_earlier_session_whose_note_was_begun_opens_for_writing_up_without_a_question(
    qtbot, window, therapist, course
):
    s3 = session_id(therapist, course, 3)
    draft = NoteDraft()
    draft.check_in.feeling = "Begyndt på dagen"
    draft.agenda_seconds = {"check_in": 300}
    save_draft(therapist, s3, draft)
    window.open_session(s3, ask=True)  # no dialog: it would wait for ever
    runner = window.runner
    assert runner.editable and not runner.ticker.isActive()
    assert runner.pages[0].feeling.toPlainText() == "Begyndt på dagen"


def test_held_today_moves_an_earlier_session_too(qtbot, window, therapist, course):
    s3 = session_id(therapist, course, 3)
    when_modal(qtbot, press("today"))
    window.open_session(s3, ask=True)
    assert window.runner.ticker.isActive()
    assert open_note(therapist, s3).session.planned_date == TODAY


# --- the sign dialog says when the date is not today ------------------------------------------
def test_the_sign_dialog_warns_when_the_date_is_not_today(qtbot, window, therapist, course):
    s3 = session_id(therapist, course, 3)
    note = open_note(therapist, s3)
    dialog = SignDialog(window.ctx, note, note.draft, window)
    qtbot.addWidget(dialog)
    dialog.show()
    planned = note.session.planned_date
    assert dialog.day_warning.isVisibleTo(dialog)
    assert dialog.day_warning.text() == (
        f"⚠ Sessionens dato er {day_label(planned)}, ikke i dag. "
        "Tjek, at det er dagen, sessionen blev afholdt."
    )
    dialog.day.setDate(to_qdate(TODAY))
    assert not dialog.day_warning.isVisibleTo(dialog)
    dialog.reject()


def test_the_sign_dialog_has_no_warning_for_todays_session(qtbot, window, therapist, course):
    note = open_note(therapist, planned_for(therapist, course, 3, TODAY))
    dialog = SignDialog(window.ctx, note, note.draft, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.day_warning.isVisibleTo(dialog)
    dialog.reject()
