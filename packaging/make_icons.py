"""Draw the application icon's PNG sizes and the Windows .ico from its SVG, with Qt.

    .venv/bin/python packaging/make_icons.py

reads resources/icons/traumefokus.svg and writes, beside it, traumefokus-N.png for each size
(the window icon and the Linux desktop entry use them) and traumefokus.ico (the Windows
executable, installer and shortcuts). Run it after changing the SVG and commit what it wrote.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(ICONS / "traumefokus.svg"))
    if not renderer.isValid():
        print(f"make_icons: cannot read {ICONS / 'traumefokus.svg'}", file=sys.stderr)
        return 1
    pngs: list[tuple[int, bytes]] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        png = bytes(data.data())
        (ICONS / f"traumefokus-{size}.png").write_bytes(png)
        pngs.append((size, png))
    (ICONS / "traumefokus.ico").write_bytes(ico(pngs))
    print(f"make_icons: wrote {len(pngs)} PNG sizes and traumefokus.ico in {ICONS}")
    return 0


def ico(pngs: list[tuple[int, bytes]]) -> bytes:
    """A Windows icon file holding each size as a PNG (Windows Vista and later read those)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


if __name__ == "__main__":
    sys.exit(main())
