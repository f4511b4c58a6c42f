"""The course page's parts, driven as a user drives them: the goals tab beside the timeline
(added, edited and removed with its buttons) and the action buttons, which follow the session
selected on the timeline."""

from datetime import date, time

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from factories import planned_course
from traumefokus.documents.kinds import DocumentKind
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.ui.course_dialogs import GoalDialog
from traumefokus.ui.course_page import CoursePage
from ui_helpers import make_context


@pytest.fixture
def page(qtbot, db, admin, therapist, workspace):
    client = add_client(admin, "K-0060")
    course_id = planned_course(therapist, client.id, start=date(2026, 1, 5), at=time(10))
    widget = CoursePage(make_context(workspace, "da", acting=therapist))
    qtbot.addWidget(widget)
    widget.show_course(course_id)
    return widget


def button(page: CoursePage, text: str) -> QPushButton:
    return next(b for b in page.panels.findChildren(QPushButton) if b.text() == text)


def answer_goal(monkeypatch, text: str) -> None:
    """The next goal dialog gets `text` and OK."""

    def run(dialog: GoalDialog) -> int:
        dialog.text.setPlainText(text)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(GoalDialog, "exec", run)


def goals(page: CoursePage) -> list[str]:
    return [page.panels.goals.item(i).text() for i in range(page.panels.goals.count())]


def test_goals_are_added_edited_and_removed_from_their_tab(qtbot, page, therapist, monkeypatch):
    assert goals(page) == ["Ingen mål endnu: skriv klientens mål med klientens egne ord."]
    answer_goal(monkeypatch, "At sove en hel nat")
    button(page, "Tilføj mål…").click()
    [goal] = view_course(therapist, page.course.id).goals
    assert goal.text == "At sove en hel nat"
    assert goals(page) == [f"{goal.set_on:%d.%m.%Y}  —  At sove en hel nat"]

    page.panels.goals.setCurrentRow(0)
    answer_goal(monkeypatch, "At sove en hel nat uden at drikke først")
    button(page, "Rediger…").click()
    assert goals(page)[0].endswith("At sove en hel nat uden at drikke først")

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    page.panels.goals.setCurrentRow(0)
    button(page, "Fjern").click()
    assert len(view_course(therapist, page.course.id).goals) == 1  # not without a yes
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    button(page, "Fjern").click()
    assert view_course(therapist, page.course.id).goals == ()
    assert goals(page) == ["Ingen mål endnu: skriv klientens mål med klientens egne ord."]


def test_the_actions_follow_the_selected_session(page):
    sessions = page.course.sessions
    trauma = next(r for r, s in enumerate(sessions) if s.kind == "trauma")
    page.timeline.selectRow(trauma)
    assert page.selected_session().id == sessions[trauma].id
    assert page.buttons["swap"].isEnabled() and page.buttons["defer"].isEnabled()
    assert page.print_actions[DocumentKind.HANDOUT].isEnabled()  # a theme to hand out
    assessment = next(r for r, s in enumerate(sessions) if s.kind == "assessment")
    page.timeline.selectRow(assessment)
    assert not page.buttons["swap"].isEnabled() and not page.buttons["defer"].isEnabled()
    assert page.buttons["move"].isEnabled()
    assert not page.print_actions[DocumentKind.HANDOUT].isEnabled()
    page.timeline.clearSelection()
    assert page.selected_session() is None
    assert not page.buttons["open"].isEnabled() and not page.buttons["move"].isEnabled()
    assert not page.print_actions[DocumentKind.NOTE].isEnabled()
    assert page.buttons["extra"].isEnabled()  # the course's own actions stay
