import pytest

from factories import add_client, add_course, add_user
from traumefokus.settings import Settings
from ui_helpers import make_context, signed_in_window

MENUS = {
    "da": ["Filer", "Klient", "Vis", "Administration", "Hjælp"],
    "en": ["File", "Client", "View", "Administration", "Help"],
}


@pytest.fixture
def window_for(qtbot, db, admin, workspace):
    def build(lang="da"):
        ctx = make_context(workspace, lang, acting=admin)
        window = signed_in_window(ctx)
        qtbot.addWidget(window)
        window.reload()
        return window

    return build


def menu_titles(window):
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_menus_and_status_bar_in_both_languages(window_for, lang):
    window = window_for(lang)
    assert menu_titles(window) == MENUS[lang]
    status = " ".join(w.text() for w in window.statusBar().findChildren(type(window.client_title)))
    assert (
        "Bruger: admin (administrator)" if lang == "da" else "User: admin (administrator)"
    ) in status
    assert "traumefokus.db" in status


def test_empty_state_says_there_are_no_clients(window_for):
    window = window_for()
    assert window.left_stack.currentIndex() == 1
    assert not window.right.isVisibleTo(window)


def test_clients_and_their_courses_are_listed(window_for, db):
    therapist = add_user(db, "mette", "therapist")
    client = add_client(db, "K-0002", display_name="Bo Æblegård")
    add_client(db, "K-0001")
    add_course(db, client, therapist, method="CC", status="active")
    window = window_for()
    model = window.client_view.model()
    assert model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == ["K-0001", "K-0002"]
    assert model.index(1, 2).data() == "Creating Change · Aktivt"
    assert model.index(0, 2).data() == "Intet forløb"
    assert model.index(0, 3).data() == ""  # no course, no next session
    window.client_view.selectRow(1)
    assert window.client_title.text() == "K-0002"
    courses = window.course_view.model()
    assert courses.rowCount() == 1
    assert courses.index(0, 4).data() == "mette"
    assert courses.index(0, 5).data() == "4 af 5"


def test_display_names_are_hidden_until_asked_for_and_only_for_who_asked(
    window_for, db, admin, therapist, workspace, qtbot
):
    add_client(db, "K-0001", display_name="Bo Æblegård")
    window = window_for()
    model = window.client_view.model()
    assert "Bo Æblegård" not in [model.index(0, c).data() for c in range(model.columnCount())]
    window.show_names_action.trigger()
    assert model.index(0, 1).data() == "Bo Æblegård"
    saved = Settings.load(window.ctx.settings.path)
    assert saved.user(admin.actor.id).get("show_display_names") is True
    # Another user of the same data directory still sees codes only.
    theirs = signed_in_window(make_context(workspace, "da", acting=therapist))
    qtbot.addWidget(theirs)
    theirs.reload()
    assert not theirs.show_names_action.isChecked()
    shown = [theirs.clients.index(0, c).data() for c in range(theirs.clients.columnCount())]
    assert "Bo Æblegård" not in shown


def test_search_filters_by_code(window_for, db, qtbot):
    for code in ("K-0001", "K-0002", "X-0100"):
        add_client(db, code)
    window = window_for()
    qtbot.keyClicks(window.search, "k-00")
    model = window.client_view.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["K-0001", "K-0002"]


def test_geometry_is_remembered(window_for, qtbot):
    window = window_for()
    window.resize(760, 540)
    window.close()
    again = window_for()
    assert (again.width(), again.height()) == (760, 540)


def test_language_menu_rebuilds_the_window_in_english(qtbot, db, admin, workspace):
    from traumefokus.ui.app import Startup
    from traumefokus.ui.i18n import install_translators

    install_translators("da")
    ctx = make_context(workspace, "da", acting=admin)
    startup = Startup(ctx, None)
    window = startup.show_main()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.began)  # signed in already: it begins after painting
    english = next(
        a for a in window.findChildren(type(window.show_names_action)) if a.text() == "English"
    )
    english.trigger()
    try:
        new = startup.main_window
        qtbot.addWidget(new)
        qtbot.waitUntil(lambda: new.began)
        assert new is not window
        assert menu_titles(new) == MENUS["en"]
        saved = Settings.load(workspace.data_dir.settings)
        assert saved.language_of(admin.actor.id) == "en"
        assert saved.language == "da"  # the sign-in keeps the installation's language
    finally:
        startup.idle_lock.stop()
        install_translators("da")
