"""The Coding rounds tab: only for those who may see coding results; the rounds with how far
each has come, the chosen round's results read off the UI thread, a round without ratings
said so, and the results printed through the preview. Readable on a small screen."""

from __future__ import annotations

import pytest

from coding_fixtures import use_scale
from round_fixtures import acting_as
from round_results_fixtures import results_centre
from traumefokus.documents.kinds import DocumentKind
from traumefokus.ui.print_preview import PrintPreview
from ui_helpers import make_context, signed_in_window


@pytest.fixture
def sup(admin, monkeypatch):
    use_scale(monkeypatch)
    results_centre(admin)
    return acting_as(admin, "sup.visor")


def _window(qtbot, workspace, acting, lang="da", size=None):
    main = signed_in_window(make_context(workspace, lang, acting=acting))
    qtbot.addWidget(main)
    if size:
        main.resize(*size)
    main.show()
    qtbot.waitExposed(main)
    return main


def _shown(qtbot, main):
    page = main.coding_rounds
    main.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.results is not None)
    return page


def _cells(table):
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _choose(qtbot, page, name):
    row = next(i for i, p in enumerate(page.rounds) if p.round.name == name)
    page.round_list.selectRow(row)
    qtbot.waitUntil(lambda: page.results is not None and page.results.round.name == name)


def test_only_supervisors_and_administrators_get_the_tab(qtbot, workspace, sup, admin):
    def tabs(main):
        return [main.tabs.tabText(i) for i in range(main.tabs.count())]

    assert "Kodningsrunder" in tabs(_window(qtbot, workspace, sup))
    assert "Kodningsrunder" in tabs(_window(qtbot, workspace, admin))
    for other in ("behandler.t1", "coder.anna"):
        main = _window(qtbot, workspace, acting_as(admin, other))
        assert main.coding_rounds is None and "Kodningsrunder" not in tabs(main)


def test_the_rounds_and_the_chosen_round_s_results(qtbot, workspace, sup):
    main = _window(qtbot, workspace, sup)
    assert main.coding_rounds.results is None  # nothing is read until the tab is shown
    page = _shown(qtbot, main)
    rounds = {row[0]: row[3:8] for row in _cells(page.round_list)}
    assert rounds["Maj 2023"] == ["3", "coder.anna, coder.bent", "3", "2", "1"]
    _choose(qtbot, page, "Maj 2023")
    assert _cells(page.parts)[0] == ["Interventioner", "3", "1,83", "0,88", "1,00", "2,75"]
    assert _cells(page.agreement)[0][:4] == ["Interventioner", "2", "2", "0,75"]
    assert [row[0] for row in _cells(page.comparison)] == ["Marts 2023", "Maj 2023 (denne runde)"]
    assert "1 kladder tælles ikke med" in page.about.text()
    assert page.print_button.isEnabled()


def test_a_round_without_ratings_says_so(qtbot, workspace, sup):
    page = _shown(qtbot, _window(qtbot, workspace, sup, lang="en"))
    _choose(qtbot, page, "Tom")
    assert page.about.text() == "The round Tom has no submitted ratings yet."
    assert page.parts.rowCount() == 0 and not page.print_button.isEnabled()


def test_the_results_are_printed_through_the_preview(qtbot, workspace, sup, monkeypatch):
    page = _shown(qtbot, _window(qtbot, workspace, sup))
    _choose(qtbot, page, "Maj 2023")
    previewed = []

    def exec_(preview):
        qtbot.waitUntil(lambda: preview.rendered is not None)
        previewed.append((preview.request, preview.rendered.pages))
        return 0

    monkeypatch.setattr(PrintPreview, "exec", exec_)
    page.print_button.click()
    request, pages = previewed[0]
    assert (request.kind, request.object_id) == (DocumentKind.CODING_RESULTS, "Maj 2023")
    assert pages >= 1


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_readable_on_a_small_screen(qtbot, workspace, sup, size):
    main = _window(qtbot, workspace, sup, size=size)
    page = _shown(qtbot, main)
    assert page.round_list.height() >= 110
    assert page.print_button.isVisible()
    assert page.print_button.sizeHint().width() <= page.print_button.width()
    assert page.sections.height() >= 200
