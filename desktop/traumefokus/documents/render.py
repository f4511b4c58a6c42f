"""Printing, as the CLI and the UI both do it: a request names the document; `render` makes
its PDF from the services' views; `deliver` records that it left the program (the audit
trail; for a status letter, its text and the day it was printed). A document leaves only after
its record is committed: a saved PDF is renamed into place after it, a print is sent after it.

A preview renders without delivering; printing or saving a PDF delivers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from traumefokus.documents.course_plan import plan_section
from traumefokus.documents.handout import handout_section, handout_worksheets
from traumefokus.documents.kinds import ON_SESSION, DocumentKind
from traumefokus.documents.page import Progress, Section, build_pdf
from traumefokus.documents.session_note import note_section
from traumefokus.documents.status_letter import draft_letter_text, has_gaps, letter_section
from traumefokus.documents.wording import Wording
from traumefokus.domain.access import Action, Relation
from traumefokus.errors import InvalidInput
from traumefokus.fileio import atomic_writer, checked_output
from traumefokus.services.acting import Acting
from traumefokus.services.clients import get_client
from traumefokus.services.course_queries import course_content
from traumefokus.services.courses import view_course
from traumefokus.services.printing import record_printed
from traumefokus.services.session_notes import NoteView, open_note, open_notes
from traumefokus.services.status_letters import save_status_letter, status_letter
from traumefokus.services.supervision import OverviewQuery, record_report, supervision_overview


@dataclass(frozen=True)
class DocumentRequest:
    kind: DocumentKind
    object_id: str
    lang: str = "da"
    with_name: bool = False  # the client's display name on paper, only when asked for
    worksheets: tuple[str, ...] | None = None  # handout: these worksheets (ids)
    letter_text: str | None = None  # letter: this text (else as saved, else a first draft)
    letter_after: int | None = None  # letter: the one after so many sessions (else the latest)
    supervision: OverviewQuery | None = None  # supervision: its period and scope


@dataclass(frozen=True)
class Rendered:
    request: DocumentRequest
    pdf: bytes
    pages: int
    title: str
    file_name: str  # a suggestion for "save as"
    may: frozenset[Action] = frozenset()  # what the user may do with the course it is about
    letter_after: int | None = None  # letter: the held sessions it reports on
    letter_text: str | None = None
    letter_version: int | None = None  # letter: as saved when rendered (None: never saved)
    letter_drafted: bool = False  # letter: the text is the first draft, not yet written


def render(
    acting: Acting,
    request: DocumentRequest,
    *,
    today: date,
    progress: Progress | None = None,
) -> Rendered:
    """The PDF of `request`; `progress(done, total)` hears about long batches."""
    words = Wording(request.lang)
    kind = request.kind
    if kind is DocumentKind.NOTE:
        note = open_note(acting, request.object_id)
        section = note_section(note, words, with_name=request.with_name)
        rendered = _rendered(request, [section], words, today, _about(note, words), progress)
        return replace(rendered, may=note.may)
    if kind is DocumentKind.HANDOUT:
        note = open_note(acting, request.object_id)
        sheets = handout_worksheets(note, request.worksheets)
        section = handout_section(note, sheets, words, with_name=request.with_name)
        rendered = _rendered(request, [section], words, today, _about(note, words), progress)
        return replace(rendered, may=note.may)
    if kind is DocumentKind.NOTES:
        return _course_notes(acting, request, words, today, progress)
    if kind is DocumentKind.SUPERVISION:
        return _supervision(acting, request, today, progress)
    if kind is DocumentKind.CODING_RESULTS:
        return _coding_results(acting, request, today, progress)
    if kind is DocumentKind.PLAN:
        course = view_course(acting, request.object_id, lang=request.lang)
        programme, _pack = course_content(acting.library, course)
        client = get_client(acting, course.client_id)
        section = plan_section(
            course, programme.name, client.display_name, words, with_name=request.with_name
        )
        about = f"{course.client_code}-{today.isoformat()}"
        rendered = _rendered(request, [section], words, today, about, progress)
        return replace(rendered, may=course.may)
    letter = status_letter(acting, request.object_id, request.letter_after)
    text = request.letter_text or letter.text or draft_letter_text(letter, words)
    printed_on = letter.printed_on or today
    section = letter_section(letter, text, words, printed_on, with_name=request.with_name)
    about = f"{letter.facts.client_code}-{letter.after_sessions}"
    rendered = _rendered(
        request, [section], words, today, about, progress, first_printed=letter.printed_on
    )
    return replace(
        rendered,
        letter_after=letter.after_sessions,
        letter_text=text,
        letter_version=letter.version,
        letter_drafted=not (request.letter_text or letter.text),
        may=letter.may,
    )


def _course_notes(
    acting: Acting,
    request: DocumentRequest,
    words: Wording,
    today: date,
    progress: Progress | None,
) -> Rendered:
    """Every session of the course with a note (a draft or signed; a session not held is
    signed with its attendance), in course order, read as one snapshot."""
    notes = open_notes(acting, request.object_id)
    if not notes:
        raise InvalidInput("print.no_notes")
    total = 2 * len(notes)  # reading (done in one go), then laying out each note
    for done in (0, len(notes)):
        if progress is not None:
            progress(done, total)
    sections = [note_section(note, words, with_name=request.with_name) for note in notes]

    def laid_out(done: int, _sections: int) -> None:
        if progress is not None:
            progress(len(notes) + done, total)

    about = f"{notes[0].client_code}-{today.isoformat()}"
    return replace(_rendered(request, sections, words, today, about, laid_out), may=notes[0].may)


def _supervision(
    acting: Acting, request: DocumentRequest, today: date, progress: Progress | None
) -> Rendered:
    """The supervision overview as a report: figures only, named by its period."""
    from traumefokus.documents.supervision import supervision_pdf
    from traumefokus.services.record_chart import record_chart

    query = request.supervision or OverviewQuery()
    overview = supervision_overview(acting, query, today=today)
    records = record_chart(acting, query, today=today)
    pdf = supervision_pdf(
        overview, request.lang, printed_on=today, progress=progress, records=records
    )
    title = Wording(request.lang)(TITLES[request.kind])
    period = overview.period
    about = "-".join(d.isoformat() for d in (period.start, period.end) if d is not None)
    return Rendered(
        request,
        pdf.data,
        pdf.pages,
        title,
        f"{_safe(f'{title}-{about}')}.pdf",
        may=frozenset({Action.SUPERVISE}),
    )


def _coding_results(
    acting: Acting, request: DocumentRequest, today: date, progress: Progress | None
) -> Rendered:
    """A coding round's results (a round without submitted ratings has none to print)."""
    from traumefokus.documents.coding_results import results_pdf
    from traumefokus.services.coding_results import coding_results

    results = coding_results(acting, request.object_id)
    if not results.has_ratings:
        raise InvalidInput("coding.no_ratings", name=results.round.name)
    pdf = results_pdf(results, request.lang, printed_on=today, progress=progress)
    title = Wording(request.lang)(TITLES[request.kind])
    name = _safe(f"{title}-{results.round.name}")
    return Rendered(
        request, pdf.data, pdf.pages, title, f"{name}.pdf", may=frozenset({Action.CODING_RESULTS})
    )


