"""The plan history as a reader sees it: theme titles from the course's pack in the
reader's language and days as the screens show them, while the stored change (for exports)
keeps ids and ISO dates."""

from datetime import date, time

import pytest

from factories import SS_THEMES, planned_course
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import end_course, view_course
from traumefokus.services.plan_history import describe_change, names_themes
from traumefokus.services.records import collect_records
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.forms import day_label
from ui_helpers import make_context

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)
TITLES = {"safety": ("Sikkerhed", "Safety"), "grounding": ("Løsriv dig", "Detaching from")}


def test_facts_that_name_themes():
    assert names_themes("theme") and names_themes("themes") and names_themes("new_theme")
    assert not names_themes("session") and not names_themes("themed")


def test_the_stored_words_keep_ids_and_iso_dates():
    facts = {"session": "5", "old": "2026-02-02", "new": "2026-02-03"}
    assert describe_change("rescheduled", facts, "en") == (
        "Session 5 moved from 2026-02-02 to 2026-02-03"
    )
    shown = describe_change("rescheduled", facts, "da", day=lambda d: f"{d.day}/{d.month}")
    assert shown == "Session 5 flyttet fra 2/2 til 3/2"


def test_theme_ids_become_titles_one_by_one():
    titles = {"safety": "Sikkerhed", "grounding": "Grounding"}
    shown = describe_change(
        "themes_chosen", {"themes": "safety, grounding"}, "da", theme=titles.__getitem__
    )
    assert shown == "Temaer valgt: Sikkerhed, Grounding"
    # "-" (no theme) stays as it is.
    extra = {"kind": "move", "theme": "-", "date": "2026-03-02"}
    assert "tema: -" in describe_change("extra_added", extra, "da", theme=titles.__getitem__)


@pytest.fixture
def course_id(admin, therapist):
    client = add_client(admin, "K-0001")
    course_id = planned_course(therapist, client.id, start=START, themes=SS_THEMES)
    sessions = {s.number: s for s in view_course(therapist, course_id).sessions}
    planning.reschedule(
        therapist, sessions[1].id, day=date(2026, 1, 13), at=time(10, 0), reason="Ferie"
    )
    planning.defer_theme(therapist, sessions[3].id, "Ikke klar")
    return course_id


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_course_view_says_titles_and_days(therapist, course_id, lang):
    view = view_course(therapist, course_id, lang=lang, day=lambda d: d.strftime("%d.%m.%Y"))
    text = "\n".join(entry.description for entry in view.history)
    title = TITLES["safety"][lang == "en"]
    assert title in text
    assert "safety" not in text.replace("Safety", "")  # no theme id left
    assert "13.01.2026" in text and "2026-01-13" not in text
    assert "05.01.2026" in text  # the start in "created"


def test_the_export_keeps_the_stored_words(admin, therapist, course_id):
    records = collect_records(admin)
    course = records["clients"][0]["courses"][0]
    changes = " ".join(c["change"] for c in course["plan_history"])
    assert "2026-01-13" in changes and "safety" in changes


def test_an_end_reason_is_said_with_its_label(therapist, course_id):
    end_course(
        therapist,
        course_id,
        status="ended_early",
        end_date=date(2026, 2, 2),
        reason="moved",
        reasons=("moved", "other"),
    )
    view = view_course(therapist, course_id, lang="da", day=lambda d: d.isoformat())
    ended = next(e for e in view.history if e.kind == "ended")
    assert "(årsag: Flyttede)" in ended.description
    assert "02.02.2026" not in ended.description and "2026-02-02" in ended.description


def test_the_course_page_shows_titles_and_local_dates(qtbot, workspace, therapist, course_id):
    ctx = make_context(workspace, "da", acting=therapist)
    page = CoursePage(ctx)
    qtbot.addWidget(page)
    page.show_course(course_id)
    texts = [page.history.item(i).text() for i in range(page.history.count())]
    whole = "\n".join(texts)
    assert "Sikkerhed" in whole and "Løsriv dig fra følelsesmæssig smerte" in whole
    for theme_id in SS_THEMES:
        assert theme_id not in whole.replace("grounding)", "")  # "(grounding)" is a title
    assert day_label(date(2026, 1, 13)) in whole  # "tir. 13.01.2026", as the timeline says
    assert "2026-01-" not in whole
    # Newest first: the theme put aside, then the move, then the themes, then the plan.
    assert "udsat" in texts[0] and "Hvorfor: Ikke klar" in texts[0]
    assert "flyttet fra" in texts[1] and "Hvorfor: Ferie" in texts[1]
