"""The record's suggestions on the coder's form: pre-filled and marked (tag, Confirm, the
record's facts), not saved and not counted until confirmed or changed, Submit refused while
any waits (the line says how many), and a value already in the draft never overwritten."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from coding_fixtures import coding_centre, use_scale
from test_record_suggestions import prefill_scale
from test_ui_coding_tab import choose, opened
from traumefokus.domain.coding_ratings import RatingDraft
from traumefokus.services.coding_ratings import open_rating, save_rating
from traumefokus.ui.rating_prefill import PrefillMark

SUGGESTED = {"F1.adherence": 2, "F2.adherence": 2}  # check-in in its time, a commitment


@pytest.fixture
def centre(admin, monkeypatch):
    use_scale(monkeypatch, prefill_scale())
    return coding_centre(admin)


def texts(form):
    return [label.text() for label in form.area.widget().findChildren(QLabel)]


def marks(form):
    return [m for m in form.area.widget().findChildren(PrefillMark) if m.isVisibleTo(form)]


def saved_ratings(centre, row=0):
    return dict(open_rating(centre.coder, centre.round_id, centre.sessions[row]).draft.ratings)


def test_the_suggestions_are_pre_filled_and_marked(qtbot, workspace, centre):
    _, form = opened(qtbot, workspace, centre)
    assert {k: form.boxes[k].value() for k in SUGGESTED} == SUGGESTED
    assert set(form.pending) == set(SUGGESTED)
    assert len(marks(form)) == 2
    assert all(m.tag.text() == "forudfyldt fra journalen" for m in marks(form))
    shown = " ".join(texts(form))
    assert "Fra journalen: Tjek-ind tog 5 af højst 5 minutter" in shown
    assert "Fra journalen: Der er skrevet en aftale" in shown
    assert "Forudfyldt fra sessionens journal: 2 af vurderingerne" in shown
    assert "Forudfyldt fra sessionens journal" in form.boxes["F1.adherence"].toolTip()
    assert "2  Høj" in form.boxes["F1.adherence"].toolTip()
    assert form.boxes["F1.helpfulness"].styleSheet() == ""
    assert form.boxes["F1.helpfulness"].value() is None  # helpfulness: the coder's alone
    assert form.boxes["F1.adherence"].styleSheet() != ""
    # not a rating: nothing saved, counted as still to give, Submit refused, how many named
    assert form.draft().ratings == {}
    assert not form.timer.isActive()
    assert not form.submit_button.isEnabled()
    assert form.confirm_all_button.isVisibleTo(form) and form.prefill_note.isVisibleTo(form)
    assert "5 af 5 vurderinger mangler, 2 af dem forudfyldt" in form.left_label.text()


def test_confirming_one_saves_it_and_removes_its_mark(qtbot, workspace, centre):
    _, form = opened(qtbot, workspace, centre)
    mark = next(m for m in marks(form) if m.toolTip() == form.boxes["F1.adherence"].toolTip())
    qtbot.mouseClick(mark.button, Qt.MouseButton.LeftButton)
    assert set(form.pending) == {"F2.adherence"}
    assert form.boxes["F1.adherence"].styleSheet() == ""
    assert form.boxes["F1.adherence"].toolTip().startswith("Interventioner:")
    assert form.draft().ratings == {"F1.adherence": 2}
    qtbot.waitUntil(lambda: not form.timer.isActive() and form.version is not None, timeout=3000)
    assert saved_ratings(centre) == {"F1.adherence": 2}
    assert "4 af 5 vurderinger mangler, 1 af dem forudfyldt" in form.left_label.text()
    assert "journal: 1 af vurderingerne" in form.prefill_note.text()


def test_changing_a_pre_filled_value_makes_it_the_coder_s(qtbot, workspace, centre):
    _, form = opened(qtbot, workspace, centre)
    choose(form, "F2.adherence", 0.5)
    assert set(form.pending) == {"F1.adherence"}
    assert form.draft().ratings == {"F2.adherence": 0.5}
    form.leave()
    assert saved_ratings(centre) == {"F2.adherence": 0.5}


def test_submit_waits_for_the_pre_filled_then_confirm_all(qtbot, workspace, centre):
    _, form = opened(qtbot, workspace, centre, row=1)
    for key, value in {"F1.helpfulness": 3, "F3.adherence": 1, "P1.rating": "na"}.items():
        choose(form, key, value)
    assert not form.submit_button.isEnabled()
    assert "2 af 5 vurderinger mangler, 2 af dem forudfyldt" in form.left_label.text()
    form.submit()  # refused: nothing is submitted
    assert open_rating(centre.coder, centre.round_id, centre.sessions[1]).progress.value != (
        "submitted"
    )
    qtbot.mouseClick(form.confirm_all_button, Qt.MouseButton.LeftButton)
    assert not form.pending and not marks(form)
    assert not form.confirm_all_button.isVisibleTo(form)
    assert not form.prefill_note.isVisibleTo(form)
    assert form.submit_button.isEnabled()
    assert form.left_label.text() == "Alle vurderinger er givet: klar til at indsende."
    form.leave()
    assert saved_ratings(centre, 1) == {
        "F1.adherence": 2,
        "F1.helpfulness": 3,
        "F2.adherence": 2,
        "F3.adherence": 1,
        "P1.rating": "na",
    }


def test_a_value_in_the_draft_is_never_overwritten(qtbot, workspace, centre):
    save_rating(
        centre.coder, centre.round_id, centre.sessions[0], RatingDraft({"F1.adherence": 0}), None
    )
    _, form = opened(qtbot, workspace, centre)
    assert form.boxes["F1.adherence"].value() == 0
    assert set(form.pending) == {"F2.adherence"} and len(marks(form)) == 1
    assert "Forudfyldt fra sessionens journal: 1 af vurderingerne" in " ".join(texts(form))
