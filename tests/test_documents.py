"""Printed documents read back from the PDF: the right content in Danish and English, page
numbers and printed date, embedded fonts with æøå intact, DRAFT on every page of an
unsigned note, handouts without therapist guidance, and text that would not fit."""

from __future__ import annotations

import re
from datetime import date

import pytest

from factories import planned_course
from pdf_reading import all_text, flat, page_texts, unembedded_fonts
from traumefokus.documents.render import DocumentKind, DocumentRequest, render
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft, QuoteTalk, WorksheetUse
from traumefokus.errors import InvalidInput
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import add_addendum, save_draft, sign_note
from traumefokus.services.treatment import add_goal

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)
TODAY = date(2026, 2, 9)


@pytest.fixture
def course(db, admin, therapist, library):
    client = add_client(admin, "K-0001", display_name="Åse Ørnø", site="Nord")
    course_id = planned_course(therapist, client.id, start=START)
    add_goal(therapist, course_id, "Sove hele natten uden at drikke", START)
    return view_course(therapist, course_id)


def number(course, n):
    return next(s for s in course.sessions if s.number == n).id


def full_draft(**changes) -> NoteDraft:
    draft = NoteDraft(
        check_in=CheckIn(
            feeling="Træt, men rolig – æøå ÆØÅ",
            feeling_score=4,
            good_coping="Gik en tur ved søen",
            substance_use="some",
            substances="Øl til fødselsdag",
            commitment_done="partly",
        ),
        quote=QuoteTalk(understanding="At man først må være tryg", link="Sikkerhed først"),
        worksheets=[WorksheetUse("safe-and-unsafe", "Lavede listen sammen", handed_out=True)],
        check_out=CheckOut(takeaway="Min plan for weekenden", difficult="At tale om far"),
        commitment="Ringe til min søster onsdag",
        measures={"tem": 6},
        agenda_seconds={"check_in": 290, "quote": 400, "theme": 2500, "check_out": 500},
    )
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft


def print_doc(db, actor, library, kind, object_id, **options):
    request = DocumentRequest(DocumentKind(kind), object_id, **options)
    return render(actor, request, today=TODAY)


# --- the session note ------------------------------------------------------------------------
def test_a_signed_note_carries_the_whole_session(db, therapist, library, course):
    s3 = number(course, 3)
    save_draft(therapist, s3, full_draft())
    sign_note(therapist, s3, attendance="held", day=date(2026, 1, 26))
    add_addendum(therapist, s3, "Søsteren ringede tilbage.")
    pdf = print_doc(db, therapist, library, "note", s3).pdf
    text = all_text(pdf)
    for expected in (
        "Sessionsnote",
        "K-0001",
        "MOVE med Seeking Safety",
        "Session 3",
        "26. januar 2026",
        "mette.h",
        "Sikkerhed",
        "Træt, men rolig – æøå ÆØÅ",
        "4 på en skala fra 0 til 10",
        "Noget: Øl til fødselsdag",
        "Delvist",
        "At man først må være tryg",
        "Lavede listen sammen",
        "Min plan for weekenden",
        "Ringe til min søster onsdag",
        "TEM – trivsel og effekt",
        "Tid pr. dagsordenspunkt",
        "41:40 (over)",  # the theme: 2500 s against a 40-minute maximum
        "Afholdt",
        "Underskrevet",
        "Søsteren ringede tilbage.",
        "Medunderskrift (supervisor)",
        "Udskrevet 9. februar 2026",
    ):
        assert expected in text, expected
    assert "KLADDE" not in text
    assert "Åse" not in text  # the display name only when asked for
    assert unembedded_fonts(pdf) == set()


def test_the_display_name_is_printed_when_asked_for(db, therapist, library, course):
    text = all_text(
        print_doc(db, therapist, library, "note", number(course, 3), with_name=True).pdf
    )
    assert "Åse Ørnø (K-0001)" in text


def test_a_draft_is_marked_on_every_page(db, therapist, library, course):
    s3 = number(course, 3)
    long_check_in = " ".join(["Klienten fortalte om ugen, dag for dag."] * 900)
    save_draft(therapist, s3, full_draft(check_in=CheckIn(feeling=long_check_in)))
    rendered = print_doc(db, therapist, library, "note", s3)
    pages = page_texts(rendered.pdf)
    assert rendered.pages == len(pages) > 3
    for index, page in enumerate(pages, start=1):
        assert "KLADDE – ikke underskrevet" in page
        assert f"Side {index} af {len(pages)}" in page
        assert "Udskrevet 9. februar 2026" in page


