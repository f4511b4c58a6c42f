"""Signing in, switching user and the idle lock through the windows, and the two holes a
review found: a therapist reaching another therapist's notes, and the next user being handed
the previous user's open draft after a crash."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from conftest import PASSWORD
from factories import person, planned_course
from traumefokus.domain.session_note import NoteDraft
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, save_draft
from traumefokus.settings import Settings
from traumefokus.ui.app import Startup
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.idle_lock import IdleLock, LockCover, UnlockDialog
from traumefokus.ui.sign_in import SignInDialog
from ui_helpers import make_context, signed_in_window

START = date(2026, 1, 5)


@pytest.fixture
def centre(db, admin, therapist):
    """Mette's course for K-0001; Jonas another therapist; a supervisor."""
    jonas = person(admin, "jonas.k", "therapist")
    supervisor = person(admin, "sup", "supervisor")
    client = add_client(admin, "K-0001", display_name="Bo Æblegård")
    course_id = planned_course(therapist, client.id, start=START)
    session_id = next(s.id for s in view_course(therapist, course_id).sessions if s.number == 3)
    return {"jonas": jonas, "sup": supervisor, "course": course_id, "session": session_id}


@pytest.fixture
def start(qtbot, workspace, db):
    """The program starting on the test's data directory, as `traumefokus` does; call it with
    the language and, like --user, a user name."""
    started: list[Startup] = []

    def begin(user=None, password=None, lang="da"):
        ctx = make_context(workspace, lang)
        startup = Startup(ctx, user, password)
        window = startup.first_window()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: startup.settled)
        started.append(startup)
        return startup

    yield begin
    for startup in started:
        if startup.idle_lock is not None:
            startup.idle_lock.stop()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        if startup.ctx.db is not None and startup.ctx.db is not db:
            startup.ctx.db.close()


def sign_in_dialog(qtbot, startup) -> SignInDialog:
    """The sign-in dialog, once it opens over the new window after its first paint."""
    qtbot.waitUntil(lambda: startup.main_window.findChild(SignInDialog) is not None)
    dialog = startup.main_window.findChild(SignInDialog)
    assert dialog.isVisible()
    return dialog


def sign_in_as(qtbot, startup, name, password=PASSWORD):
    dialog = sign_in_dialog(qtbot, startup)
    dialog.name.setText(name)
    dialog.password.setText(password)
    dialog.accept()
    qtbot.waitUntil(lambda: startup.main_window is not None and startup.main_window.began)
    return startup.main_window


# --- signing in ------------------------------------------------------------------------------


def test_nothing_of_the_data_shows_before_signing_in(qtbot, start, centre):
    startup = start()
    window = startup.main_window
    assert not window.began and window.menuBar().actions() == []
    sign_in_dialog(qtbot, startup)
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "Traumefokus" in shown and "K-0001" not in shown and "Bo" not in shown
    assert not hasattr(window, "clients")  # no list of clients was even made
    window = sign_in_as(qtbot, startup, "mette.h")
    assert window.clients.rowCount() == 1


def test_a_wrong_password_on_the_command_line_refuses_the_start(qtbot, start, centre):
    startup = start(user="mette.h", password="not the password at all")
    assert startup.exit_code == 3
    assert not startup.ctx.signed_in


def test_the_right_password_on_the_command_line_opens_the_users_window(qtbot, start, centre):
    startup = start(user="mette.h", password=PASSWORD)
    qtbot.waitUntil(lambda: startup.main_window.began)
    assert startup.ctx.acting.actor.name == "mette.h"


# --- the hole: another therapist's notes ----------------------------------------------------


def test_another_therapist_cannot_open_the_session_or_its_letter(qtbot, centre, workspace,
                                                                   monkeypatch):  # fmt: skip
    from traumefokus.ui import printing

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: warnings.append(args[2]))
    window = signed_in_window(make_context(workspace, "en", acting=centre["jonas"]))
    qtbot.addWidget(window)
    window.reload()
    assert window.clients.rowCount() == 0  # K-0001 is Mette's client
    window.open_session(centre["session"])
    assert window.runner is None or window.pages.currentWidget() is not window.runner
    window.open_course(centre["course"])
    assert window.course_page is None or window.pages.currentWidget() is not window.course_page
    assert not printing.open_status_letter(window.ctx, centre["course"], window)
    assert len(warnings) == 3 and all("another therapist's course" in w for w in warnings)


