"""The treatment plan's goals and the ITQ screenings of a course."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from traumefokus.domain import itq
from traumefokus.domain.actor import Actor
from traumefokus.domain.course_plan import check_date_in_course
from traumefokus.domain.permissions import Permission
from traumefokus.domain.vocabulary import ItqOccasion
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.auth import require
from traumefokus.services.courses import load_course
from traumefokus.services.editing import for_edit
from traumefokus.storage.database import Database
from traumefokus.storage.models import ItqRecord, TreatmentGoal

MAX_GOAL = 2000


def _clean_goal(text: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidInput("goal.empty")
    if len(text) > MAX_GOAL:
        raise InvalidInput("goal.too_long", max=MAX_GOAL)
    return text


def add_goal(db: Database, actor: Actor, course_id: str, text: str, set_on: date) -> str:
    """A goal in the client's own words, dated."""
    require(actor, Permission.PLAN_COURSES)
    text = _clean_goal(text)
    with db.transaction() as session:
        course = load_course(session, course_id)
        goal = TreatmentGoal(course_id=course.id, text=text, set_on=set_on)
        session.add(goal)
        session.flush()
        audit.record(session, actor, "goal.add", object_type="course", object_id=course.id)
        return goal.id


def update_goal(
    db: Database, actor: Actor, goal_id: str, text: str, set_on: date, version: int
) -> None:
    require(actor, Permission.PLAN_COURSES)
    text = _clean_goal(text)
    with db.transaction() as session:
        goal = for_edit(session, TreatmentGoal, goal_id, version, "goal")
        goal.text, goal.set_on = text, set_on
        audit.record(session, actor, "goal.update", object_type="course", object_id=goal.course_id)


def remove_goal(db: Database, actor: Actor, goal_id: str) -> None:
    require(actor, Permission.PLAN_COURSES)
    with db.transaction() as session:
        goal = session.get(TreatmentGoal, goal_id)
        if goal is None:
            raise InvalidInput("goal.unknown_id")
        session.delete(goal)
        audit.record(session, actor, "goal.remove", object_type="course", object_id=goal.course_id)


def record_itq(
    db: Database,
    actor: Actor,
    course_id: str,
    *,
    occasion: str,
    day: date,
    items: Mapping[str, object],
    itq_id: str | None = None,
) -> str:
    """Save an ITQ (new, or `itq_id` corrected); missing items make it incomplete, a value
    outside 0-4 is refused and nothing is saved."""
    require(actor, Permission.PLAN_COURSES)
    if occasion not in {o.value for o in ItqOccasion}:
        raise InvalidInput("itq.occasion_invalid", occasion=occasion)
    answers = itq.validate_items(items)
    with db.transaction() as session:
        course = load_course(session, course_id)
        check_date_in_course(course.start_date, day)
        if itq_id is None:
            record = ItqRecord(course_id=course.id, occasion=occasion, date=day, items=answers)
            session.add(record)
            session.flush()
        else:
            record = next((r for r in course.itq if r.id == itq_id), None)
            if record is None:
                raise InvalidInput("itq.unknown_id")
            record.occasion, record.date, record.items = occasion, day, answers
        audit.record(
            session,
            actor,
            "itq.save",
            object_type="course",
            object_id=course.id,
            result=itq.score(answers).result.value,
        )
        return record.id
