"""The one font family of every document, embedded in each PDF so that æ, ø and å print
right on any machine: Bitstream Vera, which ships inside reportlab (free licence, Latin-1 and
the usual punctuation)."""

from __future__ import annotations

import threading
from pathlib import Path

SANS = "TF-Sans"
SANS_BOLD = "TF-Sans-Bold"
SANS_ITALIC = "TF-Sans-Italic"
SANS_BOLD_ITALIC = "TF-Sans-BoldItalic"

_FILES = {
    SANS: "Vera.ttf",
    SANS_BOLD: "VeraBd.ttf",
    SANS_ITALIC: "VeraIt.ttf",
    SANS_BOLD_ITALIC: "VeraBI.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family with reportlab once (any thread); <b> and <i> map onto it."""
    global _registered
    with _lock:
        if _registered:
            return
        import reportlab
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = Path(reportlab.__file__).parent / "fonts"
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
