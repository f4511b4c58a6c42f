"""Work done ahead while the user waits for something else: the signed-in window's modules
loaded while the password is typed (ui/window_parts.py), and what the warm-up thread loads
meanwhile (ui/ahead.py)."""

import subprocess
import sys

import pytest

from fresh_interpreter import imported_after
from traumefokus.ui.window_parts import PARTS


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


def test_every_part_of_the_window_loads_one_by_one():
    shown = loaded_in_a_fresh_process(
        "loads = 0\n"
        "while window_parts.load_next():\n"
        "    loads += 1\n"
        "print(loads, all(name in sys.modules for name in window_parts.PARTS))"
    )
    loads, all_loaded = shown.split()
    assert 1 < int(loads) <= len(PARTS)
    assert all_loaded == "True"  # a misspelt part would stop the loading at that part


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


# --- the warm-up thread ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "dialect"),
    [
        (None, "sqlalchemy.dialects.sqlite.pysqlite"),
        ("postgresql+psycopg://u@h/db", "sqlalchemy.dialects.postgresql.psycopg"),
    ],
)
def test_the_warm_up_loads_the_dialect_the_database_will_open_with(tmp_path, url, dialect):
    file = str(tmp_path / "x.db")
    code = f"""
from pathlib import Path
from traumefokus.storage.target import DatabaseTarget
from traumefokus.ui.ahead import _load

class NoPacks:
    def refs(self, kind):
        return []

target = DatabaseTarget(None, {url!r}) if {url!r} else DatabaseTarget.sqlite(Path({file!r}))
_load(NoPacks(), target)
"""
    assert imported_after(code, [dialect]) == [dialect]


def test_qt_is_mapped_before_the_key_derivation_of_a_named_user_begins(tmp_path):
    from cli_runner import run

    assert run("init", "--admin", "anna", "--data-dir", tmp_path).code == 0
    code = """
import sys
from traumefokus.ui import ahead

began = []
start = ahead.Unlocking.__init__

def noted(self, *args):
    began.append("PySide6.QtWidgets" in sys.modules)
    start(self, *args)

ahead.Unlocking.__init__ = noted
from traumefokus.cli import main
code = main(sys.argv[1:])
print(began)
sys.exit(code)
"""
    argv = ["--data-dir", str(tmp_path), "--user", "anna", "--exit-after-start"]
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[True]"  # one derivation, Qt mapped first


# --- the integrity check of a named user's start waits for the lists to be painted ----------
class CountedChecks:
    """A context whose database counts its write checks; `then` counts the writes."""

    def __init__(self):
        self.checks = 0
        self.writes = 0
        self.db = self

    def pass_write_check(self):
        self.checks += 1

    def then(self):
        self.writes += 1


def test_the_check_begins_once_the_lists_are_painted_and_only_once(qtbot):
    from PySide6.QtWidgets import QLabel

    from traumefokus.ui import write_check

    ctx, lists = CountedChecks(), QLabel("Today")
    qtbot.addWidget(lists)
    write_check.check_once_painted(ctx, lists, lists, then=ctx.then)
    qtbot.wait(100)
    assert ctx.checks == 0  # not painted yet: the check waits
    lists.show()
    qtbot.waitUntil(lambda: ctx.writes == 1, timeout=900)  # before the second's fallback
    qtbot.wait(1300)  # the fallback comes, and begins nothing more
    assert (ctx.checks, ctx.writes) == (1, 1)


def test_a_window_never_painted_is_checked_after_a_second_or_when_the_program_closes(qtbot):
    from PySide6.QtWidgets import QLabel

    from traumefokus.ui import write_check

    hidden = QLabel("minimised")
    qtbot.addWidget(hidden)
    later = CountedChecks()
    write_check.check_once_painted(later, hidden, hidden, then=later.then)
    qtbot.waitUntil(lambda: later.writes == 1, timeout=3000)
    closing = CountedChecks()
    write_check.check_once_painted(closing, hidden, hidden, then=closing.then)
    write_check.start_waiting()  # the program closes at once: its sign-in entry is written
    qtbot.waitUntil(lambda: closing.writes == 1, timeout=500)
    qtbot.wait(1200)
    assert (later.checks, later.writes, closing.checks, closing.writes) == (1, 1, 1, 1)