def _rendered(
    request: DocumentRequest,
    sections: list[Section],
    words: Wording,
    today: date,
    about: str,
    progress: Progress | None,
    *,
    first_printed: date | None = None,
) -> Rendered:
    """The PDF, with a file name of what it is and whom it is about (a client code, a
    session, a date: never a name)."""
    title = words(TITLES[request.kind])
    pdf = build_pdf(
        sections,
        title=title,
        words=words,
        printed_on=today,
        first_printed=first_printed,
        progress=progress,
    )
    name = _safe(f"{title}-{about}")
    return Rendered(request, pdf.data, pdf.pages, title, f"{name}.pdf")


TITLES = {  # the wording of each document's title
    DocumentKind.NOTE: "note.title",
    DocumentKind.NOTES: "note.titles",
    DocumentKind.HANDOUT: "handout.file",
    DocumentKind.PLAN: "plan.title",
    DocumentKind.LETTER: "letter.file",
    DocumentKind.SUPERVISION: "supervision.file",
    DocumentKind.CODING_RESULTS: "coding_results.file",
}


def _about(note: NoteView, words: Wording) -> str:
    s = note.session
    day = s.date or s.planned_date
    name = words.session_name(s.number, s.kind, s.extra, s.follow_up_month)
    return f"{note.client_code}-{name}-{day.isoformat() if day else ''}"