def test_a_very_long_check_in_and_a_very_long_word_lay_out(db, therapist, library, course):
    s3 = number(course, 3)
    words = " ".join(f"ord{n % 97}æ" for n in range(5000))
    long_word = "ø" * 100 + "x" * 100
    draft = full_draft(
        check_in=CheckIn(feeling=words, good_coping=long_word),
        commitment=long_word,
    )
    save_draft(therapist, s3, draft)
    for kind in ("note", "handout"):
        rendered = print_doc(db, therapist, library, kind, s3)
        assert long_word in flat(all_text(rendered.pdf))
    note = all_text(print_doc(db, therapist, library, "note", s3).pdf)
    assert [int(n) for n in re.findall(r"ord(\d+)æ", flat(note))] == [n % 97 for n in range(5000)]


def test_typed_markup_and_control_characters_print_as_text(db, therapist, library, course):
    s3 = number(course, 3)
    typed = 'Sagde <b>nej</b> & gik\x00\x07 – "citat"'
    save_draft(therapist, s3, full_draft(commitment=typed))
    text = all_text(print_doc(db, therapist, library, "note", s3).pdf)
    assert 'Sagde <b>nej</b> & gik – "citat"' in text


def test_a_move_session_prints_its_notes_per_agenda_point(db, therapist, library, course):
    s1 = number(course, 1)
    draft = NoteDraft(notes={"check_in": "Kom til tiden", "topic": "Talte om mål"})
    save_draft(therapist, s1, draft)
    text = all_text(print_doc(db, therapist, library, "note", s1).pdf)
    assert "Tjek-ind og TEM" in text and "Kom til tiden" in text
    assert "Dagens emne" in text and "Talte om mål" in text
    assert "Citat" not in text  # no quote in a MOVE session


def test_the_note_prints_in_english(db, therapist, library, course):
    s3 = number(course, 3)
    save_draft(therapist, s3, full_draft())
    text = all_text(print_doc(db, therapist, library, "note", s3, lang="en").pdf)
    for expected in (
        "Session note",
        "Check-in",
        "Time per agenda point",
        "DRAFT – not signed",
        "Page 1 of",
        "Printed 9 February 2026",
        "Co-signature (supervisor)",
    ):
        assert expected in text, expected


def test_all_notes_of_a_course_number_their_pages_per_note(db, therapist, library, course):
    for n in (0, 1, 2):
        sign_note(therapist, number(course, n), attendance="held", day=START)
    s3 = number(course, 3)
    save_draft(therapist, s3, full_draft())
    seen = []
    request = DocumentRequest(DocumentKind.NOTES, course.id)
    rendered = render(
        therapist,
        request,
        today=TODAY,
        progress=lambda done, total: seen.append((done, total)),
    )
    pages = page_texts(rendered.pdf)
    firsts = [p for p in pages if re.search(r"Side 1 af \d", p)]
    assert len(firsts) == 4  # three signed sessions and one draft
    for page in pages:
        assert ("KLADDE" in page) == ("· Session 3 ·" in page)
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_a_course_without_notes_has_nothing_to_print(db, therapist, library, course):
    with pytest.raises(InvalidInput) as refused:
        print_doc(db, therapist, library, "notes", course.id)
    assert refused.value.code == "print.no_notes"


# --- the client's handout ------------------------------------------------------------------
def test_a_handout_has_the_chosen_worksheets_and_never_the_guidance(db, therapist, library, course):
    s3 = number(course, 3)
    save_draft(therapist, s3, full_draft())
    theme = library.pack("seeking-safety").theme("safety")
    chosen = next(w for w in theme.worksheets if w.id == "safe-and-unsafe")
    other = next(w for w in theme.worksheets if w.id != "safe-and-unsafe")
    rendered = print_doc(db, therapist, library, "handout", s3)
    text = flat(all_text(rendered.pdf))
    assert flat("Hvad gør mig mere sikker") in text
    assert flat(title_of(other)) not in text
    assert flat("Ringe til min søster onsdag") in text
    assert flat(theme.quote.text) in text
    for sheet in theme.worksheets:
        for sentence in _sentences(sheet.guidance):
            assert flat(sentence) not in text, sentence
    for sentence in _sentences(theme.introduction):
        assert flat(sentence) not in text, sentence
    assert chosen.title
    assert unembedded_fonts(rendered.pdf) == set()


def title_of(sheet) -> str:
    """The heading of a worksheet's client text."""
    return next(line for line in sheet.client.splitlines() if line.startswith("#")).lstrip("# ")


