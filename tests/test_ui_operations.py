"""One way a user action runs from a window (ui/operations.py): the error shown once and in
the right place, the change told to the views, slow work off the UI thread, and the views
refreshing only what an action changed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from factories import planned_course
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.clients import add_client
from traumefokus.ui import course_dialogs
from traumefokus.ui.forms import FormDialog
from traumefokus.ui.operations import (
    Changes,
    bus,
    fetch,
    plan_changed,
    run,
    run_in_background,
)
from ui_helpers import make_context


@pytest.fixture
def ctx(db, therapist, workspace):
    return make_context(workspace, "en", acting=therapist)


@pytest.fixture
def boxes(monkeypatch):
    """Every message box shown: (kind, title, text)."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, title, text, k=kind: shown.append((k, title, text))
        )
    return shown


@pytest.fixture
def heard(ctx):
    """Every change published: (changes, initiator)."""
    published: list[tuple[Changes, object]] = []
    bus(ctx).changed.connect(lambda changes, initiator: published.append((changes, initiator)))
    return published


def refuse() -> None:
    raise Refused("note.signed")


def test_a_refused_action_is_said_once_in_a_message_box_and_changes_nothing(
    qtbot, ctx, boxes, heard
):
    assert run(None, ctx, refuse, changes=Changes(today=True), title="Plan") is False
    assert len(boxes) == 1
    kind, title, text = boxes[0]
    assert (kind, title) == ("warning", "Plan") and text == ctx.describe(Refused("note.signed"))
    assert heard == []


def test_a_read_that_fails_gives_none_and_an_information_box_when_asked(qtbot, ctx, boxes):
    from traumefokus.ui.operations import Icon

    assert fetch(None, ctx, refuse, icon=Icon.Information) is None
    assert [b[0] for b in boxes] == ["information"]
    assert fetch(None, ctx, lambda: 0) == 0  # a result that is false is still a result
    assert len(boxes) == 1


class TypedForm(FormDialog):
    def __init__(self, ctx, fail: Callable[[], None]) -> None:
        super().__init__(ctx, "A form")
        self.fail = fail
        self.field = QLineEdit()
        self.form.addRow("Field:", self.field)

    def submit(self) -> None:
        self.fail()


def test_a_problem_with_what_was_typed_stays_in_the_form_with_the_text(qtbot, ctx, boxes):
    def wrong() -> None:
        raise InvalidInput("client.code_required")

    form = TypedForm(ctx, wrong)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.field, "what was typed")
    form.accept()
    assert form.isVisible() and form.result() == 0  # still open
    assert form.field.text() == "what was typed"
    assert form.problem.text() == ctx.describe(InvalidInput("client.code_required"))
    assert boxes == []


def test_a_refusal_from_a_form_is_a_message_box_and_the_form_stays_open(qtbot, ctx, boxes):
    form = TypedForm(ctx, refuse)
    qtbot.addWidget(form)
    form.show()
    form.accept()
    assert form.isVisible() and len(boxes) == 1 and boxes[0][1] == "A form"
    assert not form.problem.isVisible()


def test_success_tells_the_views_once_and_clears_the_problem(qtbot, ctx, boxes, heard):
    form = TypedForm(ctx, lambda: None)
    qtbot.addWidget(form)
    form.problem.setText("old")
    form.problem.show()
    initiator = object()
    done = run(form, ctx, lambda: None, changes=plan_changed("c1"), initiator=initiator,
               problem=form.problem)  # fmt: skip
    assert done and not form.problem.isVisible() and boxes == []
    assert heard == [(Changes(course="c1", clients=True, today=True), initiator)]
    assert run(form, ctx, lambda: None, changes=Changes()) and len(heard) == 1  # nothing new


def test_changes_combine():
    both = Changes(course="c1") | Changes(client="k1", clients=True)
    assert both == Changes(course="c1", client="k1", clients=True, today=False)
    assert not Changes() and Changes(today=True)


