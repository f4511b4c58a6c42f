"""Inclusion: an ITQ at the assessment that shows no PTSD symptoms marks the course until the
therapist confirms going on; the confirmation is in the plan history and the records export,
and the course page shows the warning, then a calm note."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from factories import person, planned_course
from schema import validate_records
from traumefokus.domain.inclusion import CONFIRMED
from traumefokus.domain.itq import ITEMS
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import end_course, view_course
from traumefokus.services.inclusion import confirm_inclusion
from traumefokus.services.records import collect_records
from traumefokus.services.treatment import record_itq
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.inclusion_note import ConfirmInclusionDialog
from traumefokus.ui.operations import bus
from ui_helpers import make_context

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)
NONE = dict.fromkeys(ITEMS, 0)
SUBCLINICAL = {**NONE, "P1": 3, "P3": 3}  # two core clusters: the pilot took them in
PTSD = {**NONE, "P1": 2, "P3": 2, "P5": 2, "P7": 2}


@pytest.fixture
def course_id(db, admin, therapist):
    client = add_client(admin, "K-0001")
    return planned_course(therapist, client.id, start=START)


def itq(acting, course_id, items, *, occasion="assessment", day=START, itq_id=None) -> str:
    return record_itq(acting, course_id, occasion=occasion, day=day, items=items, itq_id=itq_id)


# --- the rule and the service ---------------------------------------------------------------


def test_no_assessment_itq_yet_asks_nothing(therapist, course_id):
    assert view_course(therapist, course_id).inclusion is None


@pytest.mark.parametrize(
    ("items", "warned"),
    [(NONE, True), (SUBCLINICAL, False), (PTSD, False), ({"P1": 0}, False)],
    ids=["none", "subclinical", "ptsd", "incomplete"],
)
def test_only_an_assessment_itq_without_ptsd_symptoms_warns(therapist, course_id, items, warned):
    itq(therapist, course_id, items)
    inclusion = view_course(therapist, course_id).inclusion
    assert (inclusion is not None) is warned
    if warned:
        assert (inclusion.itq_date, inclusion.confirmed) == (START, False)


def test_a_follow_up_itq_without_symptoms_is_no_inclusion_question(therapist, course_id):
    itq(therapist, course_id, PTSD)
    itq(therapist, course_id, NONE, occasion="follow_up", day=START + timedelta(days=200))
    assert view_course(therapist, course_id).inclusion is None


def test_the_confirmation_is_a_plan_change_of_its_own_with_who_when_and_why(therapist, course_id):
    itq(therapist, course_id, NONE)
    confirm_inclusion(therapist, course_id, "  Klinisk vurdering: symptomer underrapporteret ")
    course = view_course(therapist, course_id, lang="da")
    entry = course.history[-1]
    assert (entry.kind, entry.by, entry.reason) == (
        CONFIRMED,
        "mette.h",
        "Klinisk vurdering: symptomer underrapporteret",
    )
    # The ITQ's date as the plan history shows dates (the export keeps ISO dates).
    assert entry.description.startswith("Forløbet fortsætter, selvom ITQ ved forsamtalen (")
    assert entry.description.endswith(") ikke viser PTSD-symptomer")
    assert "05.01.2026" in entry.description or "2026-01-05" in entry.description
    inclusion = course.inclusion
    assert inclusion.confirmed and inclusion.confirmed_by == "mette.h"
    assert inclusion.confirmed_at == entry.at
    assert inclusion.reason == "Klinisk vurdering: symptomer underrapporteret"


def test_a_co_therapist_may_confirm(db, admin, therapist, course_id):
    jonas = person(admin, "jonas", "therapist", full_name="Jonas Berg")
    grant_cover(therapist, course_id, jonas.actor.id)
    itq(therapist, course_id, NONE)
    confirm_inclusion(jonas, course_id)
    inclusion = view_course(therapist, course_id).inclusion
    assert inclusion.confirmed_by == "Jonas Berg" and inclusion.reason is None


def test_it_is_confirmed_once_and_only_when_there_is_something_to_confirm(therapist, course_id):
    with pytest.raises(InvalidInput) as nothing:
        confirm_inclusion(therapist, course_id)
    assert nothing.value.code == "inclusion.nothing_to_confirm"
    first = itq(therapist, course_id, PTSD)
    with pytest.raises(InvalidInput):
        confirm_inclusion(therapist, course_id)
    itq(therapist, course_id, NONE, itq_id=first)  # corrected: no symptoms after all
    confirm_inclusion(therapist, course_id)
    with pytest.raises(InvalidInput) as twice:
        confirm_inclusion(therapist, course_id)
    assert twice.value.code == "inclusion.already_confirmed"
    assert [h.kind for h in view_course(therapist, course_id).history].count(CONFIRMED) == 1


def test_a_correction_of_the_same_itq_keeps_the_confirmation_a_new_one_asks_again(
    therapist, course_id
):
    first = itq(therapist, course_id, NONE)
    confirm_inclusion(therapist, course_id)
    itq(therapist, course_id, {**NONE, "P1": 1}, itq_id=first)
    assert view_course(therapist, course_id).inclusion.confirmed
    itq(therapist, course_id, NONE, day=START + timedelta(days=1))  # a new assessment ITQ
    again = view_course(therapist, course_id).inclusion
    assert again.itq_date == START + timedelta(days=1) and not again.confirmed


def test_a_supervisor_may_not_confirm_and_an_ended_course_cannot_be(
    db, admin, therapist, course_id
):
    itq(therapist, course_id, NONE)
    supervisor = person(admin, "sup", "supervisor")
    with pytest.raises(Refused):
        confirm_inclusion(supervisor, course_id)
    end_course(therapist, course_id, status="ended_early", end_date=START, reason="moved",
               reasons=("moved",))  # fmt: skip
    with pytest.raises(Refused) as closed:
        confirm_inclusion(therapist, course_id)
    assert closed.value.code == "course.not_open"
    assert view_course(therapist, course_id).inclusion.confirmed is False


def test_the_records_export_carries_the_confirmation_as_a_plan_change(admin, therapist, course_id):
    itq(therapist, course_id, NONE)
    confirm_inclusion(therapist, course_id, "Klinisk vurdering")
    document = collect_records(admin)
    validate_records(document)
    [course] = document["clients"][0]["courses"]
    entry = course["plan_history"][-1]
    assert (entry["kind"], entry["by"], entry["reason"]) == (
        CONFIRMED,
        "mette.h",
        "Klinisk vurdering",
    )
    assert entry["change"] == (
        "The course goes on although the ITQ at assessment (2026-01-05) does not show PTSD symptoms"
    )
    assert course["itq"][0]["result"] == "none"
    assert entry["details"]["itq"] == course["itq"][0]["id"]  # the screening it names


# --- the course page ------------------------------------------------------------------------


def open_page(qtbot, workspace, acting, course_id, lang="da") -> CoursePage:
    page = CoursePage(make_context(workspace, lang, acting=acting))
    qtbot.addWidget(page)
    page.show()
    page.show_course(course_id)
    return page


def test_the_page_warns_and_the_therapist_confirms_with_a_reason(
    qtbot, workspace, therapist, course_id
):
    page = open_page(qtbot, workspace, therapist, course_id)
    assert not page.inclusion.isVisible()
    itq(therapist, course_id, NONE)
    page.show_course(course_id)
    note = page.inclusion
    assert note.isVisible() and note.confirm.isVisible() and note.confirm.isEnabled()
    assert "ITQ ved forsamtalen (05.01.2026) viser ikke PTSD-symptomer." in note.text.text()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConfirmInclusionDialog)
        qtbot.keyClicks(dialog.reason, "Tydelige traumereaktioner i samtalen")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(bus(page.ctx).changed):
        qtbot.mouseClick(note.confirm, Qt.MouseButton.LeftButton)
    assert note.isVisible() and not note.confirm.isVisible()
    text = note.text.text()
    assert "blev bekræftet den " in text and text.count(" af mette.h.") == 1
    assert "viser ikke PTSD-symptomer" in text
    assert "Hvorfor: Tydelige traumereaktioner i samtalen" in text
    latest = page.history.item(0).text()
    assert "mette.h\nForløbet fortsætter, selvom ITQ ved forsamtalen (" in latest
    assert latest.endswith("PTSD-symptomer\nHvorfor: Tydelige traumereaktioner i samtalen")


def test_cancelling_the_question_records_nothing(qtbot, workspace, therapist, course_id):
    itq(therapist, course_id, NONE)
    page = open_page(qtbot, workspace, therapist, course_id, "en")
    assert "The ITQ at assessment (05.01.2026) does not show PTSD symptoms." in (
        page.inclusion.text.text()
    )
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    page.inclusion.confirm.click()
    assert not view_course(therapist, course_id).inclusion.confirmed
    assert page.inclusion.confirm.isVisible()


def test_a_supervisor_sees_the_warning_but_cannot_confirm(
    qtbot, db, admin, workspace, therapist, course_id
):
    itq(therapist, course_id, NONE)
    supervisor = person(admin, "sup", "supervisor")
    page = open_page(qtbot, workspace, supervisor, course_id)
    assert page.inclusion.isVisible() and not page.inclusion.confirm.isEnabled()
    assert page.inclusion.confirm.toolTip()


def test_an_ended_course_that_was_never_confirmed_says_so_calmly(
    qtbot, workspace, therapist, course_id
):
    itq(therapist, course_id, NONE)
    end_course(therapist, course_id, status="ended_early", end_date=START, reason="moved",
               reasons=("moved",))  # fmt: skip
    page = open_page(qtbot, workspace, therapist, course_id, "en")
    assert page.inclusion.isVisible() and not page.inclusion.confirm.isVisible()
    assert page.inclusion.text.text() == (
        "The ITQ at assessment (05.01.2026) did not show PTSD symptoms; going on was not confirmed."
    )


# --- the demo -------------------------------------------------------------------------------


def test_the_demo_confirms_each_assessment_itq_without_ptsd_symptoms(tmp_path):
    import json

    from cli_runner import run

    folder = tmp_path / "demo"
    assert run("demo", "--data-dir", folder, "--seed", "1", "--today", "2026-11-23").code == 0
    out = tmp_path / "records.json"
    assert run("export", "records", "--out", out, "--user", "admin", "--data-dir", folder).code == 0
    courses = [
        c for client in json.loads(out.read_text("utf-8"))["clients"] for c in client["courses"]
    ]
    without = [
        c
        for c in courses
        if any(i["result"] == "none" for i in c["itq"] if i["occasion"] == "assessment")
    ]
    assert without, "seed 1 has courses whose assessment ITQ shows no PTSD symptoms"
    for course in without:
        [confirmed] = [h for h in course["plan_history"] if h["kind"] == CONFIRMED]
        assert confirmed["reason"] == "Tydelige traumereaktioner i samtalen"
    assert all(
        c in without for c in courses if any(h["kind"] == CONFIRMED for h in c["plan_history"])
    )
