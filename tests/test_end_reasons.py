"""The reasons a course ends early: the pilot's own among them, chosen in the end dialog,
named on the course page and exported by id; the list stays a file a centre can replace."""

from datetime import date

import pytest

from factories import planned_course
from schema import validate_records
from traumefokus.content.end_reasons import FILE, end_reasons_file, load_end_reasons
from traumefokus.paths import shipped_dir
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.records import collect_records
from traumefokus.ui.course_dialogs import EndCourseDialog
from traumefokus.ui.course_page import CoursePage
from ui_helpers import make_context

START = date(2026, 1, 5)
PILOT = {
    "too_hard": ("Traumefokus var for hårdt", "The trauma focus was too hard"),
    "ordinary_treatment": (
        "Har brug for almindelig behandling i stedet",
        "Needs ordinary treatment instead",
    ),
}


def test_the_shipped_list_has_the_pilots_reasons_with_stable_ids():
    reasons = load_end_reasons(shipped_dir("resources") / FILE)
    assert [r.id for r in reasons] == [
        "dropped_out",
        "moved",
        "psychiatry",
        "not_suitable_now",
        "too_hard",
        "ordinary_treatment",
        "other",
    ]
    labels = {r.id: (r.label("da"), r.label("en")) for r in reasons}
    assert {key: labels[key] for key in PILOT} == PILOT


def test_a_centres_own_list_replaces_the_shipped_one(data_dir):
    data_dir.ensure()
    (data_dir.root / FILE).write_text(
        'format = 1\n\n[[reasons]]\nid = "too_hard"\nda = "For hårdt"\nen = "Too hard"\n\n'
        '[[reasons]]\nid = "other"\nda = "Andet"\nen = "Other"\n',
        encoding="utf-8",
    )
    assert end_reasons_file(data_dir) == data_dir.root / FILE
    reasons = load_end_reasons(end_reasons_file(data_dir))
    assert [(r.id, r.label("da")) for r in reasons] == [
        ("too_hard", "For hårdt"),
        ("other", "Andet"),
    ]


@pytest.fixture
def course_id(db, admin, therapist):
    return planned_course(therapist, add_client(admin, "K-0001").id, start=START)


@pytest.mark.parametrize(("reason", "lang"), [("too_hard", "da"), ("ordinary_treatment", "en")])
def test_the_end_dialog_offers_them_and_the_course_page_names_the_one_chosen(
    qtbot, workspace, admin, therapist, course_id, reason, lang
):
    page = CoursePage(make_context(workspace, lang, acting=therapist))
    qtbot.addWidget(page)
    page.show_course(course_id)
    dialog = EndCourseDialog(page.ctx, page.course, page.end_reasons(), page)
    qtbot.addWidget(dialog)
    offered = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
    label = PILOT[reason][0 if lang == "da" else 1]
    assert {PILOT[key][0 if lang == "da" else 1] for key in PILOT} <= set(offered)
    dialog.early.setChecked(True)
    dialog.reason.setCurrentIndex(dialog.reason.findData(reason))
    assert not dialog.words.isEnabled()  # only "other" needs words
    dialog.day.setDate(dialog.day.date().fromString("2026-02-02", "yyyy-MM-dd"))
    dialog.accept()
    ended = view_course(therapist, course_id)
    assert (ended.status, ended.end_reason, ended.end_reason_text) == ("ended_early", reason, None)
    page.show_course(course_id)
    assert f"02.02.2026: {label}" in page.summary.text()
    [client] = collect_records(admin)["clients"]
    assert client["courses"][0]["end_reason"] == reason
    validate_records(collect_records(admin))
