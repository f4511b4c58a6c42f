"""Help ▸ Brugervejledning (F1): the user guide in a read-only window, for every role, with its
pictures from the guide's folder, its own links followed and no link out of it opened."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QTextDocument
from PySide6.QtWidgets import QApplication

from factories import person
from traumefokus.ui.help_actions import GuideWindow, guide_file, slug
from ui_helpers import make_context, signed_in_window

ROLES = ("admin", "therapist", "supervisor", "coder")


def _guide_action(window) -> QAction:
    help_menu = window.menuBar().actions()[-1].menu()
    found = [a for a in help_menu.actions() if a.shortcut().toString() == "F1"]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_has_the_guide_on_f1(qtbot, workspace, admin, role):
    acting = admin if role == "admin" else person(admin, f"some.{role}", role)
    window = signed_in_window(make_context(workspace, "da", acting=acting))
    qtbot.addWidget(window)
    window.show()
    window.reload()
    window.activateWindow()
    qtbot.waitExposed(window)
    action = _guide_action(window)
    assert action.text().replace("&", "") == "Brugervejledning"
    assert window.findChild(GuideWindow) is None

    qtbot.waitUntil(lambda: getattr(QApplication.focusWidget(), "window", lambda: None)() is window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)

    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    first = guide.text.document().firstBlock()
    assert first.blockFormat().headingLevel() == 1
    assert first.text() == "Brugervejledning til Traumefokus"
    action.trigger()  # again: the same window, brought forward
    assert window.findChildren(GuideWindow) == [guide]
    guide.close()
    window.close()


@pytest.fixture
def guide(qtbot) -> GuideWindow:
    shown = GuideWindow()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_every_picture_of_the_guide_is_found(guide):
    written = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide_file().read_text(encoding="utf-8"))
    assert len(written) >= 10
    assert sorted(set(guide.pictures())) == sorted(set(written))
    document = guide.text.document()
    for name in written:
        assert (guide_file().parent / name).is_file(), name
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name


def test_the_sections_are_listed_and_the_contents_links_lead_to_them(guide):
    titles = [guide.sections.item(i).text().strip() for i in range(guide.sections.count())]
    assert "For behandlere" in titles and "For administratorer" in titles
    anchors = re.findall(r"\]\(#([^)]+)\)", guide_file().read_text(encoding="utf-8"))
    known = {slug(title) for _level, title, _at in guide.headings}
    assert anchors and set(anchors) <= known

    guide.follow(QUrl("#for-kodere"))

    cursor = guide.text.textCursor()
    assert cursor.block().text() == "For kodere"


def test_a_section_the_list_cuts_short_is_whole_in_its_tooltip(guide):
    from PySide6.QtCore import Qt

    items = [guide.sections.item(i) for i in range(guide.sections.count())]
    assert all(item.toolTip() == item.text().strip() for item in items)
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert guide.sections.horizontalScrollBarPolicy() == off  # cut short, not scrolled sideways


def test_a_link_out_of_the_guide_is_not_opened(guide, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    before = guide.text.document().toPlainText()

    for url in ("https://example.org/", "http://example.org/#for-kodere", "file:///etc/passwd"):
        guide.text.anchorClicked.emit(QUrl(url))

    assert opened == []
    assert not guide.text.openLinks() and not guide.text.openExternalLinks()
    assert guide.text.source().isEmpty()
    assert guide.text.document().toPlainText() == before


def test_ctrl_f_searches_the_guide(qtbot, guide):
    qtbot.keyClick(guide, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert guide.search.hasFocus()
    qtbot.keyClicks(guide.search, "gendannelsesnøgle")
    assert guide.text.textCursor().selectedText().lower() == "gendannelsesnøgle"
    assert guide.not_found.text() == ""
    guide.search.setText("zzzz-ikke-her")
    assert not guide.find_next()
    assert guide.not_found.text()
