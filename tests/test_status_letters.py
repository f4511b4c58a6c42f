"""Status letters: due after every fourth held session, drafted from the course's facts,
edited and saved by the therapist, printed only when finished, the day recorded on the
course and in the records export."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from factories import person, planned_course
from pdf_reading import all_text
from schema import validate_records
from traumefokus.documents.render import (
    DocumentKind,
    DocumentRequest,
    check_printable,
    deliver,
    render,
)
from traumefokus.documents.status_letter import draft_letter_text, has_gaps, letter_body
from traumefokus.documents.wording import Wording
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.status_letter import letter_due
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.records import collect_records
from traumefokus.services.session_notes import save_draft, sign_note
from traumefokus.services.status_letters import save_status_letter, status_letter
from traumefokus.services.treatment import add_goal
from traumefokus.storage.models import AuditEvent

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("held", "every", "due"),
    [(0, 4, None), (3, 4, None), (4, 4, 4), (7, 4, 4), (8, 4, 8), (13, 4, 12), (5, 0, None)],
)
def test_which_letter_is_due(held, every, due):
    assert letter_due(held, every) == due


@pytest.fixture
def course_id(db, admin, therapist, library):
    client = add_client(admin, "K-0007", display_name="Jørn")
    course_id = planned_course(therapist, client.id, start=START, at=time(9, 30))
    add_goal(therapist, course_id, "Færre dage med hash.", START)
    return course_id


def hold(db, therapist, library, course_id, numbers, commitment=None):
    course = view_course(therapist, course_id)
    for s in course.sessions:
        if s.number in numbers:
            if commitment:
                save_draft(therapist, s.id, NoteDraft(commitment=commitment))
            sign_note(therapist, s.id, attendance="held", day=s.planned_date)


def test_no_letter_before_four_held_weekly_sessions(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3})  # the assessment does not count
    with pytest.raises(InvalidInput) as refused:
        status_letter(therapist, course_id)
    assert refused.value.facts == {"held": 3, "every": 4}
    assert view_course(therapist, course_id).letter_count(["move", "trauma"]) == 3


def test_the_first_draft_reports_the_courses_facts(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3})
    hold(db, therapist, library, course_id, {4}, commitment="Ringe til Lis")
    letter = status_letter(therapist, course_id)
    assert letter.after_sessions == 4 and letter.text is None and letter.printed_on is None
    text = draft_letter_text(letter, Wording("da"))
    assert "Vi har nu haft 4 samtaler" in text  # the weekly sessions: 1 to 4
    assert "12. januar 2026 til 2. februar 2026" in text
    assert "- Sikkerhed" in text
    assert "- 02.02.2026: Ringe til Lis" in text
    assert "- Færre dage med hash – [skriv, hvordan det går]" in text
    assert "mandag 9. februar 2026 kl. 09.30" in text  # the next session
    assert text.endswith("Venlig hilsen\nmette.h")
    assert has_gaps(text)
    english = draft_letter_text(letter, Wording("en"))
    assert "We have now had 4 sessions" in english and has_gaps(english)


def letter_request(course_id, **options):
    return DocumentRequest(DocumentKind.LETTER, course_id, **options)


def test_a_letter_not_written_or_with_gaps_is_not_printed(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3, 4})
    rendered = render(therapist, letter_request(course_id), today=START)
    with pytest.raises(InvalidInput) as refused:
        check_printable(therapist, rendered)
    assert refused.value.code == "letter.not_written"  # the first draft is not the letter
    save_status_letter(therapist, course_id, 4, rendered.letter_text, version=None)
    rendered = render(therapist, letter_request(course_id), today=START)
    with pytest.raises(InvalidInput) as refused:
        check_printable(therapist, rendered)
    assert refused.value.code == "letter.gaps"
    with pytest.raises(InvalidInput):
        deliver(therapist, rendered, today=START)
    assert status_letter(therapist, course_id).printed_on is None


def test_the_edited_text_is_saved_printed_and_exported(db, admin, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3, 4})
    text = (
        "Det går godt.\n\n- Færre dage med hash: fra fem til to om ugen\n\nVenlig hilsen\nmette.h"
    )
    save_status_letter(therapist, course_id, 4, text, version=None)
    letter = status_letter(therapist, course_id)
    assert letter.text == text and letter.saved_by == "mette.h"
    day = date(2026, 1, 27)
    rendered = render(
        therapist,
        DocumentRequest(DocumentKind.LETTER, course_id, with_name=True),
        today=day,
    )
    printed = all_text(rendered.pdf)
    assert "Til Jørn" in printed and "Kære Jørn" in printed
    assert "fra fem til to om ugen" in printed
    assert printed.startswith("27. januar 2026\n")  # the letter is dated
    deliver(therapist, rendered, today=day)
    assert status_letter(therapist, course_id).printed_on == day
    document = collect_records(admin)
    validate_records(document)
    exported = document["clients"][0]["courses"][0]["status_letters"]
    assert exported == [
        {
            "after_sessions": 4,
            "text": text,
            "saved_at": exported[0]["saved_at"],
            "saved_by": "mette.h",
            "printed_on": "2026-01-27",
            "counted_kinds": ["move", "trauma"],
        }
    ]
    with db.reading() as tx:
        actions = tx.scalars(select(AuditEvent.action)).all()
    assert "letter.print" in actions


def test_the_next_letter_is_due_after_eight(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, set(range(9)))
    save_status_letter(therapist, course_id, 4, "Første brev", version=None, printed_on=START)
    letter = status_letter(therapist, course_id)
    assert letter.after_sessions == 8 and letter.text is None
    assert letter.letters == ((4, START), (8, None))


def test_a_missed_letter_can_still_be_written_and_printed(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, set(range(9)))
    earlier = status_letter(therapist, course_id, 4)
    assert earlier.after_sessions == 4 and earlier.text is None
    save_status_letter(therapist, course_id, 4, "Brevet efter fire.", version=None)
    rendered = render(therapist, letter_request(course_id, letter_after=4), today=START)
    deliver(therapist, rendered, today=START)
    assert status_letter(therapist, course_id, 4).printed_on == START
    assert status_letter(therapist, course_id).printed_on is None  # the 8th
    with pytest.raises(InvalidInput):
        status_letter(therapist, course_id, 12)


def test_a_printed_letter_is_kept_as_handed_over(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3, 4})
    version = save_status_letter(therapist, course_id, 4, "Som udleveret.", version=None)
    first = date(2026, 2, 1)
    rendered = render(therapist, letter_request(course_id), today=first)
    deliver(therapist, rendered, today=first)
    letter = status_letter(therapist, course_id)
    with pytest.raises(Refused) as refused:
        save_status_letter(therapist, course_id, 4, "Ændret bagefter.", version=letter.version)
    assert refused.value.code == "letter.printed"
    later = date(2026, 3, 1)
    again = render(therapist, letter_request(course_id), today=later)
    reprinted = all_text(again.pdf)
    assert reprinted.startswith("1. februar 2026\n")  # dated as first handed over
    assert "Først udskrevet 1. februar 2026 · genudskrevet 1. marts 2026" in reprinted
    assert "Udskrevet 1. februar 2026" in all_text(rendered.pdf)  # the first print
    deliver(therapist, again, today=later)
    letter = status_letter(therapist, course_id)
    assert (letter.text, letter.printed_on) == ("Som udleveret.", first)
    with db.reading() as tx:
        actions = tx.scalars(select(AuditEvent.action)).all()
    assert actions.count("letter.print") == 1 and actions.count("letter.reprint") == 1
    assert version is not None


def test_two_people_writing_the_same_letter_do_not_overwrite_each_other(
    db, therapist, library, course_id
):
    hold(db, therapist, library, course_id, {0, 1, 2, 3, 4})
    seen = status_letter(therapist, course_id)
    save_status_letter(therapist, course_id, 4, "Min tekst.", version=seen.version)
    with pytest.raises(Refused) as refused:
        save_status_letter(therapist, course_id, 4, "Din tekst.", version=seen.version)
    assert refused.value.code == "db.conflict_by"  # with who saved it and when
    assert status_letter(therapist, course_id).text == "Min tekst."


def test_who_may_write_and_print_a_letter(db, admin, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3, 4})
    supervisor = person(admin, "sup", "supervisor")
    coder = person(admin, "kod", "coder")
    assert status_letter(supervisor, course_id).after_sessions == 4  # may read
    with pytest.raises(Refused):
        save_status_letter(supervisor, course_id, 4, "Tekst", version=None)
    rendered = render(
        supervisor,
        DocumentRequest(DocumentKind.LETTER, course_id, letter_text="Færdig tekst"),
        today=START,
    )
    with pytest.raises(Refused):
        check_printable(supervisor, rendered)
    with pytest.raises(Refused):
        status_letter(coder, course_id)


def test_a_letter_for_sessions_not_yet_held_is_refused(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3, 4})
    with pytest.raises(InvalidInput) as refused:
        save_status_letter(therapist, course_id, 8, "For tidligt", version=None)
    assert refused.value.code == "letter.too_early"
    with pytest.raises(InvalidInput):
        save_status_letter(therapist, course_id, 4, "   ", version=None)


def test_a_letter_body_keeps_paragraphs_and_bullets_in_order():
    story = letter_body("Indledning\n- et\n- to\nMellemtekst\n\nSlut")
    kinds = [type(f).__name__ for f in story]
    assert kinds == ["Paragraph", "ListFlowable", "Paragraph", "Paragraph"]


def test_follow_ups_are_not_counted(db, therapist, library, course_id):
    hold(db, therapist, library, course_id, {0, 1, 2, 3})
    course = view_course(therapist, course_id)
    follow_up = next(s for s in course.sessions if s.follow_up_month == 1)
    sign_note(therapist, follow_up.id, attendance="held", day=START + timedelta(days=30))
    with pytest.raises(InvalidInput):
        status_letter(therapist, course_id)


def test_letters_fall_due_after_the_4th_8th_and_12th_weekly_session(
    db, therapist, library, course_id
):
    hold(db, therapist, library, course_id, set(range(12)))
    assert status_letter(therapist, course_id).letters == ((4, None), (8, None))
    hold(db, therapist, library, course_id, {12})
    letter = status_letter(therapist, course_id)
    assert letter.letters == ((4, None), (8, None), (12, None))
    assert [s.number for s in letter.facts.held] == list(range(1, 13))
    assert [s.number for s in status_letter(therapist, course_id, 4).facts.held] == [1, 2, 3, 4]


def test_a_letter_printed_under_the_earlier_count_stands_for_its_letter(
    db, therapist, library, course_id
):
    """Before the programme named the counted kinds, the assessment counted: such a letter
    keeps its number and text, and no second letter falls due for it."""
    hold(db, therapist, library, course_id, {0, 1, 2, 3})
    with db.transaction() as tx:
        from traumefokus.storage.clock import utc_now
        from traumefokus.storage.models import StatusLetter

        tx.add(
            StatusLetter(
                course_id=course_id,
                after_sessions=4,
                text="Skrevet efter tre ugentlige samtaler.",
                saved_at=utc_now(),
                saved_by_id=therapist.actor.id,
                printed_on=START,
                counted_kinds=["assessment", "move", "trauma"],
            )
        )
    letter = status_letter(therapist, course_id)  # shown, though only 3 count now
    assert (letter.after_sessions, letter.printed_on) == (4, START)
    hold(db, therapist, library, course_id, {4})
    assert status_letter(therapist, course_id).letters == ((4, START),)
