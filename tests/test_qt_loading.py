"""Qt for Python's per-import question (does this module name PySide6?) answered from the
file's bytes: the same answers as its own reading of the source, which it no longer does."""

import inspect
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


def test_loading_the_ui_gives_qt_for_python_the_cheaper_reading():
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is names_pyside
