"""Writing the plan history: who changed the plan, when, what and why.

Each entry keeps its kind and facts (so the UI can say it in the user's language) and the
change in English words (so exports read the same everywhere).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from traumefokus.domain.actor import Actor
from traumefokus.messages import Term, text
from traumefokus.storage.models import Course, CourseSession, PlanChange
from traumefokus.storage.types import utc_now


def session_label(session: CourseSession) -> str:
    """How a plan change names a session: its number, or for an extra session or a follow-up
    (which have none) its planned date."""
    if session.number is not None:
        return str(session.number)
    return session.planned_date.isoformat() if session.planned_date else "-"


def log_change(
    db_session: Session,
    course: Course,
    actor: Actor,
    kind: str,
    reason: str | None = None,
    /,
    **details: Any,
) -> PlanChange:
    facts = {k: v.isoformat() if isinstance(v, date) else v for k, v in details.items()}
    entry = PlanChange(
        course_id=course.id,
        at=utc_now(),
        by_id=actor.id,
        kind=kind,
        details=facts,
        change=describe_change(kind, facts, "en"),
        reason=(reason or "").strip() or None,
    )
    db_session.add(entry)
    return entry


# Facts kept as codes in the history, said in words when shown: fact name -> catalogue prefix.
_WORDED = {"status": "status", "kind": "kind"}


def describe_change(kind: str, details: dict[str, Any], lang: str) -> str:
    facts = {
        key: Term(f"{_WORDED[key]}.{value}") if key in _WORDED else value
        for key, value in details.items()
    }
    return text(f"plan.{kind}", lang, **facts)