def test_slow_work_runs_off_the_ui_thread_and_its_result_comes_back_on_it(qtbot, ctx, heard):
    ui_thread = threading.get_ident()
    threads: dict[str, int] = {}
    results: list[object] = []

    def work(progress):
        threads["work"] = threading.get_ident()
        progress(1, 1)
        return 42

    def on_done(result):
        threads["done"] = threading.get_ident()
        results.append(result)

    task = run_in_background(None, ctx, work, on_done, changes=Changes(today=True))
    qtbot.waitUntil(lambda: bool(results))
    assert results == [42]
    assert threads["work"] != ui_thread and threads["done"] == ui_thread
    assert heard == [(Changes(today=True), None)]
    qtbot.waitUntil(lambda: not task.running)


def test_slow_work_that_is_refused_is_said_once_on_the_ui_thread(qtbot, ctx, boxes, heard):
    def work(_progress):
        refuse()

    task = run_in_background(None, ctx, work, lambda _r: None, title="Export")
    qtbot.waitUntil(lambda: bool(boxes))
    assert [b[1] for b in boxes] == ["Export"] and heard == []
    qtbot.waitUntil(lambda: not task.running)


# --- the views refresh only what changed ------------------------------------------------------


class Counted:
    def __init__(self, monkeypatch, owner: object, name: str) -> None:
        self.calls = 0
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


@pytest.fixture
def course_open(window, admin, therapist):
    client = add_client(admin, "K-0001", site="Center Nord")
    course_id = planned_course(therapist, client.id, start=date(2026, 1, 5))
    window.reload()
    window.open_course(course_id)
    return window.course_page


def spies(monkeypatch, window) -> dict[str, Counted]:
    return {
        "reload": Counted(monkeypatch, window, "reload"),
        "today": Counted(monkeypatch, window, "_reload_today"),
        "clients": Counted(monkeypatch, window.client_pane, "reload"),
        "page": Counted(monkeypatch, window.course_page, "show_course"),
    }


def accepting(monkeypatch, dialog_class, fill: Callable[[object], None] = lambda _d: None):
    def exec_(dialog) -> int:
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)


def test_attendance_refreshes_the_page_and_the_lists_that_show_it_not_the_window(
    qtbot, monkeypatch, window, course_open
):
    accepting(monkeypatch, course_dialogs.AttendanceDialog)
    counted = spies(monkeypatch, window)
    course_open._attendance()
    assert {k: c.calls for k, c in counted.items()} == {
        "reload": 0,
        "today": 1,
        "clients": 1,
        "page": 1,  # by the page itself, once: the window does not show it again
    }
    assert course_open.selected_session().number == 1
    assert "K-0001" in window.client_pane.clients.index(0, 0).data()


def test_a_goal_refreshes_only_the_course_page(qtbot, monkeypatch, window, course_open):
    accepting(monkeypatch, course_dialogs.GoalDialog, lambda d: d.text.setPlainText("Sove bedre"))
    counted = spies(monkeypatch, window)
    course_open.panels.add_goal()
    assert {k: c.calls for k, c in counted.items()} == {
        "reload": 0,
        "today": 0,
        "clients": 0,
        "page": 1,
    }
    assert "Sove bedre" in course_open.panels.goals.item(0).text()


def test_a_change_elsewhere_to_the_course_shown_refreshes_its_page(
    qtbot, monkeypatch, window, course_open
):
    counted = spies(monkeypatch, window)
    from traumefokus.ui.operations import publish

    publish(window.ctx, Changes(course="another"), None)
    assert counted["page"].calls == 0
    publish(window.ctx, plan_changed(course_open.course.id), window.runner)
    assert {k: c.calls for k, c in counted.items()} == {
        "reload": 0,
        "today": 1,
        "clients": 1,
        "page": 1,
    }


def test_background_work_finishing_after_its_window_closed_is_dropped(qtbot, ctx):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    from traumefokus.ui import operations

    window = QLabel("a page that goes away")
    seen = []
    task = operations.run_in_background(window, ctx, lambda _p: 42, seen.append)
    shiboken6.delete(window)
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    qtbot.wait(50)
    assert seen == []