def _safe(name: str) -> str:
    """A file name that works on Windows too."""
    return re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-").lower()


NEEDED = {
    DocumentKind.LETTER: Action.LETTER,
    DocumentKind.SUPERVISION: Action.SUPERVISE,
    DocumentKind.CODING_RESULTS: Action.CODING_RESULTS,
}


def check_printable(acting: Acting, rendered: Rendered) -> None:
    """Whether `acting` may print it now: a status letter is printed by someone who writes
    the course's letters (printing records it on the course), and never with the draft's gaps
    left in; other documents by those who may print the course's papers."""
    needed = NEEDED.get(rendered.request.kind, Action.PRINT)
    if needed not in rendered.may:
        raise acting.refusal(needed, Relation.OTHER)
    if rendered.request.kind is DocumentKind.LETTER:
        if rendered.letter_drafted:
            raise InvalidInput("letter.not_written")
        if rendered.letter_text is not None and has_gaps(rendered.letter_text):
            raise InvalidInput("letter.gaps")


def deliver(acting: Acting, rendered: Rendered, *, today: date) -> None:
    """Record that the document was printed or saved to hand over."""
    check_printable(acting, rendered)
    request = rendered.request
    if request.kind is DocumentKind.SUPERVISION:
        record_report(acting, request.supervision or OverviewQuery(), "pdf")
        return
    if request.kind is DocumentKind.CODING_RESULTS:
        from traumefokus.services.coding_results import record_results
        from traumefokus.services.coding_rounds import get_round

        record_results(acting, get_round(acting, request.object_id), "pdf")
        return
    if request.kind is DocumentKind.LETTER:
        assert rendered.letter_after is not None and rendered.letter_text is not None
        save_status_letter(
            acting,
            request.object_id,
            rendered.letter_after,
            rendered.letter_text,
            version=rendered.letter_version,
            printed_on=today,
        )
        return
    record_printed(
        acting,
        request.kind.value,
        object_type="session" if request.kind in ON_SESSION else "course",
        object_id=request.object_id,
    )


def save_pdf(
    acting: Acting,
    request: DocumentRequest,
    out: Path,
    *,
    today: date,
    progress: Progress | None = None,
) -> Rendered:
    """Render, write the file (whole or not at all) and record it: `traumefokus print`."""
    checked_output(out, acting.protected_paths())  # a wrong path is said before the work
    rendered = render(acting, request, today=today, progress=progress)
    save_rendered(acting, rendered, out, today=today)
    return rendered


def save_rendered(acting: Acting, rendered: Rendered, out: Path, *, today: date) -> None:
    """Write a rendered document to `out` (whole or not at all, never over the program's own
    files) and record it: the one way a PDF is saved, from the CLI and the preview.

    The PDF is written to a temporary file beside `out`, its audit entry committed, and only
    then is it renamed into place: if the entry cannot be written, no PDF is released."""
    out = checked_output(out, acting.protected_paths())
    check_printable(acting, rendered)
    with atomic_writer(out) as file:
        file.write(rendered.pdf)
        deliver(acting, rendered, today=today)
