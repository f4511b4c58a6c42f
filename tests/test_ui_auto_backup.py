"""Automatic backups from the program (ui/auto_backup.py): on a thread of their own while the
therapist types, and a failure said once in the status bar, never in a box."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from traumefokus.storage import backup
from traumefokus.storage.backup import list_backups
from traumefokus.ui import auto_backup
from traumefokus.ui.auto_backup import backup_soon


@pytest.fixture(autouse=True)
def _fresh_state():
    auto_backup.reset_for_tests()
    yield
    auto_backup.reset_for_tests()


def test_a_backup_runs_while_the_therapist_types(qtbot, window, monkeypatch):
    """The backup is made slow (as on a large database): the keys typed meanwhile are each
    handled at once, on the UI thread, while the backup's thread is still working."""
    verify = backup._verify_archive
    started, threads = threading.Event(), []

    def slow_verify(path):
        threads.append(threading.current_thread())
        started.set()
        time.sleep(1.5)
        verify(path)

    monkeypatch.setattr(backup, "_verify_archive", slow_verify)
    editor = QPlainTextEdit(window)
    window.setCentralWidget(editor)
    editor.setFocus()
    task = backup_soon(window.ctx, window)
    assert task is not None
    assert started.wait(5)
    words = "Klienten beskriver en rolig uge."
    begun = time.perf_counter()
    for char in words:
        qtbot.keyClick(editor, char)
        assert editor.toPlainText().endswith(char)  # shown at once, not after the backup
    typed_in = time.perf_counter() - begun
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    qtbot.wait(300)  # the event loop keeps turning: timers, painting, keys
    timer.stop()
    assert task.running, "the typing should have happened while the backup ran"
    assert typed_in < 1.0 and len(ticks) >= 10
    assert editor.toPlainText() == words
    assert backup_soon(window.ctx, window) is None  # one at a time
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    folder = window.ctx.workspace.data_dir.backups
    (made,) = list_backups(folder)
    assert made.automatic
    # and within the half hour, no second one
    second = backup_soon(window.ctx, window)
    qtbot.waitUntil(lambda: second is None or not second.running, timeout=10_000)
    assert len(list_backups(folder)) == 1


@pytest.mark.log_warnings_expected
def test_a_failed_backup_is_said_once_in_the_status_bar_and_never_in_a_box(
    qtbot, window, monkeypatch, caplog
):
    blocked = window.ctx.workspace.data_dir.backups
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_text("a file where the folder should be")
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box))
    for _attempt in range(2):
        task = backup_soon(window.ctx, window)
        assert task is not None
        qtbot.waitUntil(lambda task=task: not task.running, timeout=10_000)
        qtbot.wait(50)
    problems = [w for w in window.findChildren(object) if w.objectName() == "auto_backup_problem"]
    assert len(problems) == 1 and not boxes
    assert "sikkerhedskopi" in problems[0].text() and str(blocked) in problems[0].toolTip()
    failures = [
        r.getMessage() for r in caplog.records if "Automatic backup failed" in r.getMessage()
    ]
    assert failures == ["Automatic backup failed (backup.folder_unusable)"] * 2
    assert str(blocked) not in " ".join(failures)  # the log holds the type, never a path


def test_a_window_gone_meanwhile_is_not_asked_for_its_status_bar(qtbot):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    from traumefokus.ui.auto_backup import _main_window

    gone = QLabel("switched away")
    shiboken6.delete(gone)
    assert _main_window(gone) is None or _main_window(gone).isVisible()
