"""Reading printed PDFs back: the text of each page, whether every font is embedded, and how
many pictures the pages hold."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def flat(text: str) -> str:
    """The text with every space and line break removed (lines break anywhere on paper)."""
    return "".join(text.split())


def unembedded_fonts(pdf: bytes) -> set[str]:
    """Names of the fonts used on any page without a font file in the PDF."""
    missing = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing


def pictures(pdf: bytes) -> int:
    """How many pictures the pages hold (a page a driver turned into one picture has one)."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = [pdfium_c.FPDF_PAGEOBJ_IMAGE]
        return sum(len(list(document[i].get_objects(filter=image))) for i in range(len(document)))
    finally:
        document.close()
