"""The treatment plan's goals and the ITQ screenings of a course."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy.orm import Session

from traumefokus.domain import itq
from traumefokus.domain.access import Action
from traumefokus.domain.course_plan import check_date_in_course
from traumefokus.domain.vocabulary import ItqOccasion
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_for
from traumefokus.services.editing import check_seen, check_version, load
from traumefokus.storage.models import ItqRecord, TreatmentGoal

MAX_GOAL = 2000


def _clean_goal(text: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidInput("goal.empty")
    if len(text) > MAX_GOAL:
        raise InvalidInput("goal.too_long", max=MAX_GOAL)
    return text


def add_goal(acting: Acting, course_id: str, text: str, set_on: date) -> str:
    """A goal in the client's own words, dated."""
    text = _clean_goal(text)
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.PLAN)
        goal = TreatmentGoal(course_id=course.id, text=text, set_on=set_on)
        tx.add(goal)
        tx.flush()
        audit.record(tx, acting.actor, "goal.add", object_type="course", object_id=course.id)
        return goal.id


def _goal(tx: Session, acting: Acting, goal_id: str) -> TreatmentGoal:
    goal = load(tx, TreatmentGoal, goal_id, "goal")
    course_for(tx, acting, goal.course_id, Action.PLAN)
    return goal


def update_goal(acting: Acting, goal_id: str, text: str, set_on: date, version: int) -> None:
    text = _clean_goal(text)
    with acting.transaction() as tx:
        goal = _goal(tx, acting, goal_id)
        check_version(goal, version, "goal")
        goal.text, goal.set_on = text, set_on
        audit.record(
            tx, acting.actor, "goal.update", object_type="course", object_id=goal.course_id
        )


def remove_goal(acting: Acting, goal_id: str) -> None:
    with acting.transaction() as tx:
        goal = _goal(tx, acting, goal_id)
        tx.delete(goal)
        audit.record(
            tx, acting.actor, "goal.remove", object_type="course", object_id=goal.course_id
        )


def record_itq(
    acting: Acting,
    course_id: str,
    *,
    occasion: str,
    day: date,
    items: Mapping[str, object],
    itq_id: str | None = None,
    version: int | None = None,
) -> str:
    """Save an ITQ (new, or `itq_id` corrected, from its `version` as the user saw it when
    given: a correction by someone else since is refused, with who and when); missing items
    make it incomplete, a value outside 0-4 is refused and nothing is saved."""
    if occasion not in {o.value for o in ItqOccasion}:
        raise InvalidInput("itq.occasion_invalid", occasion=occasion)
    answers = itq.validate_items(items)
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.PLAN)
        check_date_in_course(course.start_date, day)
        if itq_id is None:
            record = ItqRecord(occasion=occasion, date=day, items=answers)
            course.itq.append(record)  # seen at once by a view in the same batch (the demo)
            tx.flush()
        else:
            found = next((r for r in course.itq if r.id == itq_id), None)
            if found is None:
                raise InvalidInput("itq.unknown_id")
            record = found
            check_seen(record, version, "itq")
            record.occasion, record.date, record.items = occasion, day, answers
        audit.record(
            tx,
            acting.actor,
            "itq.save",
            object_type="course",
            object_id=course.id,
            result=itq.score(answers).result.value,
        )
        return record.id
