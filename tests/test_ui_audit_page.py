"""The Audit trail tab: there for supervisors and administrators, not for therapists; it
lists the trail newest first, filters it, and says a mistyped date."""

from __future__ import annotations

from factories import person
from traumefokus.services.clients import add_client
from traumefokus.ui.audit_page import AuditTrailPage
from ui_helpers import make_context, signed_in_window


def test_the_tab_is_there_for_supervisors_and_administrators_only(qtbot, workspace, admin):
    therapist = person(admin, "mette.h", "therapist")
    supervisor = person(admin, "sup", "supervisor")
    for acting, wanted in ((admin, True), (supervisor, True), (therapist, False)):
        window = signed_in_window(make_context(workspace, "en", acting=acting))
        qtbot.addWidget(window)
        pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
        assert any(isinstance(p, AuditTrailPage) for p in pages) is wanted


def test_the_trail_is_listed_filtered_and_paged(qtbot, workspace, admin):
    add_client(admin, "K-0001")
    add_client(admin, "K-0002")
    page = AuditTrailPage(make_context(workspace, "en", acting=admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.page is not None)
    assert page.table.rowCount() == page.page.total >= 3
    assert page.table.item(0, 3).text() == "client.create"  # newest first
    page.action.setCurrentIndex(page.action.findData("client.create"))
    page.search()
    qtbot.waitUntil(lambda: page.page.total == 2)
    assert page.where.text() == "1–2 of 2 entries"
    assert not page.newer.isEnabled() and not page.older.isEnabled()
    page.start.setText("2026-13-01")
    page.search()
    assert "is not a date" in page.problem.text()
