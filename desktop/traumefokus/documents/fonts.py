"""The one font family of every document, embedded in each PDF so that æ, ø and å, and the
letters of names from most of the world, print right on any machine: DejaVu Sans (shipped in
`resources/fonts`, free licence beside it; Latin, Greek, Cyrillic, Arabic, Hebrew and more).
Chinese, Japanese and Korean characters and emoji are outside it and print as empty boxes."""

from __future__ import annotations

import threading

from traumefokus.paths import shipped_dir

SANS = "TF-Sans"
SANS_BOLD = "TF-Sans-Bold"
SANS_ITALIC = "TF-Sans-Italic"
SANS_BOLD_ITALIC = "TF-Sans-BoldItalic"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family with reportlab once (any thread); <b> and <i> map onto it."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = shipped_dir("resources") / "fonts"
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        for bold, italic, name in (
            (0, 0, SANS),
            (1, 0, SANS_BOLD),
            (0, 1, SANS_ITALIC),
            (1, 1, SANS_BOLD_ITALIC),
        ):
            addMapping(SANS, bold, italic, name)
        _registered = True
