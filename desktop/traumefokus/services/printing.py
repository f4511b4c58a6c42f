"""Paper with client data leaving the program: the audit trail says who printed (or saved
as PDF) which document, and when."""

from __future__ import annotations

from traumefokus.domain.access import Action
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_for
from traumefokus.services.editing import load
from traumefokus.storage.models import CourseSession


def record_printed(acting: Acting, document: str, *, object_type: str, object_id: str) -> None:
    """Record that `document` about a session or a course was printed, if `acting` may print
    it."""
    with acting.transaction() as tx:
        course_id = (
            load(tx, CourseSession, object_id, "session").course_id
            if object_type == "session"
            else object_id
        )
        course_for(tx, acting, course_id, Action.PRINT)
        audit.record(
            tx,
            acting.actor,
            f"print.{document}",
            object_type=object_type,
            object_id=object_id,
        )
