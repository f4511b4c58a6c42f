import pytest
from PySide6.QtWidgets import QMessageBox

from content_fixtures import pack_data, write_pack
from traumefokus.ui.content_actions import install
from traumefokus.ui.content_browser import ContentBrowser
from ui_helpers import make_context, signed_in_window


@pytest.fixture
def ctx(db, admin, workspace):
    return make_context(workspace, "da", acting=admin)


def items(tree):
    found = {}

    def walk(item, depth=0):
        for i in range(item.childCount()):
            child = item.child(i)
            found[child.text(0)] = child
            walk(child, depth + 1)

    walk(tree.invisibleRootItem())
    return found


def test_browser_lists_packs_themes_and_programmes(qtbot, ctx):
    browser = ContentBrowser(ctx.library, "da")
    qtbot.addWidget(browser)
    found = items(browser.tree)
    assert "Seeking Safety – demoindhold 1.0.0" in found
    assert "Creating Change – demoindhold 1.1.0" in found
    assert "MOVE med Seeking Safety 1.0.0" in found
    assert "Ær din overlevelse" in found


def test_a_theme_shows_guidance_and_client_text_side_by_side(qtbot, ctx):
    browser = ContentBrowser(ctx.library, "da")
    qtbot.addWidget(browser)
    browser.tree.setCurrentItem(items(browser.tree)["Sikkerhed"])
    page = browser.theme_page
    assert browser.pages.currentWidget() is page
    assert page.subtitle.text() == "Safety · arbejdstitel · demoindhold"
    assert "et demo-citat skrevet til Traumefokus" in page.quote.text()
    assert page.worksheets.count() == 2
    page.worksheets.setCurrentIndex(1)
    assert "Min plan for en svær dag" in page.client.toPlainText()
    assert "Planen skal kunne bruges" in page.guidance.toPlainText()
    assert "Planen skal kunne bruges" not in page.client.toPlainText()


def test_a_title_only_theme_says_so(qtbot, db, admin, workspace):
    ctx = make_context(workspace, "en", acting=admin)
    browser = ContentBrowser(ctx.library, "en")
    qtbot.addWidget(browser)
    browser.tree.setCurrentItem(items(browser.tree)["Afslutning"])
    assert "title in the catalogue only" in browser.theme_page.introduction.toPlainText()
    assert browser.theme_page.worksheets.count() == 0


def test_a_programme_shows_its_layout(qtbot, ctx):
    browser = ContentBrowser(ctx.library, "da")
    qtbot.addWidget(browser)
    browser.tree.setCurrentItem(items(browser.tree)["MOVE med Creating Change 1.0.0"])
    table = browser.programme_page.layout_table
    assert table.rowCount() == 15  # sessions 0-12 and two follow-ups
    assert table.item(3, 1).text() == "Traumefokuseret"
    assert table.item(3, 3).text().startswith("Tjek-ind 5 · Citat 5–10 · Tema 35–40")
    assert table.item(14, 0).text() == "+6 mdr."
    assert "12 temaer tilbydes, 6 vælges" in browser.programme_page.themes.text()


def test_install_from_the_ui_and_the_browser_shows_it(qtbot, ctx, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: opened.append(self.text()))
    window = signed_in_window(ctx)
    qtbot.addWidget(window)
    assert install(ctx, window, write_pack(tmp_path / "p")) is True
    assert opened[-1].startswith("Installerede pakke test-pack 1.0.0")
    browser = ContentBrowser(ctx.library, "da")
    qtbot.addWidget(browser)
    assert "Testpakke 1.0.0 (installeret)" in items(browser.tree)


def test_an_invalid_pack_from_the_ui_lists_its_problems(qtbot, ctx, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self))
    data = pack_data()
    data["themes"][0]["worksheets"] = data["themes"][0]["worksheets"][:1]
    window = signed_in_window(ctx)
    qtbot.addWidget(window)
    assert install(ctx, window, write_pack(tmp_path / "bad", data)) is False
    assert "Intet blev installeret." in shown[-1].text()
    assert "1 arbejdsark; et tema skal have 2 til 8" in shown[-1].detailedText()


def test_only_administrators_can_install(qtbot, workspace, therapist):
    ctx = make_context(workspace, "da", acting=therapist)
    window = signed_in_window(ctx)
    qtbot.addWidget(window)
    assert not window.install_pack_action.isEnabled()
    assert window.content_action.isEnabled()
