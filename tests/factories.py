"""Rows for tests, written straight through the ORM (for data no service creates yet), and
people and courses made through the services as a user would."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from traumefokus.services.acting import Acting
from traumefokus.storage.database import Database
from traumefokus.storage.models import (
    Addendum,
    Client,
    Course,
    CourseSession,
    ItqRecord,
    PlanChange,
    User,
)

ITQ_CPTSD = {**{f"P{n}": 3 for n in range(1, 10)}, **{f"C{n}": 3 for n in range(1, 10)}}


def add_user(db: Database, name: str, role: str, *, active: bool = True) -> User:
    with db.transaction() as tx:
        user = User(name=name, role=role, active=active)
        tx.add(user)
    return user


def add_client(
    db: Database, code: str, *, site: str = "Nord", display_name: str | None = None
) -> Client:
    with db.transaction() as tx:
        client = Client(code=code, site=site, display_name=display_name)
        tx.add(client)
    return client


def add_course(
    db: Database,
    client: Client,
    therapist: User,
    *,
    method: str = "SS",
    status: str = "active",
    start: date = date(2026, 1, 5),
) -> Course:
    """A course with an assessment, two held MOVE sessions, one signed trauma session with
    an addendum, one planned trauma session, a plan change and an ITQ."""
    with db.transaction() as tx:
        course = Course(
            client_id=client.id,
            therapist_id=therapist.id,
            method=method,
            programme="move-ss" if method == "SS" else "move-cc",
            pack_id="seeking-safety" if method == "SS" else "creating-change",
            pack_version="1.0.0",
            status=status,
            start_date=start,
            chosen_themes=[
                "safety",
                "grounding",
                "asking-for-help",
                "honesty",
                "boundaries",
                "red-green-flags",
            ],
        )
        tx.add(course)
        tx.flush()
        signed_at = datetime(2026, 1, 26, 11, 0, tzinfo=UTC)
        for number, kind in enumerate(["assessment", "move", "move", "trauma", "trauma"]):
            day = start + timedelta(weeks=number)
            held = number < 4
            s = CourseSession(
                course_id=course.id,
                number=number,
                kind=kind,
                planned_date=day,
                planned_time=time(10, 0),
                date=day if held else None,
                attendance="held" if held else None,
                note_status="signed" if held else "none",
                signed_at=signed_at if held else None,
                signed_by_id=therapist.id if held else None,
                theme_id="safety" if number == 3 else ("grounding" if number == 4 else None),
                agenda_seconds={"check_in": 290, "quote": 420, "theme": 2100, "check_out": 400}
                if number == 3
                else {},
                check_in={"feeling": "Træt, men rolig"} if number == 3 else {},
                worksheets_used=[{"id": "safety-1", "note": "Øvede", "handed_out": True}]
                if number == 3
                else [],
                commitment="Ringe til søsteren" if number == 3 else None,
            )
            tx.add(s)
            if number == 3:
                tx.flush()
                tx.add(
                    Addendum(
                        session_id=s.id,
                        at=signed_at + timedelta(days=1),
                        by_id=therapist.id,
                        text="Tilføjelse: aftalen er ændret.",
                    )
                )
        tx.add(
            PlanChange(
                course_id=course.id,
                at=signed_at,
                by_id=therapist.id,
                kind="swap",
                details={"first": 4, "second": 5},
                change="swap themes 4 and 5",
                reason="Klienten var ikke klar",
            )
        )
        tx.add(ItqRecord(course_id=course.id, occasion="assessment", date=start, items=ITQ_CPTSD))
    return course


SS_THEMES = ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"]


def person(admin: Acting, name: str, role: str, **details: str) -> Acting:
    """A new user, added by `admin`, signed in (with the tests' password)."""
    from conftest import PASSWORD
    from traumefokus.services.users import add_user

    actor = add_user(admin, name, role, PASSWORD, **details)
    return Acting(admin.db, admin.library, actor, admin.data_dir)


def signed_in(db: Database, data_dir, name: str) -> Acting:
    """`name` signed in with the tests' password, as the command line does."""
    from conftest import PASSWORD
    from traumefokus.content.library import ContentLibrary
    from traumefokus.paths import DataDir
    from traumefokus.services.auth import sign_in

    folder = DataDir(data_dir) if not isinstance(data_dir, DataDir) else data_dir
    actor = sign_in(db, name, PASSWORD)
    return Acting(db, ContentLibrary.for_data_dir(folder), actor, folder)


def planned_course(
    therapist: Acting,
    client_id: str,
    *,
    programme: str = "move-ss",
    start: date = date(2026, 1, 5),
    weekday: int = 0,
    at: time | None = time(10, 0),
    themes: list[str] | None = SS_THEMES,
) -> str:
    """A course planned through the services as a therapist would, its themes chosen
    (unless `themes` is None): the course id."""
    from traumefokus.services import planning
    from traumefokus.services.courses import create_course

    course_id = create_course(
        therapist,
        client_id=client_id,
        therapist_id=therapist.actor.id,
        programme_id=programme,
        start=start,
        weekday=weekday,
        at=at,
    )
    if themes is not None:
        planning.choose_themes(therapist, course_id, themes)
    return course_id
