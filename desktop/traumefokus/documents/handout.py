"""The client's handout: the theme, today's quote, the client text of the chosen worksheets
with room to write, and the commitment in large type. Never the therapist's guidance."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Table

from traumefokus.documents.fonts import SANS
from traumefokus.documents.markdown import markdown_flowables
from traumefokus.documents.page import TEXT_WIDTH, Section
from traumefokus.documents.styles import (
    ACCENT,
    LABEL,
    LARGE,
    QUOTE,
    SHADE,
    SMALL,
    SUBTITLE,
    TITLE,
    WritingLine,
    gap,
    markup,
)
from traumefokus.documents.wording import Wording
from traumefokus.domain.content import Worksheet
from traumefokus.errors import InvalidInput
from traumefokus.services.session_notes import NoteView


def handout_worksheets(note: NoteView, chosen: Sequence[str] | None = None) -> list[Worksheet]:
    """The worksheets to print: those asked for; else those chosen in the session (worked on
    or handed out); else, before anything is chosen, all of the theme's."""
    sheets = list(note.theme.worksheets) if note.theme else []
    known = {s.id for s in sheets}
    for sheet_id in chosen or ():
        if sheet_id not in known:
            raise InvalidInput("print.worksheet_unknown", worksheet=sheet_id)
    wanted = set(chosen if chosen is not None else [w.id for w in note.draft.worksheets])
    picked = [s for s in sheets if s.id in wanted]
    return picked if picked or chosen is not None else sheets


def handout_section(
    note: NoteView, sheets: Sequence[Worksheet], words: Wording, *, with_name: bool
) -> Section:
    theme = note.theme
    s = note.session
    day = s.date or s.planned_date
    title = theme.title if theme else words.kind(s.kind)
    header_parts = [
        note.display_name if with_name else None,
        note.client_code,
        words.long_date(day) if day else "",
    ]
    story: list[Flowable] = [
        Paragraph(markup(title), TITLE),
        Paragraph(
            markup(
                " · ".join(
                    p
                    for p in (
                        words.method(note.method),
                        words.session_name(s.number, s.kind, s.extra, s.follow_up_month),
                        words.long_date(day) if day else "",
                    )
                    if p
                )
            ),
            SUBTITLE,
        ),
    ]
    if theme is not None and theme.quote is not None:
        quote = theme.quote
        source = (
            words("page.demo")
            if quote.demo
            else ", ".join(p for p in (quote.author, quote.work) if p)
        )
        story += [
            Paragraph(markup(words("handout.quote")), LABEL),
            Paragraph(f"»{markup(quote.text)}«", QUOTE),
            Paragraph(markup(f"– {source}"), SMALL),
            gap(4),
        ]
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story += markdown_flowables(sheet.client, TEXT_WIDTH)
    story += [CondPageBreak(60), gap(6), _commitment(note.draft.commitment, words)]
    demo = note.demo_content
    return Section(
        header=" · ".join(p for p in header_parts if p),
        flowables=story,
        header_right=words("page.demo_short") if demo else "",
    )


def _commitment(text: str, words: Wording) -> Flowable:
    """The commitment in large type in a shaded box; lines to write on when none is set."""
    inner: list[Flowable] = [Paragraph(markup(words("handout.commitment")), LABEL), gap(1)]
    if text.strip():
        inner.append(Paragraph(markup(text.strip()), LARGE))
    else:
        inner += [WritingLine(12 * mm), WritingLine(12 * mm)]
    box = Table([[inner]], colWidths=[TEXT_WIDTH], splitInRow=1)
    box.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ]
    )
    return KeepTogether([box])
