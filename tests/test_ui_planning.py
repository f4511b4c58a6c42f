"""The planning screens, driven as a therapist would: keyboard first, mouse where natural."""

from datetime import date, time

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from factories import person
from traumefokus.domain.actor import Actor
from traumefokus.services.clients import add_client, get_client
from traumefokus.services.courses import create_course, view_course
from traumefokus.services.planning import choose_themes, record_attendance
from traumefokus.services.users import list_users
from traumefokus.ui.course_dialogs import (
    AttendanceDialog,
    DeferDialog,
    EndCourseDialog,
    NewCourseDialog,
)
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.itq_dialog import ItqDialog
from traumefokus.ui.people_dialogs import (
    ClientDialog,
    UserDialog,
    UsersDialog,
)
from traumefokus.ui.theme_chooser import ThemeChooser
from ui_helpers import make_context, signed_in_window

CC_SIX = [
    "honor-survival",
    "break-silence",
    "understand-memory",
    "identify-influences",
    "dark-and-light",
    "want-understood",
]


@pytest.fixture
def ctx(db, therapist, workspace):
    return make_context(workspace, "da", acting=therapist)


@pytest.fixture
def client(db, admin):
    return add_client(admin, "K-0001", site="Center Nord")


@pytest.fixture
def course_id(db, ctx, therapist, client):
    return create_course(
        therapist,
        client_id=client.id,
        therapist_id=therapist.actor.id,
        programme_id="move-cc",
        start=date(2026, 1, 5),
        weekday=0,
        at=time(10, 0),
    )


def course(ctx, course_id):
    return view_course(ctx.acting, course_id)


# --- clients -------------------------------------------------------------------------------


def test_a_cpr_number_is_caught_while_typing_and_never_saved(qtbot, ctx):
    dialog = ClientDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "010190-1234")
    assert dialog.problem.isVisible()
    assert "ligner et CPR-nummer" in dialog.problem.text()
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved is None


def test_a_client_is_created_with_name_and_site(qtbot, ctx):
    dialog = ClientDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "K-0042")
    qtbot.keyClicks(dialog.display_name, "Bo Æ.")
    dialog.site.setCurrentText("Center Syd")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    saved = get_client(ctx.acting, dialog.saved.id)
    assert (saved.code, saved.display_name, saved.site) == ("K-0042", "Bo Æ.", "Center Syd")


# --- a new course --------------------------------------------------------------------------


def test_new_course_previews_the_layout_and_plans_it(qtbot, ctx, client):
    dialog = NewCourseDialog(ctx, client)
    qtbot.addWidget(dialog)
    dialog.programme.setCurrentIndex(dialog.programme.findData("move-cc"))
    dialog.start.setDate(dialog.start.date().fromString("2026-02-02", "yyyy-MM-dd"))
    assert dialog.therapist.currentText() == "mette.h"
    assert dialog.weekday.currentIndex() == 0  # 2 February 2026 is a Monday
    assert dialog.preview.count() == 15
    assert dialog.preview.item(3).text().split()[-3:] == ["Traumefokuseret", "60", "min"]
    dialog.accept()
    assert dialog.created is not None
    planned = course(ctx, dialog.created)
    assert planned.programme_id == "move-cc" and planned.start_date == date(2026, 2, 2)


# --- the theme chooser ---------------------------------------------------------------------


