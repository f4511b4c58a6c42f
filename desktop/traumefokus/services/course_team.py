"""Who works with a course: a colleague named co-therapist to cover (by the course's therapist
or an administrator), and an administrator giving the course to another therapist. Each change
is in the plan history, with its reason."""

from __future__ import annotations

from sqlalchemy import select

from traumefokus.domain.access import Action
from traumefokus.domain.vocabulary import OPEN_STATUSES
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import active_therapist, course_for
from traumefokus.services.editing import check_seen
from traumefokus.services.plan_history import log_change
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import CourseCover


def grant_cover(
    acting: Acting,
    course_id: str,
    user_id: str,
    reason: str | None = None,
    *,
    version: int | None = None,
) -> None:
    """Name an active therapist co-therapist on the course: they may plan and run it, and
    see its client, until the grant is withdrawn. With `version` (the course's as the user
    saw it), a change of the course by someone else since is refused, with who and when; so
    in withdraw_cover and reassign_course."""
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.GRANT_COVER)
        check_seen(course, version, "course")
        colleague = active_therapist(tx, user_id)
        if colleague.id == course.therapist_id:
            raise InvalidInput("cover.own_therapist", name=colleague.name)
        if any(c.user_id == colleague.id for c in course.covers):
            raise InvalidInput("cover.already", name=colleague.name)
        course.covers.append(
            CourseCover(user_id=colleague.id, granted_at=utc_now(), granted_by_id=acting.actor.id)
        )
        log_change(tx, course, acting.actor, "cover_granted", reason, user=colleague.name)
        audit.record(
            tx, acting.actor, "course.cover_grant", object_type="course", object_id=course.id
        )


def withdraw_cover(
    acting: Acting,
    course_id: str,
    user_id: str,
    reason: str | None = None,
    *,
    version: int | None = None,
) -> None:
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.GRANT_COVER)
        check_seen(course, version, "course")
        cover = tx.scalar(
            select(CourseCover).where(
                CourseCover.course_id == course.id, CourseCover.user_id == user_id
            )
        )
        if cover is None:
            raise InvalidInput("cover.unknown")
        name = cover.user.name
        course.covers.remove(cover)
        log_change(tx, course, acting.actor, "cover_withdrawn", reason, user=name)
        audit.record(
            tx,
            acting.actor,
            "course.cover_withdraw",
            object_type="course",
            object_id=course.id,
        )


def reassign_course(
    acting: Acting,
    course_id: str,
    therapist_id: str,
    reason: str | None = None,
    *,
    version: int | None = None,
) -> None:
    """Give an open course to another active therapist (a colleague leaves, say). The former
    therapist no longer sees it, unless they are named co-therapist."""
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.REASSIGN)
        check_seen(course, version, "course")
        therapist = active_therapist(tx, therapist_id)
        if course.status not in OPEN_STATUSES:
            raise InvalidInput("course.reassign_closed")
        if therapist.id == course.therapist_id:
            raise InvalidInput("course.reassign_same", name=therapist.name)
        before = course.therapist.name
        for cover in [c for c in course.covers if c.user_id == therapist.id]:
            course.covers.remove(cover)  # the new therapist covers no longer: it is theirs
        course.therapist_id = therapist.id
        tx.flush()
        tx.expire(course, ["therapist"])
        log_change(tx, course, acting.actor, "reassigned", reason, old=before, new=therapist.name)
        audit.record(tx, acting.actor, "course.reassign", object_type="course", object_id=course.id)
