"""The session screen, as a therapist uses it: keyboard first."""

from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from traumefokus.documents.kinds import DocumentKind
from traumefokus.domain.session_note import WorksheetUse
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import create_course, view_course
from traumefokus.services.session_notes import add_addendum, open_note, save_draft, sign_note

THEMES = ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"]


@pytest.fixture
def course(db, admin, therapist, workspace):
    client = add_client(admin, "K-0001")
    course_id = create_course(
        therapist,
        client_id=client.id,
        therapist_id=therapist.actor.id,
        programme_id="move-ss",
        start=date(2026, 1, 5),
        weekday=0,
        at=time(10, 0),
    )
    planning.choose_themes(therapist, course_id, THEMES)
    return view_course(therapist, course_id)


def session_id(course, number):
    return next(s.id for s in course.sessions if s.number == number)


def typed(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot, code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), code, modifier)


def test_an_extra_session_is_named_by_its_kind_once(window, therapist, course):
    extra = planning.add_extra_session(
        therapist, course.id, kind="trauma", theme="anger", day=date(2026, 3, 30), at=None
    )
    window.open_session(extra)
    assert window.runner.title.text() == "K-0001 · Traumefokuseret · At hele fra vrede"


def test_a_whole_trauma_session_by_keyboard_alone(qtbot, window, course, fake_clock):
    s3 = session_id(course, 3)
    window.open_session(s3)
    runner = window.runner
    assert runner.title.text() == "K-0001 · Session 3 · Sikkerhed"
    page = runner.pages[0]
    assert QApplication.focusWidget() is page.feeling
    typed(qtbot, "Træt, men her")
    key(qtbot, Qt.Key.Key_Tab)  # the 0-10 scale
    typed(qtbot, "4")
    fake_clock.now += 250
    key(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert runner.body.currentIndex() == 1
    typed(qtbot, "At finde ly først")
    fake_clock.now += 300
    key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert runner.body.currentIndex() == 2
    theme = runner.pages[2]
    assert QApplication.focusWidget() is theme.table
    key(qtbot, Qt.Key.Key_Space)  # ticks the first worksheet as worked on
    key(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "Lavede listen sammen")
    fake_clock.now += 2100
    key(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert runner.body.currentIndex() == 3
    typed(qtbot, "Min plan for weekenden")
    checkout = runner.pages[3]
    checkout.commitment.setFocus()
    typed(qtbot, "Ringe til min søster onsdag")
    fake_clock.now += 400

    QTimer.singleShot(
        0, lambda: qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return)
    )
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    note = open_note(window.ctx.acting, s3)
    assert note.signed and note.session.attendance == "held"
    assert note.draft.check_in.feeling == "Træt, men her"
    assert note.draft.check_in.feeling_score == 4
    assert note.draft.quote.understanding == "At finde ly først"
    assert [(w.id, w.note) for w in note.draft.worksheets] == [
        ("safe-and-unsafe", "Lavede listen sammen")
    ]
    assert note.draft.check_out.takeaway == "Min plan for weekenden"
    assert note.draft.commitment == "Ringe til min søster onsdag"
    assert note.draft.agenda_seconds == {
        "check_in": 250,
        "quote": 300,
        "theme": 2100,
        "check_out": 400,
    }
    assert runner.pages[0].feeling.isReadOnly()  # signed: read only, still legible
    assert window.ctx.mine.get("open_session") is None


def test_typing_in_a_worksheets_note_goes_on_after_its_text(qtbot, window, course, therapist):
    s3 = session_id(course, 3)
    draft = open_note(therapist, s3).draft
    draft.worksheets = [
        WorksheetUse("safe-and-unsafe", note="Lavede listen"),
        WorksheetUse("hard-day-plan", note="Planen"),
    ]
    save_draft(therapist, s3, draft)
    window.open_session(s3)
    runner = window.runner
    runner.go_to(2)
    theme = runner.pages[2]
    assert QApplication.focusWidget() is theme.table
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is theme.note
    typed(qtbot, " sammen")
    assert theme.note.toPlainText() == "Lavede listen sammen"
    theme.table.setFocus()
    key(qtbot, Qt.Key.Key_Down)  # the next worksheet's note comes up
    key(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, " til weekenden")
    assert theme.note.toPlainText() == "Planen til weekenden"


def test_the_draft_saves_itself_within_two_seconds(qtbot, window, course):
    s3 = session_id(course, 3)
    window.open_session(s3)
    assert window.ctx.mine.get("open_session") == {"session": s3, "point": "check_in"}
    typed(qtbot, "Urolig")
    timer = window.runner.save_timer  # each keystroke starts it again; its timeout saves
    assert timer.isActive() and timer.isSingleShot() and timer.interval() < 2000
    # The pause after the last keystroke has passed: the timer is fired here, not waited for,
    # so that a busy machine cannot make the test race the two seconds.
    timer.timeout.emit()
    assert not timer.isActive()  # the draft went to the saver, nothing waits any more
    assert window.saver.flush()
    assert open_note(window.ctx.acting, s3).draft.check_in.feeling == "Urolig"
    qtbot.waitUntil(lambda: window.runner.saved_label.text().startswith("Gemt "))


def test_pace_hints_are_calm_and_timely(qtbot, window, course, fake_clock):
    window.open_session(session_id(course, 3))
    runner = window.runner
    fake_clock.now += 5 * 60 + 5
    runner._tick()
    assert runner.pace_hint.full_text() == "Tjek-ind: 5 min – målet er 5 min."
    runner.go_to(2)
    fake_clock.now += 40 * 60
    runner._tick()
    assert runner.pace_hint.full_text() == "Temaets tid er gået: 15 min tilbage til tjek-ud."


def test_show_to_client_shows_the_quote_then_a_worksheet(qtbot, window, course):
    window.open_session(session_id(course, 3))
    runner = window.runner
    runner.go_to(1)
    key(qtbot, Qt.Key.Key_F5)
    screen = runner.client_screen
    qtbot.addWidget(screen)
    assert screen.isVisible()
    assert "Man bygger ikke et hus midt i stormen" in screen.text.toPlainText()
    runner.go_to(2)
    runner.pages[2].table.selectRow(1)
    runner.show_to_client()
    assert screen.text.toPlainText().startswith("Min plan for en svær dag")
    assert "Planen skal kunne bruges" not in screen.text.toPlainText()  # never guidance
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()


def test_a_signed_note_shows_its_addenda_and_stays_locked(qtbot, window, course, db, therapist):
    s3 = session_id(course, 3)
    sign_note(therapist, s3, attendance="held", day=date(2026, 1, 26))
    add_addendum(therapist, s3, "Aftalen flyttet til torsdag.")
    window.open_session(s3)
    runner = window.runner
    assert runner.signed_panel.isVisibleTo(runner)
    assert runner.addenda.item(0).text().endswith("mette.h\nAftalen flyttet til torsdag.")
    assert not runner.footer.sign_button.isVisibleTo(runner)
    assert window.ctx.mine.get("open_session") is None


def test_a_draft_left_open_is_reopened_and_says_so(qtbot, window, course, db, therapist):
    s3 = session_id(course, 3)
    from traumefokus.domain.session_note import NoteDraft

    draft = NoteDraft()
    draft.check_in.feeling = "Skrevet før nedbruddet"
    save_draft(therapist, s3, draft)
    window.ctx.mine.set("open_session", {"session": s3, "point": "quote"})
    window.recover_open_session()
    runner = window.runner
    assert window.pages.currentWidget() is runner
    assert "ikke lukket rigtigt" in runner.notice.text()
    assert runner.pages[0].feeling.toPlainText() == "Skrevet før nedbruddet"
    assert runner.current == 1  # on the agenda point they were on


def test_a_move_session_has_a_notes_page_per_agenda_point(qtbot, window, course):
    window.open_session(session_id(course, 1))
    runner = window.runner
    assert [b.text().split("  ")[0] for b in runner.agenda_buttons] == [
        "Tjek-ind og TEM",
        "Dagens emne",
        "Afrunding og aftaler",
    ]
    typed(qtbot, "Talte om ugen")
    runner.save_now()
    window.saver.flush()
    note = open_note(window.ctx.acting, session_id(course, 1))
    assert note.draft.notes == {"check_in": "Talte om ugen"}


def test_ctrl_p_prints_the_handout_or_where_there_is_none_the_note(
    qtbot, window, course, monkeypatch
):
    from traumefokus.ui import printing

    asked = []

    class Shown:
        def exec(self):
            return 0

        def deleteLater(self):
            pass

    monkeypatch.setattr(
        printing, "session_preview", lambda _c, kind, *_a: asked.append(kind) or Shown()
    )
    for number in (3, 1):  # a trauma session with its theme, then a MOVE session
        window.open_session(session_id(course, number))
        key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [DocumentKind.HANDOUT, DocumentKind.NOTE]
    footer = window.runner.footer
    assert not footer.handout_action.isEnabled()
    assert footer.note_action.text() == "Sessions&note… (Ctrl+P)"


def test_leaving_saves_and_forgets_the_open_session(qtbot, window, course):
    s3 = session_id(course, 3)
    window.open_session(s3)
    typed(qtbot, "Glad")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is not window.runner
    assert window.ctx.mine.get("open_session") is None
    assert open_note(window.ctx.acting, s3).draft.check_in.feeling == "Glad"


def test_the_worksheet_table_keeps_its_column_titles_whole(qtbot, window, course):
    """ "Arbejdet med" and "Udleveret" beside a long worksheet title: never cut short."""
    window.open_session(session_id(course, 3))
    table = window.runner.pages[2].table
    table.window().resize(1024, 600)
    qtbot.wait(10)
    header = table.horizontalHeader()
    for column in (0, 2):  # as wide as the title with the header's own margins needs
        title = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= header.sectionSizeHint(column), title
