"""The application icon, for every window (and the taskbar) from its PNG sizes.

The sizes are drawn from resources/icons/traumefokus.svg by packaging/make_icons.py, so that
no SVG plugin is needed at run time.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from traumefokus.paths import shipped_dir

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    folder = shipped_dir("resources") / "icons"
    icon = QIcon()
    for size in SIZES:
        path = folder / f"traumefokus-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
