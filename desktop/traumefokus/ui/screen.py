"""Before Qt starts: is there a screen to show a window on, and can Qt use it?

Without this check Qt aborts the process with a message about platform plugins. Here a
missing screen or missing X11 libraries become one clear line and exit code 4 — except for
`--exit-after-start`, a smoke test for scripts, which then renders offscreen.
"""

from __future__ import annotations

import os
import sys

from traumefokus.errors import DataProblem

# What Qt's xcb plugin needs beyond a usual desktop (Debian package: library soname).
XCB_LIBRARIES = {
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
}


def prepare_screen(*, exit_after_start: bool) -> None:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        if exit_after_start:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            return
        raise DataProblem("gui.no_display")
    if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        missing = [package for package, soname in XCB_LIBRARIES.items() if not _loads(soname)]
        if missing:
            raise DataProblem("gui.missing_libraries", packages=" ".join(missing))


def _loads(soname: str) -> bool:
    import ctypes  # only on X11: offscreen and Wayland starts go without it

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True
