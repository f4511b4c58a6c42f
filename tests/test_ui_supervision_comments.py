"""Supervision on the screens: a supervisor comments on a session or a course and co-signs a
signed note; the therapist sees the comments, unread ones marked (on the session, the course
page and the Today list), and marks them read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from factories import person, planned_course
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, sign_note
from traumefokus.services.supervision_comments import (
    add_comment,
    course_comments,
    unread_comments,
)
from traumefokus.ui.comment_dialogs import CommentDialog
from traumefokus.ui.today import UNREAD_COMMENT
from ui_helpers import make_context, signed_in_window

TODAY = date.today()


@pytest.fixture
def centre(admin, therapist):
    """Mette's course: session 2 (two weeks ago) signed by her, session 4 planned today."""
    supervisor = person(admin, "sup", "supervisor", full_name="Ida Berg", title="psykolog")
    client = add_client(admin, "K-0001").id
    course = planned_course(
        therapist, client, start=TODAY - timedelta(weeks=4), weekday=TODAY.weekday()
    )
    sessions = {s.number: s for s in view_course(therapist, course).sessions}
    sign_note(therapist, sessions[2].id, attendance="held", day=sessions[2].planned_date)
    return {"sup": supervisor, "course": course, "s2": sessions[2].id, "s4": sessions[4].id}


def as_user(qtbot, workspace, acting):
    main = signed_in_window(make_context(workspace, "da", acting=acting))
    qtbot.addWidget(main)
    main.show()
    main.reload()
    return main


def when_modal(act):
    """Run `act(dialog)` on the modal dialog that the next step opens."""

    def run():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog opened"
        act(dialog)

    QTimer.singleShot(0, run)


def click_button(text):
    def act(box: QMessageBox):
        next(b for b in box.buttons() if b.text() == text).click()

    return act


def test_a_supervisor_co_signs_a_signed_note_after_a_confirmation(
    qtbot, workspace, therapist, centre
):
    main = as_user(qtbot, workspace, centre["sup"])
    main.open_session(centre["s2"])
    panel = main.runner.supervision
    assert panel.isVisible() and panel.cosign_button.isVisible()
    assert panel.comments.comment_button.isVisible()
    assert not panel.comments.read_button.isVisible()  # she does not run the course

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    panel.cosign_button.click()
    assert open_note(therapist, centre["s2"]).supervision.cosignature is None

    seen = []
    when_modal(lambda box: (seen.append(box.informativeText()), click_button("Medunderskriv")(box)))
    panel.cosign_button.click()
    assert "kan ikke trækkes tilbage" in seen[0]
    cosignature = open_note(therapist, centre["s2"]).supervision.cosignature
    assert cosignature is not None and cosignature.by == "Ida Berg, psykolog"
    assert not panel.cosign_button.isVisible()
    assert panel.cosigned.isVisible() and "Ida Berg, psykolog" in panel.cosigned.text()
    main.close()


def test_an_unsigned_note_offers_no_co_signature(qtbot, workspace, centre):
    main = as_user(qtbot, workspace, centre["sup"])
    main.open_session(centre["s4"])
    panel = main.runner.supervision
    assert panel.isVisible() and not panel.cosign_button.isVisible()
    main.close()


def test_a_supervisor_comments_on_the_session_from_its_screen(qtbot, workspace, centre):
    main = as_user(qtbot, workspace, centre["sup"])
    main.open_session(centre["s2"])
    panel = main.runner.supervision
    assert not panel.comments.list.isVisible()  # none yet

    def write(dialog: CommentDialog):
        assert dialog.about is None  # the session on screen
        dialog.text.setPlainText("Fin brug af citatet.")
        dialog.accept()

    when_modal(write)
    qtbot.keyClick(panel.comments.comment_button, Qt.Key.Key_Space)
    comments = course_comments(centre["sup"], centre["course"])
    assert [(c.session_id, c.text) for c in comments] == [(centre["s2"], "Fin brug af citatet.")]
    assert panel.comments.list.count() == 1 and panel.comments.list.isVisible()
    assert "Fin brug af citatet." in panel.comments.list.item(0).text()
    main.close()


