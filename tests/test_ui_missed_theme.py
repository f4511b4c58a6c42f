"""The missed-theme question on the course page: asked at once when a trauma session is
recorded as not held, answered or left for later (then a line on the page, and on the
client list, says which theme is still open), and a course with an open theme is not
completed."""

from datetime import date, time

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QMessageBox, QPushButton

from factories import planned_course
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.overview import list_clients
from traumefokus.services.planning import record_attendance
from traumefokus.services.session_notes import sign_note
from traumefokus.ui.client_models import ClientTableModel
from traumefokus.ui.course_dialogs import AttendanceDialog, EndCourseDialog
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.missed_theme import MissedThemeDialog
from ui_helpers import make_context

START = date(2026, 1, 5)


@pytest.fixture
def ctx(db, therapist, workspace):
    return make_context(workspace, "da", acting=therapist)


@pytest.fixture
def course_id(db, admin, therapist):
    client = add_client(admin, "K-0050")
    return planned_course(therapist, client.id, start=START, at=time(10))


@pytest.fixture
def page(qtbot, ctx, course_id):
    widget = CoursePage(ctx)
    qtbot.addWidget(widget)
    widget.show_course(course_id)
    return widget


class Answers:
    """Stands in for the user at each dialog the page opens: `answer(dialog)` fills it in
    and returns whether to accept."""

    def __init__(self, monkeypatch, **answers):
        self.seen: list[QDialog] = []
        self.answers = answers

        def run(dialog: QDialog) -> int:
            self.seen.append(dialog)
            answer = self.answers.get(type(dialog).__name__)
            if answer is None or not answer(dialog):
                dialog.reject()
            else:
                dialog.accept()
            return dialog.result()

        monkeypatch.setattr(QDialog, "exec", run)


def no_show(dialog: AttendanceDialog) -> bool:
    for button in dialog.choices.buttons():
        button.setChecked(button.property("attendance") == "no_show")
    return True


def select_number(page, number):
    row = next(i for i, s in enumerate(page.course.sessions) if s.number == number)
    page.timeline.selectRow(row)


def test_recording_a_no_show_asks_at_once_and_the_theme_moves_on(
    qtbot, ctx, page, course_id, monkeypatch
):
    def defer(dialog: MissedThemeDialog) -> bool:
        assert dialog.defer.isChecked()  # moving it on is the default
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert any("blev ikke afholdt (Udeblevet)" in text for text in texts), texts
        return True

    answers = Answers(monkeypatch, AttendanceDialog=no_show, MissedThemeDialog=defer)
    select_number(page, 3)
    page.buttons["attendance"].click()
    assert [type(d).__name__ for d in answers.seen] == ["AttendanceDialog", "MissedThemeDialog"]
    course = view_course(ctx.acting, course_id)
    [extra] = [s for s in course.sessions if s.extra]
    assert extra.theme_id == "safety"
    assert course.history[-1].kind == "theme_deferred"
    assert page.missed.isHidden()


def test_dropping_needs_a_reason_and_keeps_the_dialog_open(
    qtbot, ctx, page, course_id, monkeypatch
):
    record_attendance(ctx.acting, page.course.sessions[3].id, "cancelled_client")
    page.show_course(course_id)
    [waiting] = page.course.awaiting_decision
    dialog = MissedThemeDialog(ctx, page.course, waiting, *page._content(), page)
    qtbot.addWidget(dialog)
    dialog.drop.setChecked(True)
    assert dialog.reason.placeholderText() == "Skal udfyldes: hvorfor temaet droppes"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Rejected  # not accepted: the reason is missing
    assert dialog.problem.text() == "Skriv hvorfor temaet droppes."
    qtbot.keyClicks(dialog.reason, "Klienten ønsker ikke temaet")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert view_course(ctx.acting, course_id).dropped_themes == {
        "safety": "Klienten ønsker ikke temaet"
    }


def test_replacing_offers_only_themes_not_chosen(qtbot, ctx, page, course_id):
    record_attendance(ctx.acting, page.course.sessions[3].id, "no_show")
    page.show_course(course_id)
    dialog = MissedThemeDialog(ctx, page.course, page.course.awaiting_decision[0], *page._content())
    qtbot.addWidget(dialog)
    offered = {dialog.theme.itemData(i) for i in range(dialog.theme.count())}
    assert offered and not offered & set(page.course.chosen_themes)
    assert not dialog.theme.isEnabled()
    dialog.replace.setChecked(True)
    assert dialog.theme.isEnabled()
    dialog.theme.setCurrentIndex(dialog.theme.findData("anger"))
    dialog.accept()
    course = view_course(ctx.acting, course_id)
    assert "anger" in course.chosen_themes and "safety" not in course.chosen_themes


def test_decided_later_the_theme_stays_open_on_the_page_and_the_client_list(
    qtbot, ctx, page, course_id, monkeypatch
):
    answers = Answers(monkeypatch, AttendanceDialog=no_show)  # "Decide later" at the question
    select_number(page, 3)
    page.buttons["attendance"].click()
    assert [type(d).__name__ for d in answers.seen] == ["AttendanceDialog", "MissedThemeDialog"]
    assert not page.missed.isHidden()
    [line] = [label.text() for label in page.missed.findChildren(QLabel)]
    assert "Tema stadig åbent: Sikkerhed" in line
    model = ClientTableModel()
    model.set_rows(list_clients(ctx.acting, START))
    assert "temaer stadig åbne: 1" in model.cell(model.rows[0], 2)

    answers.answers["MissedThemeDialog"] = lambda dialog: True  # the default: move it on
    [decide] = page.missed.findChildren(QPushButton)
    decide.click()
    assert page.missed.isHidden()
    model.set_rows(list_clients(ctx.acting, START))
    assert "åbne" not in model.cell(model.rows[0], 2)


