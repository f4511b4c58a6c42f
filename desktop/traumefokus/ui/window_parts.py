"""The signed-in window's modules, loaded on the UI thread while the sign-in dialog waits for
the password: building the window after the sign-in then finds them loaded, and with them
Qt's own types for its tables, tabs and fields, which Qt for Python makes, enumerations and
all, when a module first names them. Whatever a role does not use costs nothing then.

Not beside the key derivation of a `--user` start: there it saved nothing measurable on two
cores (bench/startup.py), the derivation slowing down by about what the window gains.
"""

from __future__ import annotations

import importlib
import logging
import sys

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)

PARTS = (
    "traumefokus.ui.client_pane",
    "traumefokus.ui.today",
    "traumefokus.ui.logbook_view",
    "traumefokus.ui.account_actions",
    "traumefokus.ui.content_actions",
    "traumefokus.ui.supervision_page",
    "traumefokus.ui.coding_rounds_page",
    "traumefokus.ui.audit_page",
    "traumefokus.ui.coding_tab",
    "traumefokus.ui.idle_lock",
    "traumefokus.ui.auto_backup",
)


def load_next() -> bool:
    """Load the next part not loaded yet; False once every part is (or one failed: the
    window then meets the same problem where it can say it)."""
    for name in PARTS:
        if name in sys.modules:
            continue
        try:
            importlib.import_module(name)
        except Exception as exc:
            log.warning("Loading the window's parts ahead failed (%s)", type(exc).__name__)
            return False
        return True
    return False


def load_between_events() -> None:
    """Load the parts one per turn of the event loop, so that typing stays quick meanwhile."""
    if load_next():
        QTimer.singleShot(0, load_between_events)
