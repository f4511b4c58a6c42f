"""Qt for Python's per-import question (does this module name PySide6?) answered from the
file's bytes: the same answers as its own reading of the source, which it no longer does."""

import inspect
import subprocess
import sys

import pytest

import traumefokus.domain.users
import traumefokus.ui.theme
from traumefokus.ui.qt_loading import names_pyside


def shibokens_own_answer(module) -> bool:
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError):
        return False


@pytest.mark.parametrize(
    "module",
    [traumefokus.ui.theme, traumefokus.domain.users, sys, inspect, pytest],
    ids=lambda m: m.__name__,
)
def test_the_answer_is_the_one_from_the_source(module):
    assert names_pyside(module) == shibokens_own_answer(module)


def test_a_module_that_names_pyside6_and_one_that_does_not():
    assert names_pyside(traumefokus.ui.theme)
    assert not names_pyside(traumefokus.domain.users)


def test_compiled_and_built_in_modules_do_not(qapp):
    import PySide6.QtCore

    assert not names_pyside(PySide6.QtCore) and not names_pyside(sys)


def test_a_module_whose_file_is_gone_does_not(tmp_path):
    gone = type(sys)("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert not names_pyside(gone)


PROBE = """
import sys
from traumefokus.cli import main
code = main(sys.argv[1:])
print("asked by:", sys.modules["shibokensupport.feature"]._mod_uses_pyside.__name__)
sys.exit(code)
"""


def test_a_program_start_gives_qt_for_python_the_cheaper_reading(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(tmp_path), "--exit-after-start"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "asked by: names_pyside"


def test_a_command_loads_no_qt_at_all(tmp_path):
    """`export records` and the other commands run where no screen is: the ui package and Qt
    stay unloaded (the bench's memory figures count what is loaded)."""
    from traumefokus.paths import shipped_dir

    probe = "import sys; from traumefokus.cli import main; code = main(sys.argv[1:]); "
    probe += "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'traumefokus.ui'))]; "
    probe += "print(code, sorted(loaded))"
    pack = shipped_dir("manuals") / "seeking-safety"
    result = subprocess.run(
        [sys.executable, "-c", probe, "check-manual", str(pack)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr
