"""The pace rules of the session screen (domain/pace.py): over the maximum by N minutes, and
the programme's minimum for the theme (cut short, time up under it, not reachable)."""

import pytest

from traumefokus.domain.content import AgendaPoint
from traumefokus.domain.pace import hint, minutes_over, theme_cut_short, under_minimum

pytestmark = pytest.mark.both_databases

CHECK_IN = AgendaPoint("check_in", "Tjek-ind", "Check-in", 5, 5)
QUOTE = AgendaPoint("quote", "Citat", "Quote", 5, 10)
THEME = AgendaPoint("theme", "Tema", "Theme", 35, 40, 30)
CHECK_OUT = AgendaPoint("check_out", "Tjek-ud", "Check-out", 10, 10)
AGENDA = (CHECK_IN, QUOTE, THEME, CHECK_OUT)
MIN = 60


def test_minutes_over_the_maximum_count_whole_minutes_past_it():
    assert minutes_over(QUOTE, 10 * MIN) == 0
    assert minutes_over(QUOTE, 10 * MIN + 59) == 0
    assert minutes_over(QUOTE, 11 * MIN) == 1
    assert minutes_over(QUOTE, 13 * MIN + 30) == 3


def test_a_point_over_its_maximum_says_by_how_much():
    found = hint(AGENDA, {"check_in": 7 * MIN + 10}, "check_in", 60)
    assert (found.code, found.facts) == ("pace.over_max", {"over": 2, "max": 5})
    assert found.about_point
    at_target = hint(AGENDA, {"quote": 6 * MIN}, "quote", 60)
    assert at_target.code == "pace.over_target"  # past the target, within the maximum


def test_under_minimum_only_for_a_point_with_a_minimum():
    assert under_minimum(THEME, 29 * MIN + 59)
    assert not under_minimum(THEME, 30 * MIN)
    assert not under_minimum(CHECK_OUT, 0)  # no minimum at all


def test_leaving_the_theme_before_its_minimum_says_it_was_cut_short():
    seconds = {"check_in": 5 * MIN, "quote": 5 * MIN, "theme": 22 * MIN + 40}
    found = hint(AGENDA, seconds, "check_out", 60)
    assert (found.code, found.facts) == ("pace.theme_cut_short", {"minutes": 22, "min": 30})
    assert not found.about_point
    assert theme_cut_short(AGENDA, seconds, "quote") is None  # before the theme: not yet
    assert hint(AGENDA, {**seconds, "theme": 30 * MIN}, "check_out", 60) is None


def test_the_check_out_running_over_outranks_the_cut_short_theme():
    seconds = {"theme": 20 * MIN, "check_out": 12 * MIN}
    assert hint(AGENDA, seconds, "check_out", 60).code == "pace.over_max"


def test_the_theme_time_up_under_its_minimum_says_so():
    seconds = {"check_in": 15 * MIN, "quote": 10 * MIN, "theme": 25 * MIN}
    found = hint(AGENDA, seconds, "theme", 60)
    assert (found.code, found.facts) == (
        "pace.theme_time_up_short",
        {"left": 10, "minutes": 25, "min": 30},
    )


def test_the_theme_says_early_when_the_session_cannot_give_it_its_minimum():
    seconds = {"check_in": 12 * MIN, "quote": 12 * MIN, "theme": 5 * MIN}
    found = hint(AGENDA, seconds, "theme", 60)
    # 31 minutes left; 10 kept for the check-out: the theme reaches 5 + 21 = 26 minutes
    assert (found.code, found.facts) == ("pace.theme_short", {"reach": 26, "min": 30})
    assert hint(AGENDA, {"check_in": 5 * MIN, "quote": 5 * MIN}, "theme", 60) is None


def test_without_a_minimum_the_theme_keeps_the_plain_hints():
    plain = AgendaPoint("theme", "Tema", "Theme", 35, 40)
    agenda = (CHECK_IN, QUOTE, plain, CHECK_OUT)
    seconds = {"check_in": 15 * MIN, "quote": 10 * MIN, "theme": 25 * MIN}
    assert hint(agenda, seconds, "theme", 60).code == "pace.theme_time_up"
    assert hint(agenda, {"theme": 10 * MIN}, "check_out", 60) is None


# --- the minimum in the programme file -----------------------------------------------------
def load_with_theme(tmp_path, **theme):
    from content_fixtures import programme_data, write_pack, write_programme
    from traumefokus.content.packs import load_pack
    from traumefokus.content.programmes import load_programme

    pack = load_pack(write_pack(tmp_path / "pack"))
    data = programme_data()
    data["agenda"]["trauma"][2].update(theme)
    path = write_programme(tmp_path / "programme.toml", data)
    return load_programme(path, lambda pack_id: pack if pack_id == pack.id else None)


def test_the_loader_reads_the_theme_minimum(tmp_path):
    from traumefokus.domain.vocabulary import SessionKind

    programme = load_with_theme(tmp_path, min=30)
    theme = programme.agenda[SessionKind.TRAUMA][2]
    assert (theme.id, theme.min_minutes, theme.target_minutes) == ("theme", 30, 35)


@pytest.mark.parametrize(
    ("minimum", "problem"),
    [
        (36, "the minimum 36 min is greater than the target 35 min"),
        (0, "min"),
        ("thirty", "min"),
    ],
)
def test_the_loader_refuses_a_minimum_that_cannot_be(tmp_path, minimum, problem):
    from traumefokus.content.problems import InvalidContent

    with pytest.raises(InvalidContent) as refused:
        load_with_theme(tmp_path, min=minimum)
    [found] = [p.describe("en") for p in refused.value.problems]
    assert "agenda.trauma[theme]" in found and problem in found


# --- the printed note ------------------------------------------------------------------------
def printed_note(therapist, library, seconds, *, lang="da", code="K-0001"):
    from datetime import date

    from factories import planned_course
    from pdf_reading import all_text
    from traumefokus.documents.render import DocumentKind, DocumentRequest, render
    from traumefokus.domain.session_note import NoteDraft
    from traumefokus.services.clients import add_client
    from traumefokus.services.courses import view_course
    from traumefokus.services.session_notes import save_draft, sign_note

    client = add_client(therapist, code)
    course = view_course(therapist, planned_course(therapist, client.id, start=date(2026, 1, 5)))
    s3 = next(s.id for s in course.sessions if s.number == 3)
    save_draft(therapist, s3, NoteDraft(agenda_seconds=seconds))
    sign_note(therapist, s3, attendance="held", day=date(2026, 1, 26))
    request = DocumentRequest(DocumentKind.NOTE, s3, lang=lang)
    return " ".join(all_text(render(therapist, request, today=date(2026, 2, 9)).pdf).split())


def test_the_note_marks_a_theme_that_ended_under_its_minimum(db, therapist, library):
    seconds = {"check_in": 300, "quote": 420, "theme": 22 * MIN, "check_out": 600}
    text = printed_note(therapist, library, seconds)
    assert "22:00 (under minimum på 30 min.)" in text
    assert text.count("under minimum") == 1  # only the theme has a minimum
    english = printed_note(therapist, library, seconds, lang="en", code="K-0002")
    assert "22:00 (under the minimum of 30 min)" in english


def test_a_theme_that_had_its_minimum_is_not_marked(db, therapist, library):
    seconds = {"check_in": 300, "quote": 420, "theme": 30 * MIN, "check_out": 600}
    assert "under minimum" not in printed_note(therapist, library, seconds)


def test_a_note_without_any_timing_marks_nothing(db, therapist, library):
    assert "under minimum" not in printed_note(therapist, library, {})