def test_an_empty_comment_keeps_the_dialog_open_with_the_reason(qtbot, workspace, centre):
    dialog = CommentDialog(make_context(workspace, "da", acting=centre["sup"]), centre["course"])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("   ")
    dialog.accept()
    assert dialog.result() == 0 and dialog.problem.text() == "Skriv kommentaren."
    assert course_comments(centre["sup"], centre["course"]) == []


def test_the_therapist_sees_an_unread_comment_on_today_and_the_session_until_read(
    qtbot, workspace, therapist, centre
):
    add_comment(centre["sup"], centre["course"], "Husk tjek-ud i dag.", session_id=centre["s4"])
    main = as_user(qtbot, workspace, therapist)
    page = main.today_page
    assert page.table.model().rowCount() == 1
    assert page.table.model().index(0, 1).data() == f"{UNREAD_COMMENT} K-0001"
    assert page.comments_line.isVisible() and "K-0001, Session 4" in page.comments_line.text()

    main.open_session(centre["s4"])
    panel = main.runner.supervision
    assert "1 ulæste" in panel.title.text()
    # The note is still being written (a client may be in the room): one line, opened on request
    assert not panel.comments.isVisible() and panel.unfold.text() == "Vis kommentarer"
    qtbot.keyClick(panel.unfold, Qt.Key.Key_Space)
    assert panel.comments.list.isVisible() and panel.unfold.text() == "Skjul kommentarer"
    item = panel.comments.list.currentItem()
    assert item is not None and item.font().bold() and item.text().startswith("● Ulæst")
    assert not panel.comments.comment_button.isVisible()
    assert not panel.cosign_button.isVisible()
    panel.comments.list.setFocus()
    qtbot.keyClick(panel.comments.read_button, Qt.Key.Key_Space)
    assert unread_comments(therapist) == []
    assert "ulæst" not in panel.title.text().lower()
    assert "læst" in panel.comments.list.item(0).text()
    assert not panel.comments.read_button.isEnabled()
    main.runner.leave()
    assert page.table.model().index(0, 1).data() == "K-0001"  # the Today list followed
    assert not page.comments_line.isVisible()
    main.close()


def test_the_course_page_has_the_comments_with_the_unread_count(
    qtbot, workspace, therapist, centre
):
    add_comment(centre["sup"], centre["course"], "Godt forløb indtil nu.")
    main = as_user(qtbot, workspace, therapist)
    main.open_course(centre["course"])
    panels = main.course_page.panels
    tab = panels.indexOf(panels.comments)
    assert panels.tabText(tab) == "Kommentarer (1 ulæste)"
    assert panels.currentIndex() == tab  # unread: the tab is shown first
    comments = panels.comments
    assert "om forløbet" in comments.list.item(0).text()
    assert comments.read_button.isVisible() and not comments.comment_button.isVisible()
    comments.read_button.click()
    assert panels.tabText(tab) == "Kommentarer"
    assert unread_comments(therapist) == []
    main.close()


def test_a_supervisor_comments_on_a_session_from_the_course_page(
    qtbot, workspace, therapist, centre
):
    main = as_user(qtbot, workspace, centre["sup"])
    main.open_course(centre["course"])
    comments = main.course_page.panels.comments
    main.course_page.panels.setCurrentWidget(comments)
    assert comments.comment_button.isVisible() and not comments.read_button.isVisible()

    def write(dialog: CommentDialog):
        assert dialog.about is not None and dialog.about.currentData() is None
        labels = [dialog.about.itemText(i) for i in range(dialog.about.count())]
        assert labels[0] == "Forløbet som helhed"
        dialog.about.setCurrentIndex(next(i for i, t in enumerate(labels) if "Session 2" in t))
        dialog.text.setPlainText("Se på tidsforbruget i temaet.")
        dialog.accept()

    when_modal(write)
    comments.comment_button.click()
    saved = course_comments(therapist, centre["course"])
    assert [(c.session_id, c.text) for c in saved] == [
        (centre["s2"], "Se på tidsforbruget i temaet.")
    ]
    assert "om Session 2" in comments.list.item(0).text()
    main.close()
