"""A small centre for the logbook's tests (services and screens): three courses at two sites,
two therapists, both methods, three course statuses and entries of every kind."""

from __future__ import annotations

from datetime import date

from factories import add_client, add_course, person
from traumefokus.storage.models import CourseSession, User


def _user(db, acting) -> User:
    with db.reading() as tx:
        user = tx.get(User, acting.actor.id)
        assert user is not None
        return user


def _change(db, course_id: str, number: int, **values) -> str:
    with db.transaction() as tx:
        session = tx.query(CourseSession).filter_by(course_id=course_id, number=number).one()
        for name, value in values.items():
            setattr(session, name, value)
        return session.id


def logbook_centre(db, admin, therapist) -> dict:
    """Three courses of four signed, held sessions each (factories.add_course), changed so:
    Mette's K_01 (Nord, SS, active) has a no-show and a draft with no attendance yet (five
    entries); Sara's KX01 (Syd, CC, completed) has a session held seven weeks after its
    planned day and one planned in April but held in May; Sara's K%02 (Nord, SS, ended early)."""
    sara = person(admin, "sara.l", "therapist", full_name="Sara Larsen")
    mette_user, sara_user = _user(db, therapist), _user(db, sara)
    mine = add_course(db, add_client(db, "K_01", site="Nord"), mette_user).id
    completed = add_course(
        db,
        add_client(db, "KX01", site="Syd"),
        sara_user,
        method="CC",
        status="completed",
        start=date(2025, 3, 3),
    ).id
    ended = add_course(
        db,
        add_client(db, "K%02", site="Nord"),
        sara_user,
        status="ended_early",
        start=date(2025, 9, 1),
    ).id
    ids = {
        "no_show": _change(db, mine, 2, attendance="no_show", note_status="none", signed_at=None),
        "draft": _change(db, mine, 4, note_status="draft"),  # planned 2026-02-02, no date
        "late": _change(db, completed, 1, date=date(2025, 4, 30)),  # planned 2025-03-10
        "april": _change(db, completed, 3, planned_date=date(2025, 4, 15), date=date(2025, 5, 20)),
    }
    return {"sara": sara, "mine": mine, "completed": completed, "ended": ended, **ids}
