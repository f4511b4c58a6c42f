"""What a long-running program lets go: a background task once it has ended, with whatever
its slots hold, and a closed print preview with its PDF and its pages."""

from __future__ import annotations

import gc
import weakref
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from factories import planned_course
from traumefokus.documents.render import DocumentKind
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.ui.background import BackgroundTask, _alive
from traumefokus.ui.print_preview import PrintPreview
from traumefokus.ui.printing import course_preview
from ui_helpers import make_context


class Held:
    """Something big a slot holds on to (a rendered PDF, say)."""


def _task_naming_itself(results: list[int]) -> tuple[weakref.ref, weakref.ref]:
    held = Held()
    task = BackgroundTask(lambda progress: (progress(1, 1), 42)[1])
    task.progress.connect(lambda done, total: (held, task))
    task.done.connect(lambda result: results.append(result) or (held, task))
    task.failed.connect(lambda problem: (held, task))
    task.start()
    return weakref.ref(task), weakref.ref(held)


def test_an_ended_task_lets_go_of_slots_that_name_it(qtbot):
    results: list[int] = []
    task, held = _task_naming_itself(results)
    qtbot.waitUntil(lambda: results == [42] and not _alive)
    gc.collect()
    assert task() is None and held() is None


def _closed_preview(qtbot, ctx, course) -> weakref.ref:
    dialog = course_preview(ctx, DocumentKind.PLAN, course, None)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rendered is not None and not dialog.working)
    qtbot.waitUntil(lambda: not _alive)  # its rendering thread has ended
    dialog.done(0)
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return weakref.ref(dialog)


@pytest.fixture
def ctx(db, therapist, workspace):
    return make_context(workspace, "da", acting=therapist)


def test_a_closed_print_preview_leaves_memory(qtbot, ctx, admin, therapist):
    client = add_client(admin, "K-0042")
    course = view_course(therapist, planned_course(therapist, client.id, start=date(2026, 1, 5)))
    gone = _closed_preview(qtbot, ctx, course)
    gc.collect()
    assert gone() is None
    assert not [w for w in QApplication.allWidgets() if isinstance(w, PrintPreview)]
