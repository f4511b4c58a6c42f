"""Signing in, switching user and the idle lock through the windows, and the two holes a
review found: a therapist reaching another therapist's notes, and the next user being handed
the previous user's open draft after a crash."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

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
    dialog = sign_in_dialog(qtbot, startup)
    texts = " ".join(w.text() for w in window.findChildren(type(dialog.name.parent()))
                     if hasattr(w, "text"))  # fmt: skip
    assert "K-0001" not in texts and "Bo" not in texts
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
    assert not page.actions["attendance"].isEnabled()
    assert "may not plan" in page.actions["attendance"].toolTip()
    assert not page.team_button.isEnabled()


def test_a_covering_colleague_works_with_the_course(qtbot, centre, workspace, therapist):
    grant_cover(therapist, centre["course"], centre["jonas"].actor.id)
    page = CoursePage(make_context(workspace, "en", acting=centre["jonas"]))
    qtbot.addWidget(page)
    page.show_course(centre["course"])
    assert not page.read_only.isVisibleTo(page) and page.actions["attendance"].isEnabled()
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
        startup.ctx, idle_seconds=seconds, busy=lambda: startup.main_window.session_running,
        clock=lambda: now[0],
    )  # fmt: skip
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


def test_a_running_session_is_never_locked(qtbot, start, centre):
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])
    lock, now = lock_for(qtbot, startup)
    now[0] = 3600
    lock.check()
    assert not lock.is_locked
    window.runner.leave()
    now[0] = 3600 + 61
    lock.check()
    assert lock.is_locked


def test_the_client_window_and_dialogs_are_covered_too(qtbot, start, centre):
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])
    window.runner.go_to(1)
    window.runner.show_to_client()
    client_screen = window.runner.client_screen
    assert client_screen.isVisible()
    lock, _now = lock_for(qtbot, startup)
    lock.lock()
    assert client_screen.findChild(LockCover) is not None
    assert client_screen.windowTitle() == "Traumefokus"
    lock.unlock()
    assert not client_screen.findChild(LockCover).isVisible() and client_screen.isVisible()


def test_someone_else_signing_in_at_the_lock_puts_the_work_away(qtbot, start, centre,
                                                               therapist):  # fmt: skip
    startup = start()
    window = sign_in_as(qtbot, startup, "mette.h")
    window.open_session(centre["session"])
    window.runner.pages[0].feeling.setPlainText("Skrevet før låsen")
    lock, _now = lock_for(qtbot, startup)
    lock.lock()
    lock.dialog.switch_user.emit()
    assert startup.main_window is not window and not startup.ctx.signed_in
    assert open_note(therapist, centre["session"]).draft.check_in.feeling == "Skrevet før låsen"
    new_window = sign_in_as(qtbot, startup, "jonas.k")
    assert new_window.runner is None and new_window.clients.rowCount() == 0


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
