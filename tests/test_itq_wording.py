"""The ITQ's wording: which file the program uses, the Danish wording written for the project
(not validated, and said so in the dialog), and a centre's own file that declares itself
validated."""

import pytest

from factories import planned_course
from traumefokus.content.itq_items import FILE, itq_file, load_itq_form
from traumefokus.content.problems import InvalidContent
from traumefokus.domain.itq import ITEMS
from traumefokus.paths import shipped_dir
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.itq_dialog import ItqDialog
from ui_helpers import make_context

SCALES = shipped_dir("resources") / "scales"
VALIDATED_SOURCE = "Et valideret dansk ITQ (forfattere, tidsskrift, år)"


def centre_file(data_dir, *, validated: str | None, source: str = VALIDATED_SOURCE) -> None:
    """A centre's own itq.toml: the Danish wording with other flags, installed in the data
    directory."""
    text = (SCALES / "itq-da.toml").read_text(encoding="utf-8")
    text = text.replace("validated = false\n", "" if validated is None else f"{validated}\n")
    text = text.replace(text.split("source = ", 1)[1].split("\n", 1)[0], f'"{source}"')
    data_dir.ensure()
    (data_dir.root / FILE).write_text(text, encoding="utf-8")


def all_items(form) -> dict[str, str]:
    return {item: text for section in form.sections for item, text in section.items}


# --- the files ------------------------------------------------------------------------------


def test_the_danish_wording_ships_unvalidated_with_every_item_in_danish():
    danish = load_itq_form(SCALES / "itq-da.toml")
    english = load_itq_form(SCALES / "itq.toml")
    assert (danish.language, danish.validated) == ("da", False)
    assert "Traumefokus" in danish.source and "Cloitre" in danish.source
    assert danish.scale == ("Slet ikke", "Lidt", "Moderat", "Ret meget", "Ekstremt")
    texts = all_items(danish)
    assert list(texts) == list(ITEMS)
    # A Danish text for each item, none left in English.
    assert all(texts[item] != all_items(english)[item] for item in ITEMS)
    assert texts["C4"] == "Jeg føler mig værdiløs."
    assert (english.language, english.validated) == ("en", True)


def test_the_program_language_picks_the_shipped_wording_and_a_centres_own_file_wins(data_dir):
    assert itq_file(data_dir, "da") == SCALES / "itq-da.toml"
    assert itq_file(data_dir, "en") == SCALES / "itq.toml"
    centre_file(data_dir, validated="validated = true")
    for lang in ("da", "en"):
        assert itq_file(data_dir, lang) == data_dir.root / FILE
    form = load_itq_form(itq_file(data_dir, "en"))
    assert (form.validated, form.source) == (True, VALIDATED_SOURCE)


def test_a_file_without_the_key_is_taken_as_not_validated(data_dir):
    centre_file(data_dir, validated=None)
    assert load_itq_form(data_dir.root / FILE).validated is False


@pytest.mark.parametrize("value", ['"yes"', "1", "[true]"])
def test_validated_must_be_true_or_false(data_dir, value):
    centre_file(data_dir, validated=f"validated = {value}")
    with pytest.raises(InvalidContent) as refused:
        load_itq_form(data_dir.root / FILE)
    assert [p.describe("en") for p in refused.value.problems] == [
        f"{data_dir.root / FILE}: validated: must be true or false"
    ]


def test_an_unknown_key_beside_it_is_still_a_problem(data_dir):
    centre_file(data_dir, validated="validated = true\nvalidated_by = true")
    with pytest.raises(InvalidContent) as refused:
        load_itq_form(data_dir.root / FILE)
    assert [p.field for p in refused.value.problems] == ["validated_by"]


# --- the dialog -----------------------------------------------------------------------------


@pytest.fixture
def course_id(db, therapist, admin):
    client = add_client(admin, "K-0001")
    return planned_course(therapist, client.id, programme="move-cc", themes=None)


def open_dialog(qtbot, workspace, therapist, course_id, lang: str) -> ItqDialog:
    ctx = make_context(workspace, lang, acting=therapist)
    page = CoursePage(ctx)
    qtbot.addWidget(page)
    page.show_course(course_id)
    dialog = ItqDialog(ctx, page.course, page.panels.itq_form(), parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def item_text(dialog: ItqDialog, item: str) -> str:
    from PySide6.QtWidgets import QLabel

    labels = dialog.findChildren(QLabel)
    return next(label.text() for label in labels if label.text().startswith(f"<b>{item}</b>"))


def test_the_danish_dialog_asks_in_danish_and_says_the_wording_is_not_validated(
    qtbot, workspace, therapist, course_id
):
    dialog = open_dialog(qtbot, workspace, therapist, course_id, "da")
    assert item_text(dialog, "C4") == "<b>C4</b> Jeg føler mig værdiløs."
    note = dialog.validation
    assert note.isVisible()
    assert "Denne ordlyd er ikke valideret." in note.text()
    assert "itq.toml i datamappen" in note.text()
    assert "Dansk ordlyd skrevet til Traumefokus" in note.text()
    for item in ITEMS:
        dialog.groups[item].button(0).click()
    dialog.accept()
    assert [r.score.result.value for r in view_course(therapist, course_id).itq] == ["none"]


def test_the_english_dialog_uses_the_published_wording(qtbot, workspace, therapist, course_id):
    dialog = open_dialog(qtbot, workspace, therapist, course_id, "en")
    assert item_text(dialog, "C4") == "<b>C4</b> I feel worthless."
    assert dialog.validation.text() == (
        "Validated wording. Source: Cloitre et al. (2018), Acta Psychiatrica Scandinavica "
        "138, 536-546"
    )


def test_a_centres_validated_wording_shows_its_source_and_no_warning(
    qtbot, workspace, therapist, course_id
):
    centre_file(workspace.data_dir, validated="validated = true")
    dialog = open_dialog(qtbot, workspace, therapist, course_id, "da")
    assert dialog.validation.text() == f"Valideret ordlyd. Kilde: {VALIDATED_SOURCE}"
    assert "ikke valideret" not in dialog.validation.text()


def test_a_centres_file_that_does_not_say_it_is_validated_gets_the_warning(
    qtbot, workspace, therapist, course_id
):
    centre_file(workspace.data_dir, validated=None, source="Vores egen oversættelse")
    dialog = open_dialog(qtbot, workspace, therapist, course_id, "da")
    assert "Denne ordlyd er ikke valideret." in dialog.validation.text()
    assert "Kilde: Vores egen oversættelse" in dialog.validation.text()
