"""The common shape of a dialog about one course, opened from the course page: after a
colleague's change was said in it and Reload showed the course anew (ui/dialog_conflict.py),
it saves from what was read then: the course, the session, the goal or the ITQ it is about,
each found again by id. What the user entered stays as it was."""

from __future__ import annotations

from typing import Any

from traumefokus.services.courses import CourseView
from traumefokus.ui.forms import FormDialog


class CourseForm(FormDialog):
    """Its subclasses keep what they are about as `course`, `session`, `goal` or `record`."""

    def seen(self, data: Any) -> None:
        if not isinstance(data, CourseView):
            return
        if getattr(self, "course", None) is not None:
            setattr(self, "course", data)  # noqa: B010 (each subclass types its own)
        for name, rows in (("session", data.sessions), ("goal", data.goals), ("record", data.itq)):
            row = getattr(self, name, None)
            if row is not None:
                setattr(self, name, again(rows, row))


def again(rows: tuple[Any, ...], row: Any) -> Any:
    """`row` as read anew (by its id), or as it was when it is gone (the service says so)."""
    return next((r for r in rows if r.id == row.id), row)
