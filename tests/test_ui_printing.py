"""Printing from the screens: the preview shows the real pages, the choices re-render them,
Print and Save as PDF send those pages on and record it; the status letter is written,
refused while unfinished, and printed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select

from factories import person, planned_course
from pdf_reading import all_text, page_texts
from traumefokus.documents.render import DocumentKind, DocumentRequest
from traumefokus.domain.session_note import CheckIn, NoteDraft
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, save_draft, sign_note
from traumefokus.services.status_letters import save_status_letter, status_letter
from traumefokus.services.treatment import add_goal
from traumefokus.storage.models import AuditEvent
from traumefokus.ui.course_page import CoursePage
from traumefokus.ui.fit import room
from traumefokus.ui.letter_editor import LetterEditor
from traumefokus.ui.print_preview import PrintPreview
from traumefokus.ui.printing import course_preview, session_preview
from ui_helpers import make_context

START = date(2026, 1, 5)


@pytest.fixture
def ctx(db, therapist, workspace):
    return make_context(workspace, "da", acting=therapist)


@pytest.fixture
def course(ctx, admin, therapist):
    client = add_client(admin, "K-0042", display_name="Bjørk")
    course_id = planned_course(therapist, client.id, start=START)
    add_goal(therapist, course_id, "Et roligere hjem", START)
    return view_course(therapist, course_id)


def session_id(course, number):
    return next(s.id for s in course.sessions if s.number == number)


def shown(qtbot, dialog: PrintPreview) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.print_button.isEnabled())


def page_labels(dialog: PrintPreview) -> list[QLabel]:
    return [w for w in dialog.pages.findChildren(QLabel) if w.pixmap() and not w.pixmap().isNull()]


def sheet_items(dialog: PrintPreview) -> list:
    return [dialog.sheets.item(row) for row in range(dialog.sheets.count())]


def audit_actions(db) -> list[str]:
    with db.reading() as tx:
        return list(tx.scalars(select(AuditEvent.action)))


def test_the_preview_shows_the_real_pages(qtbot, ctx, course):
    s3 = session_id(course, 3)
    save_draft(ctx.acting, s3, NoteDraft(check_in=CheckIn(feeling="Rolig")))
    note = open_note(ctx.acting, s3)
    dialog = session_preview(ctx, DocumentKind.NOTE, note, None)
    shown(qtbot, dialog)
    assert len(page_labels(dialog)) == dialog.rendered.pages >= 1
    assert dialog.status.text() == f"Sider: {dialog.rendered.pages}"
    assert "Rolig" in all_text(dialog.rendered.pdf)
    assert dialog.with_name.isVisibleTo(dialog)  # the client has a name to offer


def test_the_name_is_printed_only_when_ticked(qtbot, ctx, course):
    note = open_note(ctx.acting, session_id(course, 3))
    dialog = session_preview(ctx, DocumentKind.NOTE, note, None)
    shown(qtbot, dialog)
    assert "Bjørk" not in all_text(dialog.rendered.pdf)
    first = dialog.rendered
    dialog.with_name.setChecked(True)
    qtbot.waitUntil(lambda: dialog.rendered is not first and dialog.print_button.isEnabled())
    assert "Bjørk" in all_text(dialog.rendered.pdf)


def test_a_handouts_worksheets_are_chosen_in_the_preview(qtbot, ctx, course):
    note = open_note(ctx.acting, session_id(course, 3))
    dialog = session_preview(ctx, DocumentKind.HANDOUT, note, None)
    shown(qtbot, dialog)
    items = {item.data(Qt.ItemDataRole.UserRole): item for item in sheet_items(dialog)}
    assert set(items) == {"safe-and-unsafe", "hard-day-plan"}
    assert all(item.checkState() == Qt.CheckState.Checked for item in items.values())
    assert "Min plan for en svær dag" in all_text(dialog.rendered.pdf)
    first = dialog.rendered
    items["hard-day-plan"].setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: dialog.rendered is not first and dialog.print_button.isEnabled())
    assert "Min plan for en svær dag" not in all_text(dialog.rendered.pdf)
    assert dialog.rendered.request.worksheets == ("safe-and-unsafe",)


def test_save_as_pdf_writes_the_previewed_pages_and_records_it(
    qtbot, ctx, course, tmp_path, monkeypatch
):
    dialog = course_preview(ctx, DocumentKind.PLAN, course, None)
    shown(qtbot, dialog)
    target = tmp_path / "plan"
    monkeypatch.setattr(dialog, "choose_file", lambda rendered: target.with_suffix(".pdf"))
    with qtbot.waitSignal(dialog.delivered):
        dialog.save_button.click()
    assert target.with_suffix(".pdf").read_bytes() == dialog.rendered.pdf
    assert "print.plan" in audit_actions(ctx.db)
    assert ctx.mine.get("print_folder") == str(tmp_path)


def test_print_sends_every_page_to_the_printer(qtbot, ctx, course, tmp_path, monkeypatch):
    for number in (0, 1, 2):
        sign_note(ctx.acting, session_id(course, number), attendance="held", day=START)
    dialog = course_preview(ctx, DocumentKind.NOTES, course, None)
    shown(qtbot, dialog)
    out = tmp_path / "printed.pdf"

    def printer(_rendered):
        target = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        target.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target.setOutputFileName(str(out))
        target.setFullPage(True)
        return target

    monkeypatch.setattr(dialog, "choose_printer", printer)
    with qtbot.waitSignal(dialog.delivered):  # recorded before the printer gets a page
        dialog.print_button.click()
    assert "print.notes" in audit_actions(ctx.db)
    qtbot.waitUntil(lambda: dialog.status.text() == "Sendt til printeren.", timeout=20_000)
    assert len(page_texts(out.read_bytes())) == dialog.rendered.pages == 3


def test_a_course_without_notes_says_so_in_the_preview(qtbot, ctx, course):
    dialog = course_preview(ctx, DocumentKind.NOTES, course, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "ingen sessionsnoter" in dialog.problem.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_closing_during_a_batch_stops_it_without_waiting(qtbot, ctx, course):
    for number in (0, 1, 2):
        sign_note(ctx.acting, session_id(course, number), attendance="held", day=START)
    dialog = course_preview(ctx, DocumentKind.NOTES, course, None)
    qtbot.addWidget(dialog)
    dialog.show()
    task = dialog.task
    cancelled = []
    task.cancelled.connect(lambda: cancelled.append(True))
    dialog.reject()
    assert dialog.task is None and task._stop.is_set()
    qtbot.waitUntil(lambda: not task.running)
    assert dialog.rendered is None  # a late result is dropped, not shown


# --- the status letter -----------------------------------------------------------------------
def hold_four(ctx, course):
    """The assessment and four weekly sessions: the first letter is due."""
    for number in (0, 1, 2, 3, 4):
        if open_note(ctx.acting, session_id(course, number)).session.attendance is None:
            sign_note(ctx.acting, session_id(course, number), attendance="held", day=START)


def test_the_letter_is_written_refused_while_unfinished_and_printed(
    qtbot, ctx, course, tmp_path, monkeypatch
):
    hold_four(ctx, course)
    letter = status_letter(ctx.acting, course.id)
    editor = LetterEditor(ctx, letter)
    qtbot.addWidget(editor)
    editor.show()
    text = editor.editor.toPlainText()
    assert "Et roligere hjem – [skriv, hvordan det går]" in text
    assert "første udkast" in editor.state.text()

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    previews = []

    def preview_exec(dialog):
        previews.append(dialog)
        qtbot.waitUntil(lambda: dialog.rendered is not None and dialog.print_button.isEnabled())
        monkeypatch.setattr(dialog, "choose_file", lambda _r: tmp_path / "brev.pdf")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.status.text() != "" or bool(told))
        return 0

    monkeypatch.setattr(PrintPreview, "exec", preview_exec)
    editor.preview()
    assert told and "kantede parenteser" in told[0]
    assert not (tmp_path / "brev.pdf").exists()

    editor.editor.setPlainText(text.replace("[skriv, hvordan det går]", "meget bedre"))
    editor.preview()
    assert (tmp_path / "brev.pdf").exists()
    assert "meget bedre" in all_text((tmp_path / "brev.pdf").read_bytes())
    saved = status_letter(ctx.acting, course.id)
    assert saved.printed_on == date.today() and "meget bedre" in saved.text
    assert "Udskrevet" in editor.state.text()
    assert editor.editor.isReadOnly()  # kept as the client received it
    assert "udskrevet" in editor.choice.currentText()


def test_typing_in_the_letter_is_kept_on_closing(qtbot, ctx, course):
    hold_four(ctx, course)
    editor = LetterEditor(ctx, status_letter(ctx.acting, course.id))
    qtbot.addWidget(editor)
    editor.show()
    editor.editor.setPlainText("Kort brev.")
    editor.accept()
    assert status_letter(ctx.acting, course.id).text == "Kort brev."



def test_a_letter_saved_by_someone_else_meanwhile_is_not_overwritten(qtbot, ctx, course):
    hold_four(ctx, course)
    letter = status_letter(ctx.acting, course.id)
    editor = LetterEditor(ctx, letter)
    qtbot.addWidget(editor)
    editor.show()
    theirs = "Kollegaens brev."  # saved from another computer while this one was open
    save_status_letter(ctx.acting, course.id, 4, theirs, version=letter.version)
    editor.editor.setPlainText("Mit brev.")
    assert not editor.save()
    assert editor.conflict.isVisible() and "Ændret af" in editor.conflict.text.text()
    assert editor.height() <= room(editor).height()  # the bar never pushes it off the screen
    assert status_letter(ctx.acting, course.id).text == theirs
    editor.editor.appendPlainText("Mere.")  # typing meanwhile tries nothing
    assert not editor.save_timer.isActive()

    editor.conflict.reload_button.click()
    assert editor.editor.toPlainText() == theirs and editor.conflict.isHidden()
    assert editor.kept.isVisible() and editor.kept.text.toPlainText() == "Mit brev.\nMere."
    assert QApplication.clipboard().text() == "Mit brev.\nMere."
    editor.editor.setPlainText(theirs + " Og mit.")  # now over their letter, seen
    assert editor.save()
    assert status_letter(ctx.acting, course.id).text == "Kollegaens brev. Og mit."


def test_text_kept_from_one_letter_goes_when_another_is_chosen(qtbot, ctx, course):
    for number in range(9):  # the assessment and eight sessions: two letters are due
        sign_note(ctx.acting, session_id(course, number), attendance="held", day=START)
    letter = status_letter(ctx.acting, course.id, 4)
    editor = LetterEditor(ctx, letter)
    qtbot.addWidget(editor)
    editor.show()
    editor.kept.keep("Mit første brev.")
    editor.choice.setCurrentIndex(editor.choice.findData(8))
    assert editor.letter.after_sessions == 8 and editor.kept.isHidden()

def test_a_supervisor_reads_the_letter_but_does_not_write_it(
    qtbot, workspace, admin, therapist, course
):
    supervisor = person(admin, "sup", "supervisor")
    ctx = make_context(workspace, "da", acting=supervisor)
    hold_four(make_context(workspace, "da", acting=therapist), course)
    editor = LetterEditor(ctx, status_letter(supervisor, course.id))
    qtbot.addWidget(editor)
    assert editor.editor.isReadOnly() and not editor.redraft_button.isEnabled()
    editor.accept()
    assert status_letter(supervisor, course.id).text is None


# --- where printing is offered ---------------------------------------------------------------
def test_the_course_page_offers_what_can_be_printed(qtbot, ctx, course):
    page = CoursePage(ctx)
    qtbot.addWidget(page)
    page.show_course(course.id)
    actions = page.print_actions
    assert actions[DocumentKind.PLAN].isEnabled()
    assert not actions[DocumentKind.NOTES].isEnabled()  # nothing recorded yet
    assert not actions[DocumentKind.LETTER].isEnabled()
    for number in (0, 1, 2, 3):  # the assessment and three weekly sessions: no letter yet
        sign_note(ctx.acting, session_id(course, number), attendance="held", day=START)
    page.show_course(course.id)
    assert not actions[DocumentKind.LETTER].isEnabled()
    assert "Statusbrev" not in page.summary.text()
    hold_four(ctx, course)
    page.show_course(course.id)
    assert actions[DocumentKind.NOTES].isEnabled() and actions[DocumentKind.LETTER].isEnabled()
    assert "Statusbrev efter 4: ikke udskrevet endnu" in page.summary.text()
    row = next(r for r in range(page.timeline.rowCount()) if page.timeline.item(r, 0).text() == "4")
    page.timeline.selectRow(row)
    assert actions[DocumentKind.HANDOUT].isEnabled() and actions[DocumentKind.NOTE].isEnabled()
    page.timeline.selectRow(
        next(r for r in range(page.timeline.rowCount()) if page.timeline.item(r, 0).text() == "1")
    )
    assert not actions[DocumentKind.HANDOUT].isEnabled()  # a MOVE session has no worksheets


@pytest.fixture
def saver(ctx):
    from traumefokus.ui.draft_saver import DraftSaver

    saver = DraftSaver(ctx)
    yield saver
    saver.stop()


def test_ctrl_p_in_a_session_previews_the_handout_with_what_was_typed(
    qtbot, ctx, course, saver, monkeypatch
):
    from traumefokus.ui.session_runner import SessionRunner

    runner = SessionRunner(ctx, saver)
    qtbot.addWidget(runner)
    runner.show()
    runner.open_session(session_id(course, 3))
    opened: list[tuple[PrintPreview, str]] = []

    def preview_exec(dialog):
        qtbot.waitUntil(lambda: dialog.rendered is not None)
        opened.append((dialog.request.kind, all_text(dialog.rendered.pdf)))
        return 0

    monkeypatch.setattr(PrintPreview, "exec", preview_exec)
    checkout = runner.pages[3]
    runner.go_to(3)
    checkout.commitment.setCurrentText("Ringe til Bent")
    runner.activateWindow()
    qtbot.waitExposed(runner)
    checkout.commitment.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    kind, text = opened[0]
    assert kind is DocumentKind.HANDOUT and "Ringe til Bent" in text


def test_the_preview_follows_the_english_ui(qtbot, workspace, db, therapist, course):
    ctx = make_context(workspace, "en", acting=therapist)
    request = DocumentRequest(DocumentKind.PLAN, course.id)
    dialog = PrintPreview(ctx, request, "Plan")
    shown(qtbot, dialog)
    assert "Your course" in all_text(dialog.rendered.pdf)
    assert dialog.print_button.text().startswith("&Print")
    make_context(workspace, "da")


def test_saving_where_it_cannot_be_written_says_so_and_records_nothing(
    qtbot, ctx, course, tmp_path, monkeypatch
):
    dialog = course_preview(ctx, DocumentKind.PLAN, course, None)
    shown(qtbot, dialog)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(dialog, "choose_file", lambda _rendered: blocker / "plan.pdf")
    delivered = []
    dialog.delivered.connect(lambda: delivered.append(True))
    dialog.save_button.click()
    assert dialog.problem.isVisible() and "plan.pdf" in dialog.problem.text()
    assert not delivered and "print.plan" not in audit_actions(ctx.db)
    assert dialog.save_button.isEnabled()  # try again somewhere else


# --- a document leaves only after its audit entry is committed ---------------------------------
def _audit_fails(monkeypatch):
    from traumefokus.errors import DataProblem
    from traumefokus.services import audit

    def failing(_entry):
        raise DataProblem("disk.full", path="traumefokus.db")

    monkeypatch.setattr(audit, "entry_hash", failing)


def test_a_pdf_whose_audit_entry_fails_is_not_saved(ctx, course, tmp_path, monkeypatch):
    from traumefokus.documents.render import save_pdf
    from traumefokus.errors import DataProblem

    folder = tmp_path / "out"
    folder.mkdir()
    _audit_fails(monkeypatch)
    with pytest.raises(DataProblem):
        save_pdf(ctx.acting, DocumentRequest(DocumentKind.PLAN, course.id), folder / "plan.pdf",
                 today=START)  # fmt: skip
    assert list(folder.iterdir()) == []  # neither the PDF nor its temporary file
    assert "print.plan" not in audit_actions(ctx.db)


def test_nothing_is_printed_when_the_audit_entry_fails(qtbot, ctx, course, monkeypatch):
    from traumefokus.ui import print_preview

    dialog = course_preview(ctx, DocumentKind.PLAN, course, None)
    shown(qtbot, dialog)
    sent = []
    monkeypatch.setattr(print_preview, "print_document", lambda *args: sent.append(args))
    monkeypatch.setattr(dialog, "choose_printer", lambda _rendered: QPrinter())
    _audit_fails(monkeypatch)
    dialog.print_button.click()
    assert dialog.problem.isVisible() and "ikke plads på disken" in dialog.problem.text()
    qtbot.wait(50)
    assert sent == [] and "print.plan" not in audit_actions(ctx.db)
    assert dialog.print_button.isEnabled()  # try again when there is room


def test_the_printer_gets_the_pages_after_the_entry_is_committed(qtbot, ctx, course, monkeypatch):
    from traumefokus.ui import print_preview

    dialog = course_preview(ctx, DocumentKind.PLAN, course, None)
    shown(qtbot, dialog)
    recorded_when_sent = []

    def printer_gets(_pdf, _printer, _progress):
        recorded_when_sent.append("print.plan" in audit_actions(ctx.db))

    monkeypatch.setattr(print_preview, "print_document", printer_gets)
    monkeypatch.setattr(dialog, "choose_printer", lambda _rendered: QPrinter())
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Sendt til printeren.")
    assert recorded_when_sent == [True]
