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


def attendance_label(attendance: str | None) -> str:
    return {
        "held": QCoreApplication.translate("Labels", "Held"),
        "no_show": QCoreApplication.translate("Labels", "No-show"),
        "cancelled_client": QCoreApplication.translate("Labels", "Cancelled by client"),
        "cancelled_centre": QCoreApplication.translate("Labels", "Cancelled by centre"),
    }.get(attendance or "", "")


def note_status_label(status: str) -> str:
    return {
        "none": "",
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "signed": QCoreApplication.translate("Labels", "Signed"),
    }[status]


def itq_result_label(result: str) -> str:
    return {
        "ptsd": QCoreApplication.translate("Labels", "PTSD"),
        "cptsd": QCoreApplication.translate("Labels", "Complex PTSD"),
        "subclinical": QCoreApplication.translate("Labels", "Subclinical PTSD"),
        "none": QCoreApplication.translate("Labels", "Below the threshold"),
        "incomplete": QCoreApplication.translate("Labels", "Incomplete (items missing)"),
    }[result]


def itq_cluster_label(cluster: str) -> str:
    return {
        "re_experiencing": QCoreApplication.translate("Labels", "re-experiencing"),
        "avoidance": QCoreApplication.translate("Labels", "avoidance"),
        "threat": QCoreApplication.translate("Labels", "sense of threat"),
        "ptsd_impairment": QCoreApplication.translate("Labels", "PTSD impairment"),
        "affective_dysregulation": QCoreApplication.translate("Labels", "affective dysregulation"),
        "negative_self_concept": QCoreApplication.translate("Labels", "negative self-concept"),
        "disturbed_relationships": QCoreApplication.translate("Labels", "disturbed relationships"),
        "dso_impairment": QCoreApplication.translate("Labels", "DSO impairment"),
    }[cluster]


def weekday_names() -> list[str]:
    """Monday first, in the UI language."""
    from PySide6.QtCore import QLocale

    return [QLocale().dayName(day) for day in range(1, 8)]


def session_number_label(number: int) -> str:
    return QCoreApplication.translate("Labels", "Session %1").replace("%1", str(number))
