"""Opening a client's record is itself recorded: who looked at which client, course or
session, and when (`record.open`), named by id only. The screens call this when a user opens
one, not when an open screen is refreshed."""

from __future__ import annotations

from enum import StrEnum

from traumefokus.domain.access import Action
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_for, load_course
from traumefokus.services.editing import load
from traumefokus.storage.models import Client, CourseSession


class Opened(StrEnum):
    CLIENT = "client"  # the client's courses and consents, in the client list
    COURSE = "course"  # the course page
    SESSION = "session"  # the session screen (its note)


def record_opened(acting: Acting, kind: Opened, object_id: str) -> None:
    """Write `record.open` for `object_id`, if this user may see it (else Refused and
    nothing is written)."""
    with acting.transaction() as tx:
        if kind is Opened.CLIENT:
            acting.require_client(tx, load(tx, Client, object_id, "client").id, Action.SEE_CLIENT)
        elif kind is Opened.COURSE:
            course_for(tx, acting, object_id, Action.READ)
        else:
            session = load(tx, CourseSession, object_id, "session")
            acting.require_course(load_course(tx, session.course_id), Action.READ)
        audit.record(tx, acting.actor, "record.open", object_type=kind.value, object_id=object_id)
