"""Confirming inclusion: the therapist goes on with a course whose assessment ITQ shows no
PTSD symptoms (domain/inclusion.py), and the plan history keeps who did, when and why."""

from __future__ import annotations

from traumefokus.domain.access import Action
from traumefokus.domain.inclusion import CONFIRMED, inclusion_question
from traumefokus.domain.vocabulary import OPEN_STATUSES
from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_for
from traumefokus.services.plan_history import log_change


def confirm_inclusion(acting: Acting, course_id: str, reason: str | None = None) -> None:
    """Go on with the course although its assessment ITQ shows no PTSD symptoms. Who may
    plan the course may confirm (its therapist and co-therapists), while it is open; there
    must be something to confirm, and it is confirmed once."""
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.PLAN)
        if course.status not in OPEN_STATUSES:
            raise Refused("course.not_open", status=Term(f"status.{course.status}"))
        question = inclusion_question(course.itq, course.plan_history, lambda user: user.name)
        if question is None:
            raise InvalidInput("inclusion.nothing_to_confirm")
        if question.confirmed:
            raise InvalidInput("inclusion.already_confirmed")
        log_change(
            tx,
            course,
            acting.actor,
            CONFIRMED,
            reason,
            itq=question.itq_id,
            date=question.itq_date,
        )
        audit.record(
            tx,
            acting.actor,
            "course.inclusion_confirm",
            object_type="course",
            object_id=course.id,
        )