def test_a_course_with_an_open_theme_is_not_completed_from_the_page(
    qtbot, ctx, page, course_id, monkeypatch
):
    for s in page.course.sessions:
        if s.follow_up_month is None:
            sign_note(
                ctx.acting,
                s.id,
                attendance="no_show" if s.number == 3 else "held",
                day=s.planned_date,
            )
    page.show_course(course_id)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = EndCourseDialog(ctx, page.course, page.end_reasons(), page)
    qtbot.addWidget(dialog)
    assert dialog.completed.isChecked()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert "Sikkerhed" in warnings[0] and "hverken afholdt eller droppet" in warnings[0]
    assert view_course(ctx.acting, course_id).status == "active"


def test_a_supervisor_clears_a_flag_from_the_page_with_a_note(
    qtbot, db, admin, therapist, workspace, course_id
):
    from factories import person
    from traumefokus.services.safety_flags import open_flags, raise_safety_flag
    from traumefokus.ui.clear_flag import ClearFlagDialog

    three = view_course(therapist, course_id).sessions[3]
    raise_safety_flag(therapist, three.id, "Kørte bil påvirket")
    supervisor = person(admin, "sup", "supervisor")
    page = CoursePage(make_context(workspace, "da", acting=supervisor))
    qtbot.addWidget(page)
    page.show_course(course_id)
    [flag] = open_flags(supervisor, course_id)
    dialog = ClearFlagDialog(page.ctx, flag, page)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert (
        dialog.problem.text() == "Skriv hvad der er gjort ved det, før du rydder sikkerhedsflaget."
    )
    assert open_flags(supervisor, course_id)  # still raised
    qtbot.keyClicks(dialog.note, "Sikkerhedsplan lagt")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert open_flags(supervisor, course_id) == []


def mnemonic(text: str) -> str | None:
    """The letter Alt reaches in a label: the one after a single "&"."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None


@pytest.mark.parametrize("role", ["therapist", "admin"])
def test_the_course_pages_shortcut_letters_do_not_clash_with_the_menus(
    qtbot, db, request, workspace, course_id, role
):
    """Alt+letter on the course page reaches one button, never a menu of the window (in
    Danish "&Fremmøde" once opened the File menu)."""
    from ui_helpers import signed_in_window

    window = signed_in_window(make_context(workspace, "da", acting=request.getfixturevalue(role)))
    qtbot.addWidget(window)
    window.open_course(course_id)
    menus = [mnemonic(a.text()) for a in window.menuBar().actions() if a.isVisible()]
    buttons = [mnemonic(b.text()) for b in window.course_page.findChildren(QPushButton)]
    letters = [m for m in menus + buttons if m]
    clashes = {m for m in letters if letters.count(m) > 1}
    assert not clashes, clashes


def test_signing_a_no_show_on_the_session_screen_asks_about_the_theme_on_leaving(
    qtbot, db, therapist, workspace, course_id, monkeypatch
):
    from traumefokus.ui.runner_dialogs import SignDialog
    from ui_helpers import signed_in_window

    def signed_no_show(dialog: SignDialog) -> bool:
        for button in dialog.choices.buttons():
            button.setChecked(button.property("attendance") == "no_show")
        return True

    answers = Answers(monkeypatch, SignDialog=signed_no_show, MissedThemeDialog=lambda d: True)
    window = signed_in_window(make_context(workspace, "da", acting=therapist))
    qtbot.addWidget(window)
    window.open_course(course_id)
    three = view_course(therapist, course_id).sessions[3]
    window.open_session(three.id)  # from the course page
    window.runner.sign()
    window.runner.leave()
    assert [type(d).__name__ for d in answers.seen][-2:] == ["SignDialog", "MissedThemeDialog"]
    course = view_course(therapist, course_id)
    assert course.history[-1].kind == "theme_deferred"
    assert window.pages.currentWidget() is window.course_page
    assert window.course_page.missed.isHidden()


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_choice_of_the_question_has_its_own_alt_letter(
    qtbot, db, therapist, workspace, course_id, language
):
    ctx = make_context(workspace, language, acting=therapist)
    three = view_course(therapist, course_id).sessions[3]
    record_attendance(therapist, three.id, "no_show")
    page = CoursePage(ctx)
    qtbot.addWidget(page)
    page.show_course(course_id)
    dialog = MissedThemeDialog(ctx, page.course, page.course.awaiting_decision[0], *page._content())
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    letters = [m for m in map(mnemonic, texts) if m]
    assert len(letters) >= 6 and len(set(letters)) == len(letters), texts


def test_signing_on_the_session_screen_starts_a_backup_if_one_is_due(
    qtbot, db, therapist, workspace, course_id, monkeypatch
):
    from traumefokus.ui import auto_backup
    from ui_helpers import signed_in_window

    started = []
    monkeypatch.setattr(auto_backup, "backup_soon", lambda ctx, anchor: started.append(ctx))
    Answers(monkeypatch, SignDialog=lambda d: True, MissedThemeDialog=lambda d: True)
    window = signed_in_window(make_context(workspace, "da", acting=therapist))
    qtbot.addWidget(window)
    window.open_course(course_id)
    window.open_session(view_course(therapist, course_id).sessions[3].id)
    assert started == []
    window.runner.sign()
    assert started == [window.runner.ctx]