def test_a_supervisor_reads_a_course_marked_read_only(qtbot, centre, workspace):
    page = CoursePage(make_context(workspace, "en", acting=centre["sup"]))
    qtbot.addWidget(page)
    page.show_course(centre["course"])
    assert page.read_only.isVisibleTo(page)
    assert page.read_only.text() == (
        "Read only: as supervisor you read courses, but do not change them."
    )
    assert not page.buttons["attendance"].isEnabled()
    assert "may not plan" in page.buttons["attendance"].toolTip()
    assert not page.team_button.isEnabled()


def test_a_covering_colleague_works_with_the_course(qtbot, centre, workspace, therapist):
    grant_cover(therapist, centre["course"], centre["jonas"].actor.id)
    page = CoursePage(make_context(workspace, "en", acting=centre["jonas"]))
    qtbot.addWidget(page)
    page.show_course(centre["course"])
    assert not page.read_only.isVisibleTo(page) and page.buttons["attendance"].isEnabled()
    assert not page.team_button.isEnabled()  # naming others is the therapist's own


def test_the_course_team_dialog_names_and_withdraws_a_co_therapist(qtbot, centre, workspace,
                                                                  therapist):  # fmt: skip
    from traumefokus.ui.course_team import TeamDialog

    ctx = make_context(workspace, "en", acting=therapist)
    dialog = TeamDialog(ctx, view_course(therapist, centre["course"]))
    qtbot.addWidget(dialog)
    assert not dialog.form.isRowVisible(dialog.reassign_row)  # only an administrator gives it away
    dialog.colleague.setCurrentIndex(dialog.colleague.findText("jonas.k"))
    dialog.reason.setText("Ferie")
    dialog.add.click()
    assert dialog.covers.count() == 1 and dialog.changed_team
    assert "jonas.k" in dialog.covers.item(0).text()
    dialog.remove.click()
    assert dialog.covers.count() == 0


# --- the hole: the previous user's draft after a crash -----------------------------------------


def test_after_a_crash_only_the_user_who_was_typing_gets_the_draft_back(
    qtbot, start, centre, therapist, workspace
):
    draft = NoteDraft()
    draft.check_in.feeling = "Skrevet før nedbruddet"
    save_draft(therapist, centre["session"], draft)
    settings = Settings.load(workspace.data_dir.settings)
    settings.user(therapist.actor.id).set(
        "open_session", {"session": centre["session"], "point": "quote"}
    )
    settings.save()  # as the program left it when it died

    other = start()
    window = sign_in_as(qtbot, other, "sup")
    assert window.runner is None  # not a supervisor's draft, however much they may read
    other.switch_user()

    window = sign_in_as(qtbot, other, "mette.h")
    assert window.pages.currentWidget() is window.runner
    assert window.runner.current == 1  # on the quote, where she was
    assert window.runner.pages[0].feeling.toPlainText() == "Skrevet før nedbruddet"


# --- switching user and the idle lock --------------------------------------------------------


def test_switching_user_saves_the_draft_and_starts_an_empty_window(qtbot, start, centre,
                                                                  therapist):  # fmt: skip
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])
    window.runner.pages[0].feeling.setPlainText("Halvt skrevet")
    window.runner.save_timer.start()  # as typing does
    startup.switch_user()
    fresh = startup.main_window
    assert fresh is not window and not fresh.began and not startup.ctx.signed_in
    assert sign_in_dialog(qtbot, startup).password.text() == ""
    note = open_note(therapist, centre["session"])
    assert note.draft.check_in.feeling == "Halvt skrevet"
    assert (
        Settings.load(startup.ctx.settings.path).user(therapist.actor.id).get("open_session")
        is None
    )  # put away on purpose: nothing to recover


def lock_for(qtbot, startup, seconds=60.0):
    now = [0.0]
    lock = IdleLock(
        startup.ctx,
        idle_seconds=seconds,
        allowance=lambda: startup.main_window.session_allowance,
        clock=lambda: now[0],
    )
    lock.switch_user.connect(startup.switch_user)
    startup.idle_lock.stop()
    startup.idle_lock = lock
    return lock, now


