"""The Coding tab: there for a coder only, the queue of the round's sessions, values chosen on
the rating form saved as a draft, Submit offered only when complete, and a submitted rating
opened read only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coding_fixtures import FULL, KEYS, coding_centre, use_scale
from traumefokus.services.coding_ratings import Progress, coder_queue, open_rating
from traumefokus.services.pseudonyms import pseudonymiser
from ui_helpers import make_context, signed_in_window


@pytest.fixture
def centre(admin, monkeypatch):
    use_scale(monkeypatch)
    return coding_centre(admin)


def window_of(qtbot, workspace, acting, lang="da"):
    window = signed_in_window(make_context(workspace, lang, acting=acting))
    qtbot.addWidget(window)
    window.reload()
    window.show()
    return window


def opened(qtbot, workspace, centre, row=0):
    window = window_of(qtbot, workspace, centre.coder)
    tab = window.coding
    tab.table.setCurrentCell(row, 0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.currentWidget() is tab.form
    return window, tab.form


def choose(form, key, value):
    box = form.boxes[key]
    box.setCurrentIndex(box.findData(value))


def test_the_tab_is_there_for_a_coder_and_not_for_a_therapist(qtbot, workspace, centre):
    coder = window_of(qtbot, workspace, centre.coder)
    assert coder.coding is not None and coder.tabs.currentWidget() is coder.coding
    # no empty Today and Clients tabs, no Client menu, no "show client names"
    assert coder.tabs.count() == 1
    menus = [a.text().replace("&", "") for a in coder.menuBar().actions()]
    assert "Klient" not in menus and "Client" not in menus
    assert not coder.show_names_action.associatedObjects()
    therapist = window_of(qtbot, workspace, centre.therapist)
    assert therapist.coding is None
    titles = [therapist.tabs.tabText(i) for i in range(therapist.tabs.count())]
    assert not any("Kodning" in t.replace("&", "") for t in titles)


def test_the_queue_lists_the_round_s_sessions(qtbot, workspace, centre, lang):
    window = window_of(qtbot, workspace, centre.coder, lang)
    table = window.coding.table
    names = pseudonymiser(centre.admin.db)
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert [r[:3] for r in rows] == [
        ["Maj 2026", "1", names.session(centre.sessions[0])],
        ["Maj 2026", "2", names.session(centre.sessions[1])],
    ]
    assert all(r[3] != "–" for r in rows)  # the theme's title
    assert {r[4] for r in rows} == {"Ikke påbegyndt" if lang == "da" else "Not started"}
    assert not window.coding.nothing.isVisibleTo(window.coding)


def test_a_coder_without_a_round_reads_one_line(qtbot, workspace, centre):
    from factories import person

    window = window_of(qtbot, workspace, person(centre.admin, "coder3", "coder"))
    assert window.coding.nothing.isVisibleTo(window.coding)
    assert not window.coding.table.isVisibleTo(window.coding)


def test_the_form_shows_the_pseudonymised_facts_and_anchors(qtbot, workspace, centre):
    _, form = opened(qtbot, workspace, centre)
    texts = " ".join(label.text() for label in form.area.widget().findChildren(type(form.title)))
    assert pseudonymiser(centre.admin.db).session(centre.sessions[0]) in texts
    assert "0 Slet ikke · 1 Lav · 2 Høj · 3 Udpræget" in texts
    for secret in ("K-4711", "Bodil", "Mette", "græd"):
        assert secret not in texts
    box = form.boxes["F1.adherence"]
    items = [box.itemText(i) for i in range(box.count())]
    assert items[0] == "–" and items[-2:] == ["N/A", "Kan ikke vurderes"]
    assert [box.itemData(i) for i in range(1, 8)] == [0, 0.5, 1, 1.5, 2, 2.5, 3]
    assert "0,5" in items


def test_choosing_values_saves_a_draft(qtbot, workspace, centre):
    window, form = opened(qtbot, workspace, centre)
    choose(form, "F1.adherence", 2.5)
    choose(form, "P1.rating", "cant_rate")
    form.strengths.setPlainText("Godt tjek-ind")
    assert form.timer.isActive()
    qtbot.waitUntil(lambda: not form.timer.isActive() and form.version is not None, timeout=3000)
    saved = open_rating(centre.coder, centre.round_id, centre.sessions[0])
    assert saved.draft.ratings == {"F1.adherence": 2.5, "P1.rating": "cant_rate"}
    assert saved.draft.strengths == "Godt tjek-ind"
    assert saved.version == form.version and saved.progress is Progress.DRAFT
    choose(form, "F2.adherence", 1)
    form.leave()  # what is waiting is saved on the way back
    assert open_rating(centre.coder, centre.round_id, centre.sessions[0]).draft.ratings == {
        "F1.adherence": 2.5,
        "F2.adherence": 1,
        "P1.rating": "cant_rate",
    }
    assert window.coding.currentWidget() is window.coding.queue_page
    assert window.coding.table.item(0, 4).text() == "Kladde"


def test_submit_is_offered_only_when_complete_and_then_submits(
    qtbot, workspace, centre, monkeypatch
):
    _, form = opened(qtbot, workspace, centre, row=1)
    assert not form.submit_button.isEnabled()
    for key in KEYS[:-1]:
        choose(form, key, FULL[key])
    assert not form.submit_button.isEnabled()
    choose(form, KEYS[-1], FULL[KEYS[-1]])
    assert form.submit_button.isEnabled()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert asked
    submitted = open_rating(centre.coder, centre.round_id, centre.sessions[1])
    assert submitted.progress is Progress.SUBMITTED and dict(submitted.draft.ratings) == FULL
    assert [e.progress for e in coder_queue(centre.coder)][1] is Progress.SUBMITTED
    assert form.read_only and form.banner.isVisibleTo(form)


def test_a_submitted_rating_opens_read_only(qtbot, workspace, centre):
    from traumefokus.domain.coding_ratings import RatingDraft
    from traumefokus.services.coding_ratings import submit_rating

    submit_rating(centre.coder, centre.round_id, centre.sessions[0], RatingDraft(FULL), None)
    _, form = opened(qtbot, workspace, centre)
    assert form.read_only and form.banner.isVisibleTo(form)
    assert not form.submit_button.isVisibleTo(form)
    assert form.boxes["F1.adherence"].focusPolicy() == Qt.FocusPolicy.NoFocus
    assert form.strengths.isReadOnly()
    form.boxes["F1.adherence"].setCurrentIndex(0)  # even so, nothing is saved
    assert not form.timer.isActive()
