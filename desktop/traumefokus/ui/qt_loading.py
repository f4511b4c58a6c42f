"""Loading Qt for Python, with its question to every module imported after it made cheap.

Qt for Python lets a module write `from __feature__ import snake_case`. To know which modules
that may concern, it asks of modules imported after it whether their source names PySide6, and
reads the source for that through `inspect.getsource`: the file decoded, split into lines and
kept in `linecache`, for each. That reading was 44M instructions, about 4 %, of a start on an
empty folder (callgrind). Here the same question is asked of the file's bytes: the answer is
the same, only the reading is cheaper. The program itself never uses `__feature__`.
The program's start calls `ask_cheaply` (cli.py); the commands load no Qt at all.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads Qt for Python and its import hook)


def ask_cheaply() -> None:
    """Give Qt for Python's per-import question the cheaper reading; a Qt for Python without
    that question (another version) keeps its own."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = names_pyside  # type: ignore[attr-defined]


def names_pyside(module: ModuleType) -> bool:
    """Whether the source file of `module` names PySide6 (a module without a source file, such
    as a built-in, a compiled or a bundled one, does not: as `inspect.getsource` fails)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False
