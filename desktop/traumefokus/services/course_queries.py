"""Reading a course the way every use case does: by id and only if the acting user may do
what they ask with it, with the programme and pack versions it started with; and the few
small rules the services share about a course and its people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from traumefokus.content.library import ContentLibrary
from traumefokus.domain.access import Action
from traumefokus.domain.content import Pack, Programme, Version
from traumefokus.domain.users import person_label
from traumefokus.domain.vocabulary import Attendance, CourseStatus, Role
from traumefokus.errors import InvalidInput
from traumefokus.services.acting import Acting
from traumefokus.services.editing import load
from traumefokus.storage.models import Course, User

if TYPE_CHECKING:
    from traumefokus.services.courses import CourseView


def programme_and_pack(library: ContentLibrary, programme_id: str) -> tuple[Programme, Pack]:
    programme = library.programme(programme_id)
    if programme is None:
        raise InvalidInput("course.programme_unknown", programme=programme_id)
    pack = library.pack(programme.pack_id)
    if pack is None:
        raise InvalidInput("content.unknown_pack", pack=programme.pack_id)
    return programme, pack


def course_content(library: ContentLibrary, course: Course | CourseView) -> tuple[Programme, Pack]:
    """The programme and pack versions the course started with (kept in the data directory
    for it): installing newer versions never changes a course under way."""
    programme_id = course.programme if isinstance(course, Course) else course.programme_id
    pack_version = Version.parse(course.pack_version)
    programme = library.programme(
        programme_id, Version.parse(course.programme_version), pack_version=pack_version
    )
    pack = library.pack(course.pack_id, pack_version)
    if programme is None or pack is None:
        raise InvalidInput(
            "course.content_missing",
            programme=programme_id,
            version=course.programme_version,
            pack=course.pack_id,
            pack_version=course.pack_version,
        )
    return programme, pack


def active_therapist(tx: Session, user_id: str) -> User:
    therapist = tx.get(User, user_id)
    if therapist is None or therapist.role != Role.THERAPIST.value or not therapist.active:
        raise InvalidInput("course.therapist_invalid")
    return therapist


def load_course(tx: Session, course_id: str) -> Course:
    """The course; its sessions, history and the rest load when first touched (one query
    each), and inside a batch they come from the session's identity map at no cost."""
    return load(tx, Course, course_id, "course")


def course_for(tx: Session, acting: Acting, course_id: str, action: Action) -> Course:
    """The course, if `acting` may do `action` with it."""
    course = load_course(tx, course_id)
    acting.require_course(course, action)
    return course


def user_label(user: User) -> str:
    return person_label(user.name, user.full_name, user.title)


def mark_active_if_held(course: Course, attendance: str | None) -> None:
    if course.status == CourseStatus.PLANNED.value and attendance == Attendance.HELD.value:
        course.status = CourseStatus.ACTIVE.value
