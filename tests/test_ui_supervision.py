"""The Supervision tab: only for those who may supervise; the figures come in off the UI
thread when the tab is first shown and again after a change of the choices; the report is
printed from the preview and the workbook saved where the user chose."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from factories import person, planned_course
from traumefokus.documents.kinds import DocumentKind
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import sign_note
from traumefokus.ui.print_preview import PrintPreview
from ui_helpers import make_context, signed_in_window

START = date(2026, 1, 5)


@pytest.fixture
def centre(admin, therapist):
    """Mette's course at Nord with four sessions held, and Jonas's at Syd with one."""
    jonas = person(admin, "jonas.k", "therapist", full_name="Jonas Kristensen")
    supervisor = person(admin, "sup", "supervisor")
    nord = add_client(admin, "K-0001", site="Nord")
    syd = add_client(admin, "K-0002", site="Syd")
    for acting, client, held in ((therapist, nord, 4), (jonas, syd, 1)):
        course = planned_course(acting, client.id, start=START)
        numbered = [s for s in view_course(acting, course).sessions if s.number is not None]
        sessions = sorted(numbered, key=lambda s: s.number)
        for s in sessions[:held]:
            sign_note(acting, s.id, attendance="held", day=s.planned_date)
    return supervisor


def _window(qtbot, workspace, acting, lang="da"):
    main = signed_in_window(make_context(workspace, lang, acting=acting))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _shown(qtbot, main):
    page = main.supervision
    page.start.setDate(QDate(2026, 1, 1))
    page.end.setDate(QDate(2026, 6, 30))
    main.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.overview is not None and page.print_button.isEnabled())
    return page


def test_only_those_who_may_supervise_get_the_tab(qtbot, workspace, centre, therapist, admin):
    tabs = lambda main: [main.tabs.tabText(i) for i in range(main.tabs.count())]  # noqa: E731
    assert "&Overblik" in tabs(_window(qtbot, workspace, centre))
    assert "&Overblik" in tabs(_window(qtbot, workspace, admin))
    mine = _window(qtbot, workspace, therapist)
    assert mine.supervision is None and "&Overblik" not in tabs(mine)


def test_the_tab_shows_the_figures_as_tables_and_charts(qtbot, workspace, centre):
    main = _window(qtbot, workspace, centre)
    assert main.supervision.overview is None  # nothing is read until the tab is shown
    page = _shown(qtbot, main)
    figures = {
        page.figures.item(r, 0).text(): page.figures.item(r, 1).text()
        for r in range(page.figures.rowCount())
    }
    assert figures["Forløb startet"] == "2"
    assert figures["Sessioner afholdt"] == "5"
    assert [page.therapist_table.item(r, 0).text() for r in range(2)] == [
        "Jonas Kristensen",
        "mette.h",
    ]
    assert [b.label for b in page.outcomes.bars][:2] == [
        "Forløb startet",
        "Forløb i gang ved periodens slutning",
    ]
    assert [(b.label, b.text) for b in page.rates.bars] == [
        ("Jonas Kristensen", "100,0 %"),
        ("mette.h", "100,0 %"),
    ]
    assert page.themes.rowCount() == 6
    assert page.agenda.rowCount() == page.agenda_chart.rows.__len__()
    assert "Fremmøde 100,0 %" in page.status.text()


def test_a_site_narrows_the_figures(qtbot, workspace, centre):
    page = _shown(qtbot, _window(qtbot, workspace, centre))
    page.site.setCurrentIndex(page.site.findData("Syd"))
    assert not page.print_button.isEnabled()  # the figures shown answer the old choice
    qtbot.waitUntil(lambda: page.overview.query.site == "Syd" and page.print_button.isEnabled())
    assert [r.name for r in page.overview.therapists] == ["jonas.k"]
    assert page.therapist_table.rowCount() == 1


def test_therapists_are_chosen_from_a_menu(qtbot, workspace, centre):
    page = _shown(qtbot, _window(qtbot, workspace, centre))
    mette = next(a for a in page.therapist_menu.actions() if a.data() == "mette.h")
    mette.setChecked(True)
    assert page.therapists.text() == "mette.h"
    qtbot.waitUntil(lambda: page.overview.query.therapists == ("mette.h",))
    assert page.overview.attendance.held == 4


def test_the_report_is_previewed_with_the_choices_shown(qtbot, workspace, centre, monkeypatch):
    page = _shown(qtbot, _window(qtbot, workspace, centre))
    previewed = []

    def exec_(preview):
        qtbot.waitUntil(lambda: preview.rendered is not None)
        previewed.append((preview.request, preview.rendered.pages))
        return 0

    monkeypatch.setattr(PrintPreview, "exec", exec_)
    page.print_button.click()
    request, pages = previewed[0]
    assert request.kind is DocumentKind.SUPERVISION
    assert request.supervision == page.query()
    assert pages >= 2


def test_choices_made_before_the_tab_is_first_shown_are_read_once(qtbot, workspace, centre):
    page = _shown(qtbot, _window(qtbot, workspace, centre))  # sets the dates, then shows
    asked = page.asked
    qtbot.wait(page.again.interval() + 100)
    assert page.asked == asked and page.print_button.isEnabled()


def test_the_spreadsheet_is_saved_where_the_user_chose(qtbot, workspace, centre, tmp_path):
    from openpyxl import load_workbook

    page = _shown(qtbot, _window(qtbot, workspace, centre))
    out = tmp_path / "overblik.xlsx"
    page.choose_file = lambda: out
    page.save_button.click()
    qtbot.waitUntil(lambda: "Gemt som" in page.status.text())
    book = load_workbook(out)
    assert book.sheetnames[0] == "Nøgletal"
    assert book["Nøgletal"]["B2"].value == 2  # courses started, a number


def test_the_record_items_come_as_a_chart_with_counts_and_as_tables(qtbot, workspace, centre):
    page = _shown(qtbot, _window(qtbot, workspace, centre))
    view = page.record_items
    qtbot.waitUntil(lambda: view.summary.rowCount() > 0)
    titles = [b.title for b in view.chart.blocks]
    assert titles[-1] == "Udtjekning uden hast" and "Citat brugt" in titles
    check_out = view.chart.blocks[-1]
    # Jonas held no trauma session: no row
    assert [r.label for r in check_out.rows] == ["mette.h"]
    assert view.chart.months[0] == date(2026, 1, 1) and len(view.chart.months) == 6
    # Mette's one trauma session held (26 January), not timed: cannot be told
    rect = next(
        rect
        for rect, block, row, month in view.chart._cells()
        if block is check_out and row.label == "mette.h" and month == 0
    )
    tip = view.chart.tip_at(rect.center().toPoint())
    assert tip.startswith("mette.h · Udtjekning uden hast · januar 2026: 0 opfyldt")
    assert "1 kan ikke afgøres" in tip
    headings = [view.summary.horizontalHeaderItem(c).text() for c in range(3)]
    assert headings == ["Punkt", "Behandler", "Sessioner"]
    assert view.months.rowCount() > 0
    assert page.sections.tabText(page.sections.count() - 1) == "Journalpunkter"
