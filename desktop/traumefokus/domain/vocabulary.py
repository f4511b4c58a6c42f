"""The closed word lists of the records vocabulary (DESIGN.md), shared by every layer."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    THERAPIST = "therapist"
    CODER = "coder"


class Method(StrEnum):
    SEEKING_SAFETY = "SS"
    CREATING_CHANGE = "CC"


class CourseStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"


# A course that is still under way: its plan may change
OPEN_STATUSES = (CourseStatus.PLANNED.value, CourseStatus.ACTIVE.value)


class SessionKind(StrEnum):
    ASSESSMENT = "assessment"
    MOVE = "move"
    TRAUMA = "trauma"
    FOLLOW_UP = "follow_up"


class Attendance(StrEnum):
    HELD = "held"
    NO_SHOW = "no_show"
    CANCELLED_CLIENT = "cancelled_client"
    CANCELLED_CENTRE = "cancelled_centre"


class NoteStatus(StrEnum):
    NONE = "none"
    DRAFT = "draft"
    SIGNED = "signed"


class ItqOccasion(StrEnum):
    ASSESSMENT = "assessment"
    FOLLOW_UP = "follow_up"


class ItqResult(StrEnum):
    PTSD = "ptsd"
    CPTSD = "cptsd"
    SUBCLINICAL = "subclinical"
    NONE = "none"
    INCOMPLETE = "incomplete"


class RoundStatus(StrEnum):
    """A coding round: open while its coders rate, closed when its results stand."""

    OPEN = "open"
    CLOSED = "closed"


class RatingStatus(StrEnum):
    """A coder's rating of one session: a draft saved as typed, or submitted when complete."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
