"""The start screen's lists: the client search and the detail pane, the Today page (overdue
notes, the open button, what a role without sessions reads), through the window."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from factories import add_client, add_course, add_user, person, planned_course
from traumefokus.domain.session_note import NoteDraft
from traumefokus.services.clients import add_client as add_client_as
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import save_draft
from traumefokus.ui.today import OVERDUE
from ui_helpers import make_context, signed_in_window


@pytest.fixture
def window_for(qtbot, workspace):
    def build(acting, lang="da"):
        window = signed_in_window(make_context(workspace, lang, acting=acting))
        qtbot.addWidget(window)
        window.reload()
        return window

    return build


def shown_codes(window):
    model = window.client_view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


# --- the client search -------------------------------------------------------------------
@pytest.fixture
def three_clients(db):
    mette = add_user(db, "mette", "therapist")
    courses = {}
    for code in ("K-0001", "K-0002", "X-0100"):
        courses[code] = add_course(db, add_client(db, code), mette).id
    return courses


def test_a_search_that_hides_the_chosen_client_moves_the_pane_to_a_visible_one(
    window_for, admin, three_clients, qtbot
):
    window = window_for(admin)
    window.tabs.setCurrentIndex(1)
    window.client_view.selectRow(shown_codes(window).index("X-0100"))
    assert window.client_title.text() == "X-0100"
    qtbot.keyClicks(window.search, "k-00")
    assert shown_codes(window) == ["K-0001", "K-0002"]
    # The pane follows the list: it shows a client that is in it, selected.
    assert window.client_title.text() in ("K-0001", "K-0002")
    assert window.current_client_id() is not None
    selected = window.client_view.selectionModel().selectedRows()
    assert [i.data() for i in selected] == [window.client_title.text()]
    # Opening a course reaches only that client's course, never the hidden one's.
    opened = []
    window.open_course = opened.append
    window.open_course_action.trigger()
    window.open_course_button.click()
    window.course_view.activated.emit(window.course_view.model().index(0, 0))
    shown = window.client_title.text()
    assert opened and set(opened) == {three_clients[shown]}


def test_a_search_keeps_the_chosen_client_when_it_stays_visible(
    window_for, admin, three_clients, qtbot
):
    window = window_for(admin)
    window.client_view.selectRow(shown_codes(window).index("K-0002"))
    qtbot.keyClicks(window.search, "k-00")
    assert window.client_title.text() == "K-0002"
    qtbot.keyClicks(window.search, "02")
    assert shown_codes(window) == ["K-0002"] and window.client_title.text() == "K-0002"


def test_a_search_that_finds_nobody_empties_the_pane_and_opens_nothing(
    window_for, admin, three_clients, qtbot
):
    window = window_for(admin)
    window.client_view.selectRow(0)
    qtbot.keyClicks(window.search, "nobody")
    assert shown_codes(window) == []
    assert window.client_title.text() == ""
    assert window.current_client_id() is None
    assert window.courses.rowCount() == 0
    assert not window.open_course_action.isEnabled()
    assert not window.open_course_button.isEnabled()
    assert not window.edit_client_action.isEnabled()
    opened = []
    window.open_course = opened.append
    window.open_course_action.trigger()
    assert opened == []
    window.search.clear()
    assert shown_codes(window) == ["K-0001", "K-0002", "X-0100"]
    assert window.client_title.text() in shown_codes(window)


def test_sorting_keeps_the_chosen_client(window_for, admin, three_clients):
    window = window_for(admin)
    window.client_view.selectRow(shown_codes(window).index("K-0002"))
    window.client_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_codes(window) == ["X-0100", "K-0002", "K-0001"]
    assert window.client_title.text() == "K-0002"
    selected = window.client_view.selectionModel().selectedRows()
    assert [i.data() for i in selected] == ["K-0002"]


# --- the Today page ----------------------------------------------------------------------
@pytest.fixture
def mette_day(admin, therapist):
    """Mette's course: the assessment two weeks ago left as a draft, session 1 a week ago
    untouched, session 2 today."""
    today = date.today()
    client = add_client_as(admin, "K-0001")
    course_id = planned_course(
        therapist, client.id, start=today - timedelta(days=14), weekday=today.weekday()
    )
    s = {x.number: x for x in view_course(therapist, course_id).sessions}
    assert s[2].planned_date == today
    save_draft(therapist, s[0].id, NoteDraft())
    return s


def today_rows(window):
    model = window.today.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_an_overdue_note_heads_the_today_list_with_its_day_and_the_count_in_the_status_bar(
    window_for, therapist, mette_day
):
    window = window_for(therapist)
    assert window.tabs.currentIndex() == 0
    rows = today_rows(window)
    assert len(rows) == 2
    overdue, planned = rows
    day = mette_day[0].planned_date
    assert overdue[1] == "K-0001" and overdue[2] == "Session 0"
    assert f"{day:%d.%m.%Y}" in overdue[0]  # the day it belongs to, then its time
    assert overdue[5] == "Forsinket: ikke underskrevet"
    assert planned[2] == "Session 2" and "Forsinket" not in planned[5]
    model = window.today.model()
    assert model.index(0, 0).data(OVERDUE) is True and not model.index(1, 0).data(OVERDUE)
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.overdue_status.isVisibleTo(window)
    assert window.overdue_status.text() == "Forsinkede noter: 1"
    assert "1" in window.today_page.overdue_line.text()
    # Enter on the first row opens the overdue note.
    opened = []
    window.open_session = lambda session_id, **_kw: opened.append(session_id)
    window.today_page.open_button.click()
    assert opened == [mette_day[0].id]


def test_a_day_without_overdue_notes_shows_no_count(window_for, therapist, admin):
    add_client_as(admin, "K-0001")
    window = window_for(therapist)
    assert not window.overdue_status.isVisibleTo(window)
    page = window.today_page
    assert not page.table.isVisibleTo(page)
    assert page.empty.isVisibleTo(page)
    assert page.empty.text().startswith("Ingen sessioner planlagt i dag og ingen noter")


def test_open_the_session_is_disabled_while_nothing_is_selected(window_for, therapist, mette_day):
    window = window_for(therapist)
    button = window.today_page.open_button
    assert button.isEnabled()  # the first row is selected
    window.today.clearSelection()
    assert not button.isEnabled()
    opened = []
    window.open_session = lambda session_id, **_kw: opened.append(session_id)
    button.click()
    window.today_page._open()
    assert opened == []
    window.today.selectRow(1)
    assert button.isEnabled()
    button.click()
    assert opened == [mette_day[2].id]


def test_open_the_session_is_disabled_on_an_empty_day(window_for, therapist, admin):
    window = window_for(therapist)
    assert not window.today_page.open_button.isEnabled()


@pytest.mark.parametrize(
    ("role", "says"),
    [
        ("supervisor", "Som supervisor læser du alle forløb"),
        ("admin", "Som administrator opretter du klienter"),
    ],
)
def test_a_role_that_runs_no_sessions_reads_what_it_can_do_instead(window_for, admin, role, says):
    acting = admin if role == "admin" else person(admin, f"{role}.x", role)
    window = window_for(acting)
    page = window.today_page
    texts = [label.text() for label in (page.role_line, page.empty) if label.isVisibleTo(page)]
    assert any(says in text for text in texts), texts
    assert not any("Ingen sessioner planlagt i dag og ingen noter" in t for t in texts)
    assert not page.open_button.isEnabled()


def test_a_supervisor_sees_the_centres_sessions_and_what_the_role_does_with_them(
    window_for, admin, mette_day
):
    supervisor = person(admin, "supervisor.x", "supervisor")
    window = window_for(supervisor)
    rows = today_rows(window)
    assert [r[2] for r in rows] == ["Session 2"]  # no overdue notes: they sign none
    assert window.today_page.role_line.isVisibleTo(window.today_page)
    assert not window.overdue_status.isVisibleTo(window)


def test_the_client_list_marks_a_past_next_session_as_overdue(window_for, therapist, mette_day):
    window = window_for(therapist)
    window.tabs.setCurrentWidget(window.client_pane)  # Today is shown first: there is a session
    model = window.client_view.model()
    next_column = model.headers().index("Næste session")
    cell = model.index(0, next_column)
    assert "forsinket" in cell.data()
    assert f"{mette_day[0].planned_date:%d.%m.%Y}" in cell.data()
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_return_on_a_searched_client_opens_that_clients_course(
    window_for, admin, three_clients, qtbot
):
    window = window_for(admin)
    window.tabs.setCurrentIndex(1)
    qtbot.keyClicks(window.search, "x-01")
    window.client_view.setFocus()
    window.client_view.selectRow(0)
    opened = []
    window.open_course = opened.append
    qtbot.keyClick(window.client_view, Qt.Key.Key_Return)
    assert opened == [three_clients["X-0100"]]


def test_the_client_list_is_read_when_its_tab_is_first_brought_forward(
    window_for, therapist, mette_day, monkeypatch
):
    """Today is shown first: the start-up reads only what is on screen."""
    from traumefokus.services import overview

    reads = []
    real = overview.list_clients
    monkeypatch.setattr(overview, "list_clients", lambda a: reads.append(1) or real(a))
    window = window_for(therapist)
    assert window.tabs.currentWidget() is window.today_page and reads == []
    window.reload()  # a change while it is hidden: still not read
    assert reads == []
    window.tabs.setCurrentWidget(window.client_pane)
    assert reads == [1] and shown_codes(window) == ["K-0001"]
    window.tabs.setCurrentWidget(window.today_page)
    window.tabs.setCurrentWidget(window.client_pane)  # nothing changed meanwhile
    assert reads == [1]
