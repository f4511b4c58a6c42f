"""One way a user action runs from a window (Anki's `aqt/operations` is the model).

`run()` calls one service; `fetch()` reads something a window needs before it can go on;
`run_in_background()` does slow work on a thread of its own (ui/background.py). Each shows a
typed error in one place, `show_error()`: a problem with what was typed in the form's problem
label (the form stays open with everything in it), anything else that stops the action in one
message box. After an action that changed something, the views are told what changed: a
`Changes` value on the context's one `ChangeBus` signal, which the main window and the pages
follow to refresh only what shows it. The widget that started the action is sent along, so
that it may skip what it has already refreshed itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from traumefokus.errors import InvalidInput, TraumefokusError
from traumefokus.ui.style import show_problem

if TYPE_CHECKING:
    from traumefokus.ui.background import BackgroundTask, Work
    from traumefokus.ui.context import UiContext

T = TypeVar("T")
IN_FORM = (TraumefokusError,)  # for `inline`: every error in the form, none in a box
Icon = QMessageBox.Icon


@dataclass(frozen=True)
class Changes:
    """What an action changed, so that each view can tell whether it shows it."""

    course: str | None = None  # the course (its page, its timeline, its panels)
    client: str | None = None  # the client to select in the list after the change
    clients: bool = False  # the client list and the chosen client's courses
    today: bool = False  # the Today list and the count of overdue notes

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            course=other.course or self.course,
            client=other.client or self.client,
            clients=self.clients or other.clients,
            today=self.today or other.today,
        )

    def __bool__(self) -> bool:
        return bool(self.course or self.client or self.clients or self.today)


def plan_changed(course_id: str) -> Changes:
    """A change to a course's plan or its sessions: the course, and the lists that show its
    next session, its status and today's sessions."""
    return Changes(course=course_id, clients=True, today=True)


class ChangeBus(QObject):
    """`changed(changes, initiator)`: sent once after each action that changed something."""

    changed = Signal(object, object)


def bus(ctx: UiContext) -> ChangeBus:
    """The context's one change signal (a context serves one signed-in user)."""
    if ctx.change_bus is None:
        ctx.change_bus = ChangeBus()
    return ctx.change_bus


def publish(ctx: UiContext, changes: Changes, initiator: object = None) -> None:
    if changes:
        bus(ctx).changed.emit(changes, initiator)


def show_error(
    parent: QWidget | None,
    ctx: UiContext,
    error: TraumefokusError,
    *,
    title: str = "",
    problem: QLabel | None = None,
    inline: tuple[type[TraumefokusError], ...] = (InvalidInput,),
    icon: Icon = Icon.Warning,
    lead: str = "",
    wait: bool = True,
) -> None:
    """The one place an error of an action is shown. An error of a kind in `inline` goes to
    `problem` (a form's label); anything else is one message box, with `lead` above the
    message, that the user closes before going on (unless not `wait`, and always when the
    error lists problems, of a pack or a file, which the box gives as its details)."""
    text = ctx.describe(error)
    if problem is not None and isinstance(error, inline):
        show_problem(problem, text)
        return
    title = title or (parent.windowTitle() if parent is not None else "") or "Traumefokus"
    text = f"{lead}\n\n{text}" if lead else text
    problems = getattr(error, "problems", None)
    if problems or not wait:
        box = QMessageBox(icon, title, text, parent=parent)
        if problems:
            box.setDetailedText("\n".join(p.describe(ctx.lang) for p in problems))
        box.open()
    elif icon is Icon.Information:
        QMessageBox.information(parent, title, text)
    else:
        QMessageBox.warning(parent, title, text)


def fetch(
    parent: QWidget | None,
    ctx: UiContext,
    work: Callable[[], T],
    *,
    changes: Changes | None = None,
    initiator: object = None,
    problem: QLabel | None = None,
    **shown: Any,
) -> T | None:
    """Call `work` (one service call); its result, or None once the error is shown (see
    `show_error` for `problem` and the keywords in `shown`). `changes`, if given, are
    published after it succeeded; `problem`, if given, is cleared."""
    try:
        result = work()
    except TraumefokusError as error:
        show_error(parent, ctx, error, problem=problem, **shown)
        return None
    if problem is not None:
        show_problem(problem, None)
    if changes is not None:
        publish(ctx, changes, initiator)
    return result


def run(
    parent: QWidget | None,
    ctx: UiContext,
    work: Callable[[], object],
    *,
    changes: Changes | None = None,
    initiator: object = None,
    problem: QLabel | None = None,
    **shown: Any,
) -> bool:
    """As `fetch`, for an action whose result is not needed: whether it succeeded."""

    def action() -> bool:
        work()
        return True

    outcome = fetch(
        parent, ctx, action, changes=changes, initiator=initiator, problem=problem, **shown
    )
    return outcome is not None


def run_in_background(
    parent: QWidget | None,
    ctx: UiContext,
    work: Work,
    on_done: Callable[[Any], None],
    *,
    changes: Changes | None = None,
    initiator: object = None,
    problem: QLabel | None = None,
    progress: Callable[[int, int], None] | None = None,
    **shown: Any,
) -> BackgroundTask:
    """Slow work on its own thread; `on_done(result)` runs on the UI thread after it, then
    `changes` are published. A typed error is shown as `run` shows it, a bug in one line.
    Either is dropped if `parent` has gone meanwhile (its window closed)."""
    import shiboken6

    from traumefokus.ui.background import BackgroundTask

    task = BackgroundTask(work)

    def gone() -> bool:
        return parent is not None and not shiboken6.isValid(parent)

    def done(result: object) -> None:
        if gone():
            return
        on_done(result)
        if problem is not None:
            show_problem(problem, None)
        if changes is not None:
            publish(ctx, changes, initiator)

    def failed(error: TraumefokusError | str) -> None:
        if gone():
            return
        if isinstance(error, TraumefokusError):
            show_error(parent, ctx, error, problem=problem, **shown)
        elif problem is not None:
            show_problem(problem, error)
        else:
            QMessageBox.warning(parent, shown.get("title") or "Traumefokus", error)

    task.done.connect(done)
    task.failed.connect(failed)
    if progress is not None:
        task.progress.connect(progress)
    task.start()
    return task