def _sentences(markdown: str) -> list[str]:
    plain = re.sub(r"<!--.*?-->|[*_#>`]", "", markdown, flags=re.S)
    return [s.strip() for s in re.split(r"(?<=[.?!:])\s+", plain) if len(s.strip()) > 25]


def test_before_anything_is_chosen_the_handout_has_every_worksheet(db, therapist, library, course):
    s3 = number(course, 3)
    theme = library.pack("seeking-safety").theme("safety")
    rendered = print_doc(db, therapist, library, "handout", s3)
    text = flat(all_text(rendered.pdf))
    for sheet in theme.worksheets:
        assert flat(title_of(sheet)) in text
    assert rendered.pages >= len(theme.worksheets)  # each worksheet on its own page
    assert "Min aftale til næste gang" in all_text(rendered.pdf)


def test_a_handout_prints_the_worksheets_asked_for(db, therapist, library, course):
    s3 = number(course, 3)
    rendered = print_doc(db, therapist, library, "handout", s3, worksheets=("hard-day-plan",))
    text = flat(all_text(rendered.pdf))
    assert flat("Min plan for en svær dag") in text
    assert flat("Hvad gør mig mere sikker") not in text
    with pytest.raises(InvalidInput) as refused:
        print_doc(db, therapist, library, "handout", s3, worksheets=("no-such-sheet",))
    assert refused.value.facts["worksheet"] == "no-such-sheet"


# --- the course plan -----------------------------------------------------------------------
def test_the_course_plan_lists_dates_times_themes_and_goals(db, therapist, library, course):
    planning.record_attendance(therapist, number(course, 1), "no_show")
    text = all_text(print_doc(db, therapist, library, "plan", course.id).pdf)
    assert "Dit forløb" in text
    assert "mandag 19. januar 2026" in text  # session 2
    assert "mandag 26. januar 2026" in text and "Sikkerhed" in text  # session 3
    assert "10.00" in text
    assert "Sove hele natten uden at drikke" in text
    # session 1 was missed: it keeps its place and number, so "Samtale 2" follows "Samtale 1"
    lines = text.splitlines()
    missed = lines.index("mandag 12. januar 2026")
    assert lines[missed + 1] == "Samtale 1 (ikke afholdt)"
    assert lines.index("Samtale 2") > missed
    planning.record_attendance(therapist, number(course, 2), "cancelled_client")
    text = all_text(print_doc(db, therapist, library, "plan", course.id).pdf)
    assert "Samtale 2 (aflyst)" in text
    assert flat("Løsriv dig fra følelsesmæssig smerte") in flat(text)


def test_the_course_plan_in_english_with_the_name(db, therapist, library, course):
    text = all_text(
        print_doc(db, therapist, library, "plan", course.id, lang="en", with_name=True).pdf
    )
    assert "Your course: Åse Ørnø" in text
    assert "Monday 26 January 2026" in text


def test_names_from_many_scripts_print_with_the_embedded_font(db, admin, therapist, library):
    name = "Łukasz Øberg Ахмед Σοφία"
    client = add_client(admin, "K-0099", display_name=name)
    course_id = planned_course(therapist, client.id)
    rendered = print_doc(db, therapist, library, "plan", course_id, with_name=True)
    assert name in all_text(rendered.pdf)
    assert unembedded_fonts(rendered.pdf) == set()


def test_a_course_s_notes_are_read_in_one_snapshot_whatever_their_number(
    db, therapist, library, course
):
    """Printing all notes reads them in one unit of work with a fixed number of queries (it
    was one read per note: 129 statements for 15 notes, and no consistent snapshot)."""
    from sqlalchemy import event

    from traumefokus.services.safety_flags import raise_safety_flag
    from traumefokus.services.session_notes import open_notes

    def statements(count: int) -> int:
        for s in view_course(therapist, course.id).sessions[:count]:
            if s.note_status == "none":
                if s.kind == "trauma":
                    save_draft(therapist, s.id, NoteDraft(commitment="Gå en tur"))
                sign_note(therapist, s.id, attendance="held", day=START)
                add_addendum(therapist, s.id, "Tilføjelse.")
        seen: list[str] = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731 - the statement
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            notes = open_notes(therapist, course.id)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        assert len(notes) == count
        return len(seen)

    flag_session = view_course(therapist, course.id).sessions[4]
    raise_safety_flag(therapist, flag_session.id, "Uro")
    few = statements(3)
    assert statements(12) == few <= 12