@pytest.fixture
def chooser(qtbot, ctx, course_id):
    view = course(ctx, course_id)
    dialog = ThemeChooser(
        ctx, view, ctx.library.programme("move-cc"), ctx.library.pack("creating-change")
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_six_themes_chosen_and_saved_with_the_keyboard_alone(qtbot, ctx, course_id, chooser):
    for _ in range(6):
        qtbot.keyClick(chooser.offered, Qt.Key.Key_Return)  # chooses, then moves on
    assert chooser.chosen_ids() == CC_SIX
    assert chooser.count.text() == "Valgt: 6 af 6"
    assert chooser.chosen.item(0).text().startswith("3  man. 26.01.2026")
    qtbot.keyClick(chooser.offered, Qt.Key.Key_Tab)
    chooser.chosen.setCurrentRow(5)
    qtbot.keyClick(chooser.chosen, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(chooser.accepted):
        qtbot.keyClick(chooser, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = course(ctx, course_id)
    assert saved.chosen_themes == (*CC_SIX[:4], CC_SIX[5], CC_SIX[4])
    assert [s.theme_id for s in saved.theme_slots] == list(saved.chosen_themes)


def test_a_wrong_count_is_explained_and_nothing_saved(qtbot, ctx, course_id, chooser):
    for _ in range(5):
        qtbot.keyClick(chooser.offered, Qt.Key.Key_Right)
    chooser.accept()
    assert chooser.isVisible()
    assert chooser.problem.text() == "Der er valgt 5 temaer; der skal vælges 6."
    assert course(ctx, course_id).chosen_themes == ()


def test_delete_takes_a_theme_back_and_it_can_be_chosen_again(qtbot, chooser):
    qtbot.keyClick(chooser.offered, Qt.Key.Key_Return)
    chooser.chosen.setCurrentRow(0)
    qtbot.keyClick(chooser.chosen, Qt.Key.Key_Delete)
    assert chooser.chosen_ids() == []
    first = chooser.offered.item(0)
    assert first.flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_theme_dropped_from_the_offered_list_lands_where_it_is_dropped(qtbot, chooser):
    chooser.offered.setCurrentRow(0)
    chooser.choose_current()
    chooser.offered.setCurrentRow(2)
    drop = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        QMimeData(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drop.source = lambda: chooser.offered  # what a real drag from the offered list carries
    chooser.chosen.dropEvent(drop)
    assert chooser.chosen_ids() == ["understand-memory", "honor-survival"]


# --- the course page -----------------------------------------------------------------------


@pytest.fixture
def page(qtbot, ctx, course_id):
    widget = CoursePage(ctx)
    qtbot.addWidget(widget)
    widget.show_course(course_id)
    return widget


def test_the_page_opens_on_the_next_session_and_says_what_is_missing(page):
    assert page.selected_session().number == 0
    assert "Afholdt 0 af 13 planlagte" in page.summary.text()
    assert "Temaerne er ikke valgt endnu." in page.summary.text()
    assert page.buttons["themes"].isDefault()
    assert not page.buttons["swap"].isEnabled()  # session 0 has no theme
    assert page.timeline.rowCount() == 15


def test_attendance_is_recorded_and_the_course_becomes_active(qtbot, ctx, page, course_id):
    dialog = AttendanceDialog(ctx, page.selected_session(), page)
    qtbot.addWidget(dialog)
    dialog.accept()
    page.show_course(course_id, follow_next=True)
    assert course(ctx, course_id).status == "active"
    assert page.selected_session().number == 1  # the next session is selected now
    assert page.timeline.item(0, 5).text() == "Afholdt"


def test_put_a_theme_aside_from_the_page(qtbot, ctx, page, course_id):
    choose_themes(ctx.acting, course_id, CC_SIX)
    page.show_course(course_id)
    page.timeline.selectRow(4)  # session 4
    assert page.buttons["defer"].isEnabled()
    dialog = DeferDialog(ctx, page.selected_session(), page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason, "Ikke klar i dag")
    dialog.accept()
    page.show_course(course_id)
    assert page.history.item(0).text().endswith("Hvorfor: Ikke klar i dag")
    assert "udsat" in page.history.item(0).text()


def test_ending_early_needs_words_for_other(qtbot, ctx, page, course_id):
    reasons = page.end_reasons()
    dialog = EndCourseDialog(ctx, page.course, reasons, page)
    qtbot.addWidget(dialog)
    dialog.early.setChecked(True)
    assert not dialog.words.isEnabled()
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    assert dialog.words.isEnabled()
    dialog.accept()
    assert dialog.problem.text() == "Skriv hvorfor, når årsagen er »Andet«."
    qtbot.keyClicks(dialog.words, "Fik arbejde")
    dialog.accept()
    ended = course(ctx, course_id)
    assert (ended.status, ended.end_reason_text) == ("ended_early", "Fik arbejde")


def test_itq_result_shows_as_items_are_answered(qtbot, ctx, page, course_id):
    dialog = ItqDialog(ctx, page.course, page.panels.itq_form(), parent=page)
    qtbot.addWidget(dialog)
    assert "Ufuldstændig" in dialog.score_label.text() and "0 af 18" in dialog.score_label.text()
    for item in ("P1", "P3", "P5", "P7"):
        dialog.groups[item].button(3).click()
    for group in dialog.groups.values():
        if group.checkedId() < 0:
            group.button(0).click()
    assert dialog.score_label.text().startswith("<b>PTSD</b>")
    assert "genoplevelse, undgåelse, oplevelse af trussel" in dialog.score_label.text()
    dialog.accept()
    assert course(ctx, course_id).itq[0].score.result.value == "ptsd"


def test_a_supervisor_sees_the_course_but_changes_nothing(qtbot, db, admin, workspace, course_id):
    supervisor = person(admin, "sup", "supervisor")
    page = CoursePage(make_context(workspace, "da", acting=supervisor))
    qtbot.addWidget(page)
    page.show_course(course_id)
    assert [k for k, button in page.buttons.items() if button.isEnabled()] == ["open"]


# --- the main window and administration ----------------------------------------------------


def test_a_coder_sees_no_client_records(qtbot, db, admin, workspace, client):
    coder = person(admin, "coder", "coder")
    window = signed_in_window(make_context(workspace, "da", acting=coder))
    qtbot.addWidget(window)
    window.reload()
    shown = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert window.client_pane not in shown and window.today_page not in shown
    assert not window.new_client_action.isEnabled()


def test_the_course_opens_from_the_main_window_and_escape_goes_back(qtbot, ctx, course_id):
    window = signed_in_window(ctx)
    qtbot.addWidget(window)
    window.show()
    window.reload()
    # Session 0 of 5 January is not recorded: a next session in the past is overdue.
    assert window.client_view.model().index(0, 3).data() == "man. 05.01.2026 · forsinket"
    assert not window.new_course_action.isEnabled()  # the client has a planned course
    window.course_view.setFocus()
    qtbot.keyClick(window.course_view, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.course_page
    qtbot.keyClick(window.course_page.timeline, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == 0


def test_users_dialog_adds_a_user_and_keeps_the_last_admin(
    qtbot, db, admin, workspace, monkeypatch
):
    ctx = make_context(workspace, "en", acting=admin)
    add = UserDialog(ctx)
    qtbot.addWidget(add)
    qtbot.keyClicks(add.name, "Sara.L")
    qtbot.keyClicks(add.full_name, "Sara Larsen")
    qtbot.keyClicks(add.job, "pædagog")
    add.password.setText("a good long password")
    add.repeat.setText("a good long password")
    add.accept()
    sara = list_users(admin)[1]
    assert (sara.name, sara.label) == ("sara.l", "Sara Larsen, pædagog")
    assert sara.role.value == "therapist"
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.item(1, 1).text() == "Sara Larsen"
    edit = UserDialog(ctx, dialog, dialog.users[0])
    qtbot.addWidget(edit)
    edit.role.setCurrentIndex(edit.role.findData("therapist"))
    edit.accept()
    assert warnings == ["admin is the last active administrator and cannot lose that role."]
    assert list_users(admin)[0].role.value == "admin"


def test_only_unattended_sessions_can_be_moved(qtbot, ctx, page, course_id):
    first = page.selected_session()
    record_attendance(ctx.acting, first.id, "no_show")
    page.show_course(course_id)
    page.timeline.selectRow(0)
    assert page.buttons["attendance"].isEnabled()
    assert not page.buttons["move"].isEnabled()
    assert isinstance(ctx.acting.actor, Actor)


def test_an_invalid_installed_programme_is_left_out_of_new_course(qtbot, ctx, client):
    broken = ctx.workspace.data_dir.programmes / "move-x" / "1.0.0.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        'format = 1\n[programme]\nid = "move-x"\nversion = "1.0.0"\n', encoding="utf-8"
    )
    dialog = NewCourseDialog(ctx, client)
    qtbot.addWidget(dialog)
    ids = [dialog.programme.itemData(i) for i in range(dialog.programme.count())]
    assert ids == ["move-cc", "move-ss"]
