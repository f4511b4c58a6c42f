"""The records vocabulary on screen: the labels of labels.py (the one catalogue the paper and
the command line read too) in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from traumefokus.domain.vocabulary import NoteStatus
from traumefokus.labels import label_of
from traumefokus.ui.i18n import ui_language


def method_label(method: str | None) -> str:
    """The methods keep their English names in Danish too, as in the pilot."""
    return label_of("method", method, ui_language(), default="")


def course_status_label(status: str | None) -> str:
    return label_of("status", status, ui_language(), default="")


def role_label(role: str) -> str:
    return label_of("role", role, ui_language())


def session_kind_label(kind: str) -> str:
    return label_of("session_kind", kind, ui_language())


def attendance_label(attendance: str | None) -> str:
    """Empty for a session not recorded yet (the paper says "Not recorded")."""
    if attendance in (None, "none"):
        return ""
    return label_of("attendance", attendance, ui_language(), default="")


def note_status_label(status: str) -> str:
    """Empty for a session without a note."""
    return "" if status == NoteStatus.NONE else label_of("note_status", status, ui_language())


def itq_occasion_label(occasion: str) -> str:
    return label_of("itq_occasion", occasion, ui_language())


def itq_result_label(result: str) -> str:
    return label_of("itq_result", result, ui_language())


def itq_cluster_label(cluster: str) -> str:
    return label_of("itq_cluster", cluster, ui_language())


def weekday_names() -> list[str]:
    """Monday first, in the UI language."""
    from PySide6.QtCore import QLocale

    return [QLocale().dayName(day) for day in range(1, 8)]


def session_number_label(number: int) -> str:
    return QCoreApplication.translate("Labels", "Session %1").replace("%1", str(number))
