"""The A4 page every document is printed on: a running header, the printed date and "page i
of n" in the footer, and a DRAFT mark on every page of an unsigned note.

A PDF holds one or more sections (one note each when a whole course is printed); page
numbers count within a section, so that each note can be filed on its own. Page furniture is
drawn once all pages are laid out, when the page counts are known.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from traumefokus.documents.fonts import SANS, SANS_BOLD
from traumefokus.documents.styles import MUTED, RULE, WARN
from traumefokus.documents.wording import Wording

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
DRAFT_MARK = WARN.clone(  # WARN at 13 % on white paper, opaque
    **{c: 1 - 0.13 * (1 - getattr(WARN, c)) for c in ("red", "green", "blue")}
)

_one_at_a_time = threading.Lock()
Progress = Callable[[int, int], None]  # (sections laid out, sections); may raise to stop


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


@dataclass
class Section:
    """One document of a PDF: its running header and whether it is an unsigned draft."""

    header: str
    flowables: list[Flowable] = field(default_factory=list)
    draft: bool = False
    header_right: str = ""
    confidential: bool = False  # the therapist's papers, not the client's


class _SectionStart(Flowable):
    """Marks the page where a section begins (takes no room)."""

    def __init__(self, index: int, progress: Progress | None, total: int) -> None:
        super().__init__()
        self.index, self.progress, self.total = index, progress, total

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.section_index = self.index
        if self.progress is not None:
            self.progress(self.index, self.total)


def build_pdf(
    sections: Sequence[Section],
    *,
    title: str,
    words: Wording,
    printed_on: date,
    first_printed: date | None = None,
    progress: Progress | None = None,
) -> Pdf:
    """The PDF of `sections`, every font embedded (the canvas starts in the embedded font,
    never reportlab's unembedded Helvetica). A reprint (`first_printed` before `printed_on`)
    says the day it was first printed."""
    out = io.BytesIO()
    document = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="Traumefokus",
        creator="Traumefokus",
        initialFontName=SANS,
        invariant=True,  # no creation time inside: the same data gives the same file
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        TEXT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="text",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        if index:
            story.append(PageBreak())
        story.append(_SectionStart(index, progress, len(sections)))
        story.extend(section.flowables)
    furniture = _Furniture(sections, words, printed_on, first_printed)
    with _one_at_a_time:  # reportlab keeps some state per process
        document.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(furniture, *a, **k))
    if progress is not None:
        progress(len(sections), len(sections))
    return Pdf(out.getvalue(), document.page)


@dataclass(frozen=True)
class _Furniture:
    sections: Sequence[Section]
    words: Wording
    printed_on: date
    first_printed: date | None

    def draw(self, canvas: Canvas, section: Section, page: int, pages: int) -> None:
        words = self.words
        top = PAGE_HEIGHT - 13 * mm
        right = words("page.draft") if section.draft else section.header_right
        right_font = SANS_BOLD if section.draft else SANS
        right_width = canvas.stringWidth(right, right_font, 8.5) if right else 0
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.setFillColor(MUTED)
        left = _fit(canvas, section.header, TEXT_WIDTH - right_width - 6 * mm, SANS_BOLD, 8.5)
        canvas.drawString(MARGIN_X, top, left)
        if right:
            canvas.setFont(right_font, 8.5)
            canvas.setFillColor(WARN if section.draft else MUTED)
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, right)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        canvas.line(MARGIN_X, 13 * mm, PAGE_WIDTH - MARGIN_X, 13 * mm)
        canvas.setFont(SANS, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, 9 * mm, self._printed())
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN_X, 9 * mm, words("page.number", page=page, pages=pages)
        )
        if section.confidential:
            canvas.drawCentredString(PAGE_WIDTH / 2, 9 * mm, words("page.confidential"))
        if section.draft:
            self._draft_mark(canvas)

    def _printed(self) -> str:
        words, day = self.words, self.words.long_date(self.printed_on)
        first = self.first_printed
        if first is None or first >= self.printed_on:
            return words("page.printed", day=day)
        return words("page.reprinted", first=words.long_date(first), day=day)

    def _draft_mark(self, canvas: Canvas) -> None:
        """The mark across the page, pale and beneath the page's text, without transparency:
        a printer driver that speaks PostScript turns a page with transparency into one
        picture, and its text would no longer be text."""
        start = len(canvas._code)
        canvas.saveState()
        canvas.setFillColor(DRAFT_MARK)
        canvas.setFont(SANS_BOLD, 96)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(52)
        canvas.drawCentredString(0, -30, self.words("page.draft_mark"))
        canvas.restoreState()
        mark = canvas._code[start:]  # drawn first: beneath everything else on the page
        del canvas._code[start:]
        canvas._code[:0] = mark


def _fit(canvas: Canvas, text: str, width: float, font: str, size: float) -> str:
    """`text`, shortened with an ellipsis to fit `width`."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _NumberedCanvas(Canvas):
    """Keeps each page until the end, then draws the furniture with the page counts."""

    def __init__(self, furniture: _Furniture, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.furniture = furniture
        self.section_index = 0
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        sections = [page["section_index"] for page in self._pages]
        counts = {index: sections.count(index) for index in set(sections)}
        seen: dict[object, int] = {}
        for state in self._pages:
            self.__dict__.update(state)
            index = state["section_index"]
            seen[index] = seen.get(index, 0) + 1
            section = self.furniture.sections[index]
            self.furniture.draw(self, section, seen[index], counts[index])
            super().showPage()
        super().save()
