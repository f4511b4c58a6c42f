"""Work done ahead while the user waits for something else: the signed-in window's modules
loaded during the key derivation or while the password is typed (ui/window_parts.py), and the
Today list read while the window is built (ui/today_ahead.py)."""

import subprocess
import sys
from datetime import date, timedelta

import pytest

from traumefokus.errors import DataProblem
from traumefokus.ui import today_ahead
from traumefokus.ui.today_ahead import TodayAhead, TodayLists, today_lists


def loaded_in_a_fresh_process(body: str) -> str:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from traumefokus.ui import window_parts\n"
        "app = QApplication([])\n"
        f"{body}\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return out.stdout.strip()


def test_every_part_of_the_window_loads_while_the_user_waits():
    shown = loaded_in_a_fresh_process(
        "window_parts.load_while(lambda: True)\n"
        "print(all(name in sys.modules for name in window_parts.PARTS))"
    )
    assert shown == "True"  # a misspelt part would stop the loading at that part


def test_loading_stops_once_the_wait_is_over():
    shown = loaded_in_a_fresh_process(
        "asked = []\n"
        "window_parts.load_while(lambda: len(asked.append(1) or asked) <= 2)\n"
        "print(sum(name in sys.modules for name in window_parts.PARTS[2:]) < "
        "len(window_parts.PARTS) - 2)"
    )
    assert shown == "True"


def test_the_parts_load_one_per_turn_of_the_event_loop():
    shown = loaded_in_a_fresh_process(
        "from PySide6.QtCore import QCoreApplication\n"
        "window_parts.load_between_events()\n"
        "first = sum(name in sys.modules for name in window_parts.PARTS)\n"
        "turns = 0\n"
        "while not all(name in sys.modules for name in window_parts.PARTS) and turns < 500:\n"
        "    QCoreApplication.processEvents()\n"
        "    turns += 1\n"
        "print(first < len(window_parts.PARTS), turns > 1, turns < 500)"
    )
    assert shown == "True True True"  # typing in the sign-in dialog is served in between


# --- the Today list, read ahead -----------------------------------------------------------
@pytest.fixture
def a_day_of_work(admin, therapist):
    """A course of the therapist's with an overdue draft and a session today."""
    from factories import planned_course
    from traumefokus.domain.session_note import NoteDraft
    from traumefokus.services.clients import add_client
    from traumefokus.services.courses import view_course
    from traumefokus.services.session_notes import save_draft

    today = date.today()
    client = add_client(admin, "K-0001")
    course_id = planned_course(
        therapist, client.id, start=today - timedelta(days=14), weekday=today.weekday()
    )
    sessions = {s.number: s for s in view_course(therapist, course_id).sessions}
    save_draft(therapist, sessions[0].id, NoteDraft())  # the assessment, two weeks ago


def test_the_lists_read_ahead_are_what_the_services_give(therapist, a_day_of_work):
    ahead = TodayAhead(therapist, date.today()).lists()
    assert len(ahead.overdue) == 1 and len(ahead.rows) == 1
    assert ahead == today_lists(therapist, date.today())


def test_a_problem_reading_ahead_reaches_the_window_that_waits(admin, monkeypatch):
    def broken(acting, day):
        raise DataProblem("db.unreadable")

    monkeypatch.setattr(today_ahead, "today_lists", broken)
    with pytest.raises(DataProblem):
        TodayAhead(admin, date.today()).lists()


def test_lists_read_before_midnight_are_read_again_for_the_new_day(
    qtbot, workspace, therapist, a_day_of_work, monkeypatch
):
    import traumefokus.ui.main_window as main_window
    from ui_helpers import make_context, signed_in_window

    window = signed_in_window(make_context(workspace, acting=therapist))
    qtbot.addWidget(window)

    class ReadYesterday:
        def lists(self):
            return TodayLists(date.today() - timedelta(days=1), [], [], [])

    window._today_ahead = ReadYesterday()
    window.reload()
    assert window.today.model().rowCount() == 2  # overdue + today: not yesterday's lists
    assert window.overdue_status.isVisibleTo(window)
    window._today_ahead = None
    read = []
    monkeypatch.setattr(main_window, "today_lists", lambda *a: read.append(a) or today_lists(*a))
    window.reload()  # read ahead once only: later reloads read afresh
    assert len(read) == 1


@pytest.mark.parametrize(
    ("url", "dialect"),
    [(None, "sqlalchemy.dialects.sqlite.pysqlite"), ("postgresql+psycopg://u@h/db", "psycopg")],
)
def test_the_warm_up_loads_the_dialect_the_database_will_open_with(tmp_path, url, dialect):
    file = str(tmp_path / "x.db")
    code = f"""
import sys
from pathlib import Path
from traumefokus.storage.target import DatabaseTarget
from traumefokus.ui.ahead import _load

class NoPacks:
    def refs(self, kind):
        return []

target = DatabaseTarget(None, {url!r}) if {url!r} else DatabaseTarget.sqlite(Path({file!r}))
_load(NoPacks(), target)
print(any(name.endswith({dialect!r}) for name in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
