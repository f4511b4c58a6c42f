"""Faults as the program meets them: the integrity check off the UI thread, and a draft that
cannot be saved (a full disk, a lost database server) kept in the window and saved when it
can be (issue 16)."""

import threading
from datetime import date, time

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from traumefokus.errors import DataProblem
from traumefokus.services import planning, session_notes
from traumefokus.services.clients import add_client
from traumefokus.services.courses import create_course, view_course
from traumefokus.services.session_notes import open_note
from traumefokus.ui import write_check

THEMES = ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"]


def test_the_write_check_runs_off_the_ui_thread_and_a_damaged_database_is_said(
    qtbot, workspace, db
):
    from ui_helpers import make_context

    threads = []

    def damaged():
        threads.append(threading.current_thread())
        raise DataProblem("db.damaged", where=workspace.where, backup="/backups/b.tfbackup")

    db.guard_writes(damaged)
    ctx = make_context(workspace, "en", db=db)
    task = write_check.check_soon(ctx)
    qtbot.waitUntil(lambda: bool(write_check._shown))
    assert task is not None and task.wait()
    assert threads and threads[0] is not threading.main_thread()
    box = write_check._shown[0]
    assert "is damaged" in box.text() and "/backups/b.tfbackup" in box.text()
    with pytest.raises(DataProblem, match="is damaged"), db.transaction():
        pass  # and nothing is written
    box.done(0)
    assert not write_check._shown


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


@pytest.mark.parametrize(
    "problem",
    [
        DataProblem("db.disk_full", where="/data/traumefokus.db"),
        DataProblem("db.server_lost", where="postgresql://db/tf", detail="server closed"),
    ],
    ids=["full disk", "lost server"],
)
def test_a_draft_that_cannot_be_saved_stays_and_is_saved_when_it_can_be(
    qtbot, window, course, fake_clock, monkeypatch, problem
):
    real = session_notes.save_draft
    failing = [problem]

    def save(acting, session_id, draft, **seen):
        if failing:
            raise failing.pop()
        return real(acting, session_id, draft, **seen)

    monkeypatch.setattr(session_notes, "save_draft", save)
    s3 = next(s.id for s in course.sessions if s.number == 3)
    window.open_session(s3)
    runner = window.runner
    qtbot.keyClicks(QApplication.focusWidget(), "Urolig i dag")
    runner.save_timer.timeout.emit()
    assert window.saver.flush()
    qtbot.waitUntil(lambda: runner.saved_label.text().startswith("Ikke gemt"))
    assert window.ctx.describe(problem) in runner.saved_label.text()
    assert runner.collect().check_in.feeling == "Urolig i dag"  # kept in the window
    assert open_note(window.ctx.acting, s3).draft.check_in.feeling != "Urolig i dag"

    fake_clock.now += 31  # the disk has room again / the server is back: the clock's save
    runner._tick()
    assert window.saver.flush()
    qtbot.waitUntil(lambda: runner.saved_label.text().startswith("Gemt "))
    assert open_note(window.ctx.acting, s3).draft.check_in.feeling == "Urolig i dag"
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert not [box for box in boxes if box.isVisible()]  # nothing in front of the client
