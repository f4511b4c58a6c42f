"""The course page when a colleague changed the same course or session while a dialog was
open over it: the dialog says who and when in a calm bar and stays open with everything
entered in it; Reload shows the course anew behind it, and OK then saves over what is
there now."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from factories import person, planned_course
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import view_course
from traumefokus.ui.course_dialogs import EndCourseDialog, RescheduleDialog
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.course_team import TeamDialog
from ui_helpers import make_context


@pytest.fixture
def scene(qtbot, db, admin, therapist, workspace):
    colleague = person(admin, "jonas.k", "therapist", full_name="Jonas Krogh")
    other = person(admin, "sara.b", "therapist", full_name="Sara Berg")
    client = add_client(admin, "K-0001")
    course_id = planned_course(therapist, client.id, start=date(2026, 1, 5))
    grant_cover(therapist, course_id, colleague.actor.id)
    ctx = make_context(workspace, "da", acting=therapist)
    page = CoursePage(ctx)
    qtbot.addWidget(page)
    page.show_course(course_id)
    return ctx, page, colleague, other, course_id


def session(acting, course_id, number):
    return next(s for s in view_course(acting, course_id).sessions if s.number == number)


def test_a_session_moved_by_a_colleague_is_said_in_the_dialog(qtbot, scene):
    ctx, page, colleague, _other, course_id = scene
    page.timeline.selectRow(next(i for i, s in enumerate(page.course.sessions) if s.number == 5))
    five = page.selected_session()
    assert five.number == 5
    dialog = RescheduleDialog(ctx, five, page)
    qtbot.addWidget(dialog)
    dialog.reloads = page._reload_for_dialog  # as the page's _run does
    theirs = five.planned_date + timedelta(days=1)
    planning.reschedule(colleague, five.id, day=theirs, at=five.planned_time)

    mine = date(2026, 3, 4)
    dialog.day.setDate(mine)
    qtbot.keyClicks(dialog.reason, "Klienten bad om det")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open
    bar = dialog.conflict_bar
    assert not bar.isHidden()
    assert "Ændret af Jonas Krogh kl. " in bar.text.text(), bar.text.text()
    assert session(ctx.acting, course_id, 5).planned_date == theirs  # nothing over theirs

    bar.reload_button.click()
    assert bar.isHidden()
    assert next(s for s in page.course.sessions if s.number == 5).planned_date == theirs
    assert dialog.reason.text() == "Klienten bad om det"  # what was entered stays
    assert dialog.day.date().toPython() == mine
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert session(ctx.acting, course_id, 5).planned_date == mine


def test_ending_a_course_a_colleague_changed_waits_for_reload(qtbot, scene):
    ctx, page, colleague, _other, course_id = scene
    dialog = EndCourseDialog(ctx, page.course, page.end_reasons(), page)
    qtbot.addWidget(dialog)
    dialog.reloads = page._reload_for_dialog
    themes = list(reversed(view_course(ctx.acting, course_id).chosen_themes))
    planning.choose_themes(colleague, course_id, themes)
    dialog.early.setChecked(True)
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    qtbot.keyClicks(dialog.words, "Flyttet til Aarhus")
    dialog.accept()
    assert "Jonas Krogh" in dialog.conflict_bar.text.text()
    assert view_course(ctx.acting, course_id).status != "ended_early"
    dialog.conflict_bar.reload_button.click()
    assert dialog.words.text() == "Flyttet til Aarhus"
    dialog.accept()
    assert view_course(ctx.acting, course_id).status == "ended_early"


def test_the_team_dialog_shows_the_course_anew_after_a_conflict(qtbot, scene, admin):
    ctx, page, colleague, other, course_id = scene
    dialog = TeamDialog(ctx, page.course, page)
    qtbot.addWidget(dialog)
    planning.choose_themes(colleague, course_id, list(reversed(page.course.chosen_themes)))
    dialog.colleague.setCurrentIndex(dialog.colleague.findData(other.actor.id))
    qtbot.keyClicks(dialog.reason, "Ferie")
    dialog.add.click()
    assert "Jonas Krogh" in dialog.problem.text()
    assert other.actor.id not in {c.user_id for c in view_course(admin, course_id).covers}
    assert dialog.reason.text() == "Ferie"
    dialog.colleague.setCurrentIndex(dialog.colleague.findData(other.actor.id))
    dialog.add.click()  # the dialog shows the course as it is now: it goes through
    assert other.actor.id in {c.user_id for c in view_course(admin, course_id).covers}
    assert dialog.changed_team
