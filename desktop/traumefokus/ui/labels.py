"""User-facing names for the records vocabulary, translated through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

METHOD_NAMES = {"SS": "Seeking Safety", "CC": "Creating Change"}


def method_label(method: str | None) -> str:
    """The methods keep their English names in Danish too, as in the pilot."""
    return METHOD_NAMES.get(method or "", "")


def course_status_label(status: str | None) -> str:
    return {
        "planned": QCoreApplication.translate("Labels", "Planned"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "ended_early": QCoreApplication.translate("Labels", "Ended early"),
    }.get(status or "", "")


def role_label(role: str) -> str:
    return {
        "admin": QCoreApplication.translate("Labels", "administrator"),
        "supervisor": QCoreApplication.translate("Labels", "supervisor"),
        "therapist": QCoreApplication.translate("Labels", "therapist"),
        "coder": QCoreApplication.translate("Labels", "coder"),
    }[role]


def session_kind_label(kind: str) -> str:
    return {
        "assessment": QCoreApplication.translate("Labels", "Assessment"),
        "move": QCoreApplication.translate("Labels", "MOVE"),
        "trauma": QCoreApplication.translate("Labels", "Trauma-focused"),
        "follow_up": QCoreApplication.translate("Labels", "Follow-up"),
    }[kind]
