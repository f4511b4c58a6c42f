"""A centre for coding rounds (services/coding_rounds.py, exports/coding.py), written
straight through the ORM with fixed ids (so that two databases built in different orders hold
the same data): 48 eligible Seeking Safety trauma sessions (April-June 2023) held by three
therapists in the proportion 2:1:1, and beside them one session for each reason a session is
not eligible.

The pseudonyms' key is fixed too, so that the export's pseudonyms are the same in both."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from traumefokus.domain.actor import Actor
from traumefokus.domain.vocabulary import Role
from traumefokus.services.acting import Acting
from traumefokus.services.pseudonyms import KEY_NAME
from traumefokus.storage.database import Database
from traumefokus.storage.models import (
    Client,
    Course,
    CourseSession,
    InstallationSecret,
    RecordingConsent,
    User,
)

KEY = "5e" * 32
START, END = date(2023, 4, 1), date(2023, 6, 30)
ROUND_DAY = date(2023, 7, 1)
THEMES = ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"]
AGENDA = {"check_in": 290, "quote": 420, "theme": 2100, "check_out": 400}
THERAPISTS = ("t1", "t2", "t3")
# Each eligible client's therapist: t1 has four, t2 and t3 two each.
ELIGIBLE_CLIENTS = ("t1", "t1", "t1", "t1", "t2", "t2", "t3", "t3")
# Reasons a session is not eligible: (what, method, kind, signed, recorded, day,
#                                     consent given, consent withdrawn)
D = date
EXCLUDED = {
    "unsigned": ("SS", "trauma", False, True, D(2023, 5, 1), D(2023, 3, 1), None),
    "not_recorded": ("SS", "trauma", True, False, D(2023, 5, 1), D(2023, 3, 1), None),
    "no_consent_that_day": ("SS", "trauma", True, True, D(2023, 5, 1), D(2023, 6, 20), None),
    "withdrawn_before_round": (
        "SS", "trauma", True, True, D(2023, 5, 1), D(2023, 3, 1), D(2023, 6, 15),
    ),
    "other_method": ("CC", "trauma", True, True, D(2023, 5, 1), D(2023, 3, 1), None),
    "outside_period": ("SS", "trauma", True, True, D(2023, 8, 7), D(2023, 3, 1), None),
    "not_trauma": ("SS", "move", True, True, D(2023, 5, 1), D(2023, 3, 1), None),
}  # fmt: skip


def _id(kind: str, n: object) -> str:
    return f"00000000-0000-4000-8000-{(kind + str(n)).rjust(12, '0')}"


def rows() -> dict[str, list[object]]:
    """Every row of the centre, by table, in a dependable order."""
    users = [
        User(
            id=_id("u", "sup"), name="sup.visor", role="supervisor", full_name="Sigrid Supervisor"
        ),
        User(id=_id("u", "ca"), name="coder.anna", role="coder", full_name="Anna Koder"),
        User(id=_id("u", "cb"), name="coder.bent", role="coder", full_name="Bent Koder"),
        User(id=_id("u", "co"), name="coder.old", role="coder", active=False, full_name="Ole G"),
        *(
            User(id=_id("u", t), name=f"behandler.{t}", role="therapist", full_name=f"Terapeut {t}")
            for t in THERAPISTS
        ),
    ]
    clients, consents, courses, sessions = [], [], [], []
    signed_at = datetime(2023, 7, 1, 12, tzinfo=UTC)

    def client(n: int, therapist: str, method: str, given: date, withdrawn: date | None):
        c = Client(
            id=_id("c", n), code=f"K-{1000 + n}", display_name=f"Navn Nummer{n}", site="Nord"
        )
        clients.append(c)
        consents.append(
            RecordingConsent(
                id=_id("r", n),
                client_id=c.id,
                given_on=given,
                recorded_by_id=_id("u", therapist),
                recorded_at=datetime.combine(given, time(10), tzinfo=UTC),
                withdrawn_on=withdrawn,
                withdrawn_by_id=_id("u", therapist) if withdrawn else None,
            )
        )
        course = Course(
            id=_id("f", n),
            client_id=c.id,
            therapist_id=_id("u", therapist),
            method=method,
            programme="move-ss" if method == "SS" else "move-cc",
            pack_id="seeking-safety" if method == "SS" else "creating-change",
            pack_version="1.0.0",
            status="active",
            start_date=D(2023, 3, 1),
            chosen_themes=THEMES,
        )
        courses.append(course)
        return c, course

    def session(n, m, course, code, kind, day, *, signed=True, recorded=True):
        sessions.append(
            CourseSession(
                id=_id("s", f"{n:02d}{m}"),
                course_id=course.id,
                number=m + 3,
                kind=kind,
                planned_date=day,
                planned_time=time(10),
                planned_minutes=60,
                date=day,
                attendance="held",
                note_status="signed" if signed else "draft",
                signed_at=signed_at if signed else None,
                signed_by_id=course.therapist_id if signed else None,
                theme_id=THEMES[m % 6] if kind == "trauma" else None,
                agenda_seconds=dict(AGENDA, theme=AGENDA["theme"] + 60 * m),
                worksheets_used=[{"id": f"{THEMES[m % 6]}-1", "note": f"Noter {code}",
                                  "handed_out": True}],
                check_in={"feeling": f"Fri tekst om {code}"},
                commitment=f"Ringe til {code}",
                recorded=recorded,
                recording_file=f"{code}_session{m + 3}.mp3" if recorded else None,
            )
        )  # fmt: skip

    for n, therapist in enumerate(ELIGIBLE_CLIENTS):
        c, course = client(n, therapist, "SS", D(2023, 3, 1), None)
        for m in range(6):
            session(n, m, course, c.code, "trauma", D(2023, 4, 3) + timedelta(weeks=m + n % 3))
    for n, (_what, args) in enumerate(EXCLUDED.items(), 20):
        method, kind, signed, recorded, day, given, withdrawn = args
        c, course = client(n, "t1", method, given, withdrawn)
        session(n, 0, course, c.code, kind, day, signed=signed, recorded=recorded)
    secret = InstallationSecret(name=KEY_NAME, value=KEY)
    return {
        "users": users,
        "secrets": [secret],
        "clients": clients,
        "consents": consents,
        "courses": courses,
        "sessions": sessions,
    }


def build(db: Database, *, reverse: bool = False) -> None:
    """The centre in `db`; `reverse`: each table's rows in the opposite order, one at a time."""
    for table in rows().values():
        for row in reversed(table) if reverse else table:
            with db.transaction() as tx:
                tx.add(row)


def excluded_session(what: str) -> str:
    return _id("s", f"{20 + list(EXCLUDED).index(what):02d}0")


def eligible_ids() -> set[str]:
    return {_id("s", f"{n:02d}{m}") for n in range(len(ELIGIBLE_CLIENTS)) for m in range(6)}


def therapist_of() -> dict[str, str]:
    """Each eligible session's therapist ("t1" ...)."""
    return {
        _id("s", f"{n:02d}{m}"): therapist
        for n, therapist in enumerate(ELIGIBLE_CLIENTS)
        for m in range(6)
    }


def acting_as(acting: Acting, name: str) -> Acting:
    """`acting`'s database and library, for the centre's user `name`."""
    with acting.db.reading() as tx:
        from sqlalchemy import select

        user = tx.scalars(select(User).where(User.name == name)).one()
        actor = Actor(user.id, user.name, Role(user.role))
    return Acting(acting.db, acting.library, actor, acting.data_dir)
