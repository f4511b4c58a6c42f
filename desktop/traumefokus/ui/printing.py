"""Opening the printed documents from the course page and the session screen: the preview
with the right choices, and the status letter's editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from traumefokus.documents.handout import handout_worksheets
from traumefokus.documents.kinds import DocumentKind
from traumefokus.documents.render import DocumentRequest
from traumefokus.services.clients import get_client
from traumefokus.services.courses import CourseView
from traumefokus.services.session_notes import NoteView
from traumefokus.services.status_letters import status_letter
from traumefokus.ui.context import UiContext
from traumefokus.ui.operations import Icon, fetch
from traumefokus.ui.print_preview import PrintPreview


def _title(kind: DocumentKind) -> str:
    return {
        DocumentKind.NOTE: QCoreApplication.translate("Printing", "Session note"),
        DocumentKind.NOTES: QCoreApplication.translate("Printing", "All session notes"),
        DocumentKind.HANDOUT: QCoreApplication.translate("Printing", "Handout for the client"),
        DocumentKind.PLAN: QCoreApplication.translate("Printing", "Course plan for the client"),
        DocumentKind.LETTER: QCoreApplication.translate("Printing", "Status letter"),
    }[kind]


def session_preview(
    ctx: UiContext, kind: DocumentKind, note: NoteView, parent: QWidget
) -> PrintPreview:
    """The preview of a session's note or handout (the note as last saved)."""
    sheets: tuple[tuple[str, str], ...] = ()
    chosen = None
    if kind is DocumentKind.HANDOUT and note.theme is not None:
        sheets = tuple((w.id, w.title) for w in note.theme.worksheets)
        chosen = tuple(w.id for w in handout_worksheets(note))
    request = DocumentRequest(kind, note.session.id, worksheets=chosen)
    title = f"{_title(kind)} · {note.client_code}"
    return PrintPreview(
        ctx, request, title, parent, has_name=bool(note.display_name), worksheets=sheets
    )


def course_preview(
    ctx: UiContext, kind: DocumentKind, course: CourseView, parent: QWidget
) -> PrintPreview:
    client = get_client(ctx.acting, course.client_id)
    title = f"{_title(kind)} · {course.client_code}"
    return PrintPreview(
        ctx, DocumentRequest(kind, course.id), title, parent, has_name=bool(client.display_name)
    )


def open_status_letter(ctx: UiContext, course_id: str, parent: QWidget) -> bool:
    """The letter due now in its editor; a word on why when none is due. Whether anything
    changed (saved or printed)."""
    from traumefokus.ui.letter_editor import LetterEditor

    title = _title(DocumentKind.LETTER)
    letter = fetch(
        parent,
        ctx,
        lambda: status_letter(ctx.acting, course_id),
        title=title,
        icon=Icon.Information,
    )
    if letter is None:
        return False
    editor = LetterEditor(ctx, letter, parent)
    changes: list[bool] = []
    editor.changed.connect(lambda: changes.append(True))
    editor.exec()
    editor.deleteLater()
    return bool(changes)