def test_the_idle_lock_covers_every_window_and_the_password_brings_them_back(qtbot, start, centre):
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.show_names_action.trigger()
    lock, now = lock_for(qtbot, startup)
    now[0] = 59
    lock.check()
    assert not lock.is_locked
    now[0] = 61
    lock.check()
    assert lock.is_locked
    cover = window.findChild(LockCover)
    assert cover is not None and cover.isVisible() and cover.geometry() == window.rect()
    dialog = QApplication.activeModalWidget() or lock.dialog
    assert isinstance(dialog, UnlockDialog)
    dialog.password.setText("not the password at all")
    dialog.accept()
    assert lock.is_locked and dialog.problem.isVisibleTo(dialog)
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert not lock.is_locked and not window.findChild(LockCover).isVisible()
    assert window.show_names_action.isChecked()  # exactly as it was


def test_a_running_session_is_not_locked_for_its_length_but_a_forgotten_one_is(
    qtbot, start, centre
):
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])  # 60 minutes planned
    lock, now = lock_for(qtbot, startup)
    now[0] = 60 * 60 + 15 * 60  # the whole session and a quarter of an hour without a key
    lock.check()
    assert not lock.is_locked
    now[0] += 61  # and the minute of idle time: nobody is there any more
    lock.check()
    assert lock.is_locked


def test_without_a_session_the_idle_time_alone_counts(qtbot, start, centre):
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])
    window.runner.leave()
    lock, now = lock_for(qtbot, startup)
    now[0] = 61
    lock.check()
    assert lock.is_locked


def test_the_client_window_and_dialogs_are_covered_too(qtbot, start, centre):
    from traumefokus.ui.runner_dialogs import AddendumDialog

    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])
    window.runner.go_to(1)
    window.runner.show_to_client()
    client_screen = window.runner.client_screen
    assert client_screen.isVisible()
    dialog = AddendumDialog(window.ctx, centre["session"], window)
    dialog.text.setPlainText("Halvt skrevet tilføjelse")
    dialog.open()  # waiting for an answer, as with exec()
    lock, _now = lock_for(qtbot, startup)
    lock.lock()
    for covered in (window, client_screen, dialog):
        assert covered.findChild(LockCover).isVisible()
    assert client_screen.windowTitle() == "Traumefokus"
    lock.unlock()
    assert not client_screen.findChild(LockCover).isVisible() and client_screen.isVisible()
    assert dialog.isVisible() and dialog.text.toPlainText() == "Halvt skrevet tilføjelse"


def _someone_signs_in(monkeypatch, name, password):
    """The sign-in dialog behind "Sign in as someone else…", answered by `name`."""

    def answered(dialog):
        dialog.name.setText(name)
        dialog.password.setText(password)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", answered)


def test_someone_else_signing_in_at_the_lock_puts_the_work_away(
    qtbot, start, centre, therapist, monkeypatch
):
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])
    window.runner.pages[0].feeling.setPlainText("Skrevet før låsen")
    lock, _now = lock_for(qtbot, startup)
    lock.lock()
    _someone_signs_in(monkeypatch, "jonas.k", "not jonas's password")
    lock.dialog._someone_else()
    assert startup.main_window is window and lock.is_locked  # nobody new: nothing happens
    _someone_signs_in(monkeypatch, "jonas.k", PASSWORD)
    lock.dialog._someone_else()
    new_window = startup.main_window
    assert new_window is not window
    qtbot.waitUntil(lambda: new_window.began)
    assert startup.ctx.acting.actor.name == "jonas.k"
    assert new_window.runner is None and new_window.clients.rowCount() == 0
    assert open_note(therapist, centre["session"]).draft.check_in.feeling == "Skrevet før låsen"
    assert window.ctx.acting.actor.name == "mette.h"  # the old window kept its own user


def test_lock_now_from_the_file_menu(qtbot, start, centre):
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    [lock_action] = [a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+L"]
    lock_action.trigger()
    assert startup.idle_lock.is_locked
    startup.idle_lock.dialog.password.setText(PASSWORD)
    startup.idle_lock.dialog.accept()
    assert not startup.idle_lock.is_locked


def test_signing_warns_about_a_cpr_number_in_the_note(qtbot, centre, workspace, therapist):
    from traumefokus.ui.runner_dialogs import SignDialog

    draft = NoteDraft(commitment="Ringe til kommunen med 010190-1234")
    note = open_note(therapist, centre["session"])
    dialog = SignDialog(make_context(workspace, "en", acting=therapist), note, draft)
    qtbot.addWidget(dialog)
    assert dialog.cpr_warning is not None
    assert "looks like a CPR number (Check-out)" in dialog.cpr_warning.text()
    clean = SignDialog(make_context(workspace, "en", acting=therapist), note, NoteDraft())
    qtbot.addWidget(clean)
    assert clean.cpr_warning is None
