"""The Logbook tab: the model reads a page at a time and drops stale answers, sorting asks
again, each filter narrows the rows and the count line, who sees which entries, and a session
opens with Enter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from factories import person
from logbook_fixtures import _change, logbook_centre
from traumefokus.services.logbook import LogbookFilter
from traumefokus.ui import operations
from traumefokus.ui.logbook_filters import Period, period_days
from traumefokus.ui.logbook_model import COLUMNS, LogbookModel
from traumefokus.ui.operations import Changes
from ui_helpers import make_context, signed_in_window


def at_once(work, done, failed):
    """A runner that answers before it returns (the model's questions, without a thread)."""
    done(work())


class Deferred:
    """A runner that keeps each question until the test answers it."""

    def __init__(self) -> None:
        self.waiting: list = []

    def __call__(self, work, done, failed) -> None:
        self.waiting.append((work, done))

    def answer(self, index: int) -> None:
        work, done = self.waiting.pop(index)
        done(work())


@pytest.fixture
def centre(db, admin, therapist):
    return logbook_centre(db, admin, therapist)


def codes(model) -> list[str]:
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def column(name: str) -> int:
    return next(i for i, (key, _order) in enumerate(COLUMNS) if key == name)


# --- the model ---------------------------------------------------------------------------
def test_the_model_reads_a_page_at_a_time(qapp, admin, centre):
    model = LogbookModel(admin, runner=at_once, page=5)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    model.reload()
    assert (model.rowCount(), model.count, model.total) == (5, 13, 13)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 13 and not model.canFetchMore(QModelIndex())
    days = [r.day for r in model.rows]
    assert days == sorted(days, reverse=True) and len({r.session_id for r in model.rows}) == 13


def test_sorting_asks_again_in_the_order_of_the_column(qapp, admin, centre):
    model = LogbookModel(admin, runner=at_once)
    model.reload()
    model.sort(column("site"), Qt.SortOrder.AscendingOrder)
    assert codes(model)[-4:] == ["KX01"] * 4  # Nord before Syd
    model.sort(column("therapist"), Qt.SortOrder.DescendingOrder)
    therapists = [r.therapist.name for r in model.rows]
    assert therapists == ["sara.l"] * 8 + ["mette.h"] * 5
    asked = model.generation
    model.sort(column("theme"), Qt.SortOrder.AscendingOrder)  # not a column that sorts
    assert model.generation == asked and model.sort_column() == column("therapist")


def test_a_stale_answer_is_dropped(qapp, admin, centre):
    runner = Deferred()
    model = LogbookModel(admin, runner=runner)
    model.reload()
    model.set_filter(LogbookFilter(site="Syd"))
    assert model.loading and len(runner.waiting) == 2
    runner.answer(1)  # the newer question is answered first
    assert set(codes(model)) == {"KX01"} and model.count == 4 and not model.loading
    runner.answer(0)  # then the older one: dropped
    assert set(codes(model)) == {"KX01"} and model.count == 4 and model.total == 13
    # A page asked for before the filter changed is dropped too.
    model.set_filter(LogbookFilter())
    runner.answer(0)
    model.page = 5
    model.set_filter(LogbookFilter(site="Nord"))
    runner.answer(0)
    model.fetchMore(QModelIndex())
    model.set_filter(LogbookFilter(method=None, site="Syd"))
    runner.answer(0)  # the second page of Nord's entries: dropped
    assert model.rowCount() == 5 and model.loading  # the rows shown stay until the answer
    runner.answer(0)
    assert set(codes(model)) == {"KX01"}


# --- the tab -----------------------------------------------------------------------------
@pytest.fixture
def logbook_of(qtbot, workspace):
    def build(acting, lang="da"):
        window = signed_in_window(make_context(workspace, lang, acting=acting))
        qtbot.addWidget(window)
        window.show()
        window.reload()
        view = window.logbook
        assert view is not None
        window.tabs.setCurrentWidget(view)
        settle(qtbot, view)
        return window, view

    return build


def settle(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.model.total is not None and not view.model.loading)


def test_a_supervisor_reads_every_entry_and_each_filter_narrows_them(
    qtbot, logbook_of, admin, centre
):
    supervisor = person(admin, "ulla", "supervisor")
    window, view = logbook_of(supervisor)
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Lo&gbog"
    assert view.model.rowCount() == 13 and view.count_line.text() == "13 sessioner"
    filters = view.filters
    assert filters.therapist_group.isVisibleTo(filters)
    assert not filters.clear_button.isEnabled()
    choices = {
        filters.therapist: ("Sara Larsen", 8),
        filters.site: ("Syd", 4),
        filters.method: ("Creating Change", 4),
        filters.attendance: ("Udeblevet", 1),
        filters.note: ("Kladde", 1),
        filters.course: ("Afsluttet før tid", 4),
    }
    for combo, (text, rows) in choices.items():
        combo.setCurrentIndex(combo.findText(text))
        settle(qtbot, view)
        assert view.model.rowCount() == rows, text
        assert view.count_line.text() == f"{rows} af 13 sessioner"
        assert filters.clear_button.isEnabled()
        filters.clear_button.click()
        settle(qtbot, view)
        assert view.model.rowCount() == 13 and combo.currentIndex() == 0


def test_the_period_and_the_search_narrow_the_entries(qtbot, logbook_of, admin, centre):
    _window, view = logbook_of(admin)
    filters = view.filters
    filters.period.setCurrentIndex(filters.period.findData(Period.CHOSEN))
    assert filters.start.isVisibleTo(filters) and filters.end.isVisibleTo(filters)
    filters.start.setDate(date(2025, 4, 1))
    filters.end.setDate(date(2025, 4, 30))  # asked once, after a pause as in typing
    april = (date(2025, 4, 1), date(2025, 4, 30))
    qtbot.waitUntil(lambda: (view.model.where.start, view.model.where.end) == april)
    settle(qtbot, view)
    assert [r.session_id for r in view.model.rows] == [centre["late"]]  # on its real date
    filters.period.setCurrentIndex(0)  # any time: no limit
    assert not filters.start.isVisibleTo(filters)
    settle(qtbot, view)
    assert view.model.rowCount() == 13
    qtbot.keyClicks(filters.search, "k%")
    qtbot.waitUntil(lambda: view.model.where.client_code == "k%")
    settle(qtbot, view)
    assert set(codes(view.model)) == {"K%02"} and view.count_line.text() == "4 af 13 sessioner"
    qtbot.keyClicks(filters.search, "nobody")
    qtbot.waitUntil(lambda: view.model.count == 0)
    assert view.empty.isVisibleTo(view) and "Ryd filtre" in view.empty.text()


def test_the_period_presets_name_whole_months_and_years():
    today = date(2026, 3, 15)
    assert period_days(Period.THIS_MONTH, today) == (date(2026, 3, 1), date(2026, 3, 31))
    assert period_days(Period.LAST_MONTH, date(2026, 1, 5)) == (
        date(2025, 12, 1),
        date(2025, 12, 31),
    )
    assert period_days(Period.THIS_YEAR, today) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_days(Period.LAST_YEAR, today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_days(Period.ANY, today) == (None, None)


def test_a_therapist_reads_only_their_own_courses_and_is_not_offered_others(
    qtbot, logbook_of, therapist, centre
):
    _window, view = logbook_of(therapist)
    assert set(codes(view.model)) == {"K_01"} and view.count_line.text() == "5 sessioner"
    assert not view.filters.therapist_group.isVisibleTo(view.filters)


def test_a_coder_has_no_logbook(qtbot, workspace, admin):
    coder = person(admin, "kim", "coder")
    window = signed_in_window(make_context(workspace, "da", acting=coder))
    qtbot.addWidget(window)
    assert window.logbook is None
    assert [window.tabs.widget(i) for i in range(window.tabs.count())] == [window.coding]


def test_enter_opens_the_chosen_session(qtbot, logbook_of, admin, centre):
    window, view = logbook_of(admin)
    opened = []
    window.open_session = lambda session_id, **kw: opened.append((session_id, kw))
    assert not view.open_button.isEnabled()
    view.table.setFocus()
    view.table.selectRow(2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [(view.model.rows[2].session_id, {"ask": True})]
    view.open_button.click()
    assert len(opened) == 2


def test_the_tab_asks_again_after_a_change_and_keeps_the_chosen_session(
    qtbot, logbook_of, db, admin, centre
):
    window, view = logbook_of(admin)
    chosen = view.model.rows[3].session_id
    view.table.selectRow(3)
    _change(db, centre["mine"], 4, attendance="held", date=date(2026, 2, 2))
    _change(db, centre["mine"], 2, attendance=None, note_status="none")  # no longer an entry
    operations.publish(window.ctx, Changes(today=True))
    qtbot.waitUntil(lambda: view.model.total == 12)
    settle(qtbot, view)
    assert view.current_session() == chosen
    # Hidden, it asks again only when it is shown next.
    window.tabs.setCurrentIndex(0)
    generation = view.model.generation
    operations.publish(window.ctx, Changes(today=True))
    assert view.model.generation == generation
    window.tabs.setCurrentWidget(view)
    assert view.model.generation == generation + 1
    settle(qtbot, view)


def test_a_click_on_a_column_that_does_not_sort_keeps_the_order(qtbot, logbook_of, admin, centre):
    _window, view = logbook_of(admin)
    header = view.table.horizontalHeader()
    view.table.sortByColumn(column("client"), Qt.SortOrder.AscendingOrder)
    settle(qtbot, view)
    assert codes(view.model) == sorted(codes(view.model))
    view.table.sortByColumn(column("theme"), Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == column("client")
    assert not view.model.loading


@pytest.mark.parametrize(
    ("lang", "tab", "count", "not_recorded", "no_show"),
    [
        ("da", "Lo&gbog", "13 sessioner", "Ikke registreret", "Udeblevet · Syg"),
        ("en", "Lo&gbook", "13 sessions", "Not recorded", "No-show · Ill"),
    ],
)
def test_the_cells_say_what_happened_in_the_ui_language(
    qtbot, logbook_of, db, admin, centre, lang, tab, count, not_recorded, no_show
):
    _change(db, centre["mine"], 2, not_held_reason="ill")
    window, view = logbook_of(admin, lang)
    model = view.model
    assert window.tabs.tabText(window.tabs.indexOf(view)) == tab
    assert view.count_line.text() == count
    assert model.index(model.row_of(centre["draft"]), column("attendance")).data() == not_recorded
    assert model.index(model.row_of(centre["no_show"]), column("attendance")).data() == no_show
    late = model.index(model.row_of(centre["late"]), column("method"))
    assert late.data() == "CC" and late.data(Qt.ItemDataRole.ToolTipRole) == "Creating Change"
    planned = model.index(model.row_of(centre["late"]), column("day"))
    assert planned.data() == "30.04.2025" and "10.03.2025" in planned.data(
        Qt.ItemDataRole.ToolTipRole
    )


@pytest.mark.parametrize(
    ("kind", "name", "separator"),
    [(0, "logbog.xlsx", None), (1, "logbog", ";"), (2, "logbog.csv", ",")],
)
def test_export_writes_the_entries_the_filters_select_pseudonymised(
    qtbot, logbook_of, admin, centre, tmp_path, monkeypatch, kind, name, separator
):
    from traumefokus.ui import logbook_export

    _window, view = logbook_of(admin)
    view.filters.site.setCurrentIndex(view.filters.site.findText("Nord"))
    settle(qtbot, view)
    asked = []

    def save_as(parent, title, suggested, filters, chosen):
        asked.append((suggested, filters.split(";;")))
        return str(tmp_path / name), filters.split(";;")[kind]

    monkeypatch.setattr(logbook_export.QFileDialog, "getSaveFileName", save_as)
    assert view.export_button.isVisibleTo(view) and view.export_button.isEnabled()
    view.export_button.click()
    qtbot.waitUntil(lambda: not view.exporter.busy)
    assert asked[0][0].endswith(".xlsx") and "logbog-" in asked[0][0]
    written = tmp_path / ("logbog.xlsx" if kind == 0 else "logbog.csv")  # the suffix added
    assert written.exists()
    assert (tmp_path / "logbog.codebook.csv").exists()
    assert str(written) in view.export_line.text() and "9 sessioner" in view.export_line.text()
    assert view.export_button.isEnabled()
    if separator:
        lines = written.read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) == 1 + 9  # the header and the entries at Nord
        assert separator in lines[0] and "K_01" not in written.read_text(encoding="utf-8-sig")


def test_export_is_offered_only_with_something_to_export(qtbot, logbook_of, admin, centre):
    _window, view = logbook_of(admin)
    qtbot.keyClicks(view.filters.search, "nobody")
    qtbot.waitUntil(lambda: view.model.count == 0)
    assert not view.export_button.isEnabled()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_each_filter_has_a_shortcut_letter_of_its_own(qtbot, logbook_of, admin, centre, lang):
    """Alt+letter reaches each filter and button of the tab, never a menu or another tab."""
    from PySide6.QtWidgets import QLabel, QPushButton

    window, view = logbook_of(admin, lang)

    def letter(text: str) -> str | None:
        plain = text.replace("&&", "")
        at = plain.find("&")
        return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None

    menus = [letter(a.text()) for a in window.menuBar().actions() if a.isVisible()]
    tabs = [letter(window.tabs.tabText(i)) for i in range(window.tabs.count())]
    labels = [letter(lb.text()) for lb in view.findChildren(QLabel) if lb.buddy() is not None]
    buttons = [letter(b.text()) for b in view.findChildren(QPushButton) if b.isVisibleTo(view)]
    assert len([m for m in labels if m]) == 8  # every filter
    letters = [m for m in menus + tabs + labels + buttons if m]
    assert not {m for m in letters if letters.count(m) > 1}
