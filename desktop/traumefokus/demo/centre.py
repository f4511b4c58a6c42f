"""A living, deterministic demo centre, built through the same services the program uses.

Users admin, supervisor, coder, coder2 and three therapists; clients at two sites; courses of
both methods in every state, with chosen themes, goals, ITQ screenings, attendance and plan
changes. Every random choice comes from the seed, and IDs too; dates are placed around a
reference day (default today), so the same seed and day give byte-identical data, and the
same seed on another day gives the same centre moved in time.

`clients=2000` gives the large database for benchmarks: about ten years of courses.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from traumefokus.content.end_reasons import EndReason
from traumefokus.content.library import ContentLibrary
from traumefokus.demo.coding import add_coding
from traumefokus.demo.comments import add_supervision
from traumefokus.demo.logbook import add_logbook
from traumefokus.demo.notes import itq_answers, rush_check_out, session_note
from traumefokus.demo.replanning import bend_the_plan, settle_missed_theme
from traumefokus.demo.texts import (
    EARLY_REASON_WORDS,
    FIRST_NAMES,
    GOALS,
    UNSAFE,
)
from traumefokus.domain.actor import Actor
from traumefokus.domain.content import Programme
from traumefokus.domain.themes import unfinished_themes
from traumefokus.domain.vocabulary import Attendance, CourseStatus, Role, SessionKind
from traumefokus.errors import Refused
from traumefokus.paths import DataDir
from traumefokus.services import planning, treatment
from traumefokus.services.acting import Acting
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import (
    SessionView,
    create_course,
    end_course,
    view_course,
)
from traumefokus.services.inclusion import confirm_inclusion
from traumefokus.services.safety_flags import clear_safety_flag, raise_safety_flag
from traumefokus.services.session_notes import add_addendum, save_draft, sign_note
from traumefokus.services.status_letters import save_status_letter
from traumefokus.services.users import add_user, create_first_admin, has_users
from traumefokus.storage.clock import ids_and_clock
from traumefokus.storage.database import Database

SITES = ("Center Nord", "Center Syd")
PASSWORD = "traumefokus-demo"  # every demo user's password
# name, role, full name, professional title
STAFF = (
    ("admin", Role.ADMIN, "Lise Holm", "teamleder"),
    ("supervisor", Role.SUPERVISOR, "Karen Lund", "psykolog"),
    ("coder", Role.CODER, "Peter Vang", "forskningsassistent"),
    ("coder2", Role.CODER, "Nina Bech", "forskningsassistent"),
    ("mette.h", Role.THERAPIST, "Mette Hansen", "socialrådgiver"),
    ("jonas.k", Role.THERAPIST, "Jonas Kristensen", "misbrugsbehandler"),
    ("sara.l", Role.THERAPIST, "Sara Larsen", "pædagog"),
)
THERAPISTS = tuple(name for name, role, *_ in STAFF if role is Role.THERAPIST)
ATTENDANCE = (
    (Attendance.HELD, 80),
    (Attendance.NO_SHOW, 10),
    (Attendance.CANCELLED_CLIENT, 6),
    (Attendance.CANCELLED_CENTRE, 4),
)
# The statuses a small demo cycles through, so that every state is there for both methods:
# the first two pairs give every therapist a running course; most are completed, so that
# enough recorded trauma sessions are there for coding rounds (demo/coding.py).
SMALL_CYCLE = (
    CourseStatus.ACTIVE,
    CourseStatus.ACTIVE,
    CourseStatus.COMPLETED,
    CourseStatus.COMPLETED,
    CourseStatus.ENDED_EARLY,
    CourseStatus.COMPLETED,
    CourseStatus.COMPLETED,
    CourseStatus.PLANNED,
    CourseStatus.COMPLETED,
    CourseStatus.COMPLETED,
)


@dataclass(frozen=True)
class DemoSummary:
    users: int
    clients: int
    courses: int
    sessions: int


class _Clock:
    """The moment the demo's actions happen at: set by the builder as it walks the weeks."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def at(self, day: date, hour: int = 9) -> None:
        self.now = datetime.combine(day, time(hour), tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def build_demo(
    db: Database,
    library: ContentLibrary,
    data_dir: DataDir,
    end_reasons: tuple[EndReason, ...],
    *,
    clients: int = 20,
    seed: int = 1,
    today: date | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo centre; refused if it has users already."""
    if has_users(db):
        raise Refused("demo.not_empty")
    today = today or date.today()
    rng = random.Random(seed)
    clock = _Clock(datetime.combine(today - timedelta(days=3700), time(8), tzinfo=UTC))
    with ids_and_clock(_ids(rng), clock):
        builder = _Builder(db, library, data_dir, end_reasons, rng, clock, today)
        with db.batch():
            builder.staff()
        for first in range(0, clients, 50):  # a transaction per 50 clients
            with db.batch():
                for number in range(first, min(first + 50, clients)):
                    builder.client(number, clients)
        with db.batch():
            builder.cover()
        add_supervision(builder, seed)
        add_logbook(builder, seed)
        add_coding(builder, seed)
    return DemoSummary(
        users=len(STAFF),
        clients=clients,
        courses=builder.courses,
        sessions=builder.sessions,
    )


def _ids(rng: random.Random) -> Callable[[], str]:
    ids = random.Random(rng.getrandbits(64))  # its own stream: ids do not shift the data
    return lambda: str(uuid.UUID(int=ids.getrandbits(128), version=4))


class _Builder:
    def __init__(
        self,
        db: Database,
        library: ContentLibrary,
        data_dir: DataDir,
        end_reasons: tuple[EndReason, ...],
        rng: random.Random,
        clock: _Clock,
        today: date,
    ) -> None:
        self.db, self.library, self.rng, self.clock, self.today = db, library, rng, clock, today
        self.data_dir = data_dir
        packs = (library.pack("seeking-safety"), library.pack("creating-change"))
        self.packs = {pack.id: pack for pack in packs if pack is not None}
        self.reasons = tuple(r.id for r in end_reasons)
        self.courses = self.sessions = 0
        self.meeting_today: set[str] = set()
        self.drafting: set[str] = set()  # therapists with an unsigned note from last week
        self.admin: Acting
        self.supervisor: Acting
        self.therapists: list[Acting] = []
        self.active_courses: dict[str, list[str]] = {}  # therapist name: ids of active courses
        self.signature = {name: f"{full}, {title}" for name, _role, full, title in STAFF}

    def staff(self) -> None:
        (name, _role, full_name, title), *others = STAFF
        admin = create_first_admin(self.db, name, PASSWORD, full_name=full_name, title=title)
        self.admin = self._acting(admin)
        for name, role, full_name, title in others:
            user = add_user(
                self.admin, name, role.value, PASSWORD, full_name=full_name, title=title
            )
            if role is Role.THERAPIST:
                self.therapists.append(self._acting(user))
            elif role is Role.SUPERVISOR:
                self.supervisor = self._acting(user)

    def _acting(self, actor: Actor) -> Acting:
        return Acting(self.db, self.library, actor, self.data_dir)

    def cover(self) -> None:
        """A colleague covers one running course of each therapist (holidays)."""
        for index, therapist in enumerate(self.therapists):
            running = self.active_courses.get(therapist.actor.name)
            if running:
                colleague = self.therapists[(index + 1) % len(self.therapists)]
                self.clock.at(self.today - timedelta(days=3), 10)
                grant_cover(therapist, running[0], colleague.actor.id, "Ferie i denne uge")

    # --- one client and their courses --------------------------------------------------
    def client(self, number: int, total: int) -> None:
        rng = self.rng
        therapist = self.therapists[number % len(self.therapists)]
        name = None
        if rng.random() < 0.4:
            name = f"{rng.choice(FIRST_NAMES)} {chr(rng.randrange(ord('A'), ord('Z') + 1))}."
        client = add_client(
            therapist,
            f"K-{number + 1:04d}",
            display_name=name,
            site=SITES[number % len(SITES)],
        )
        method = "SS" if number % 2 == 0 else "CC"
        status = self._status(number, total)
        start = self._start(status, total)
        if status is not CourseStatus.PLANNED and rng.random() < 0.15 and total > 20:
            # An earlier course that ended early, a year or more before this one.
            earlier = start - timedelta(days=rng.randint(400, 900))
            self._course(
                client.id,
                therapist,
                "CC" if method == "SS" else "SS",
                CourseStatus.ENDED_EARLY,
                earlier,
            )
        self._course(client.id, therapist, method, status, start)

    def _status(self, number: int, total: int) -> CourseStatus:
        if total <= 50:
            return SMALL_CYCLE[(number // 2) % len(SMALL_CYCLE)]
        roll = self.rng.random()  # ten years: most courses are over
        if roll < 0.03:
            return CourseStatus.PLANNED
        if roll < 0.08:
            return CourseStatus.ACTIVE
        return CourseStatus.COMPLETED if roll < 0.62 else CourseStatus.ENDED_EARLY

    def _start(self, status: CourseStatus, total: int) -> date:
        rng = self.rng
        if status is CourseStatus.PLANNED:
            return self.today + timedelta(days=rng.randint(2, 20))
        if status is CourseStatus.ACTIVE:
            return self.today - timedelta(days=rng.randint(7, 90))
        latest = 200 if total <= 50 else 3650
        return self.today - timedelta(days=rng.randint(120, max(121, latest)))

    def _course(
        self, client_id: str, therapist: Acting, method: str, status: CourseStatus, start: date
    ) -> None:
        rng = self.rng
        self.clock.at(start - timedelta(days=rng.randint(3, 10)))
        programme_id = "move-ss" if method == "SS" else "move-cc"
        # Every therapist's first running course, and half of the others, meet on today's
        # weekday: each therapist's Today list has sessions.
        first_today = therapist.actor.id not in self.meeting_today
        meets_today = status is CourseStatus.ACTIVE and (first_today or rng.random() < 0.5)
        if meets_today:
            self.meeting_today.add(therapist.actor.id)
        weekday = self.today.weekday() if meets_today else rng.randrange(5)
        course_id = create_course(
            therapist,
            client_id=client_id,
            therapist_id=therapist.actor.id,
            programme_id=programme_id,
            start=start,
            weekday=weekday,
            at=time(rng.choice((9, 10, 11, 13, 14)), rng.choice((0, 30))),
        )
        self.courses += 1
        programme = self.library.programme(programme_id)
        assert programme is not None
        if status is not CourseStatus.PLANNED or rng.random() < 0.5:
            themes = rng.sample(list(programme.offered_themes), programme.themes_to_choose)
            planning.choose_themes(therapist, course_id, themes, "Valgt sammen med klienten")
        self._weeks(course_id, therapist, status, start, programme)
        if status is CourseStatus.ACTIVE:
            self.active_courses.setdefault(therapist.actor.name, []).append(course_id)

    def _weeks(
        self,
        course_id: str,
        therapist: Acting,
        status: CourseStatus,
        start: date,
        programme: Programme,
    ) -> None:
        """Walk the course session by session, as the weeks would have gone."""
        rng = self.rng
        stop_after = rng.randint(2, 8) if status is CourseStatus.ENDED_EARLY else None
        held = 0
        handled: set[str] = set()
        while True:
            course = view_course(therapist, course_id)
            upcoming = [s for s in course.sessions if s.open and s.id not in handled]
            if not upcoming:
                break
            session = upcoming[0]
            handled.add(session.id)
            day = session.planned_date
            if day is None or day > self.today or day == self.today:
                break
            if stop_after is not None and held >= stop_after:
                break
            if (
                status is CourseStatus.COMPLETED
                and session.kind == SessionKind.FOLLOW_UP
                and (rng.random() < 0.3)
            ):
                continue  # some clients never come to a follow-up
            self.clock.at(day, 8)
            if bend_the_plan(self.rng, therapist, session, course):
                handled.discard(session.id)
                continue
            self.clock.at(day, 12)
            attendance = rng.choices(
                [a for a, _ in ATTENDANCE], weights=[w for _, w in ATTENDANCE]
            )[0]
            if session.number == 0:
                attendance = Attendance.HELD
            if attendance is not Attendance.HELD:  # still a logbook entry
                sign_note(therapist, session.id, attendance=attendance.value, day=day)
                settle_missed_theme(
                    self.rng, self.today, therapist, course_id, session, status, programme
                )
                continue
            draft = session_note(self.rng, session, programme, self.packs.get(programme.pack_id))
            rush_check_out(draft, session, therapist.actor.name, self.today)
            recent = status is CourseStatus.ACTIVE and (self.today - day).days <= 7
            if recent and (therapist.actor.id not in self.drafting or rng.random() < 0.6):
                save_draft(therapist, session.id, draft)
                self.drafting.add(therapist.actor.id)
                continue  # last week's note, not signed yet
            flag = self._flag(session, therapist)  # raised at the check-in, before signing
            sign_note(therapist, session.id, attendance=attendance.value, day=day, draft=draft)
            self._after_note(session, therapist, day, flag)
            if attendance is Attendance.HELD:
                self._after_session(course_id, therapist, session, day)
                if session.kind in programme.status_letter_counts:
                    held += 1
                    self._status_letter(course_id, therapist, programme, held, day)
        self._end(course_id, therapist, status, start)
        self.sessions += len(view_course(therapist, course_id).sessions)

    def _after_session(
        self, course_id: str, therapist: Acting, session: SessionView, day: date
    ) -> None:
        rng = self.rng
        if session.number == 0:
            for text in rng.sample(GOALS, rng.randint(1, 3)):
                treatment.add_goal(therapist, course_id, text, day)
            treatment.record_itq(
                therapist, course_id, occasion="assessment", day=day, items=itq_answers(self.rng)
            )
            if view_course(therapist, course_id).inclusion is not None:  # no PTSD symptoms
                confirm_inclusion(therapist, course_id, "Tydelige traumereaktioner i samtalen")
        elif session.follow_up_month == 6 and rng.random() < 0.7:
            treatment.record_itq(
                therapist,
                course_id,
                occasion="follow_up",
                day=day,
                items=itq_answers(self.rng, better=True),
            )
        elif session.number == 8 and rng.random() < 0.12:
            planning.add_extra_session(
                therapist,
                course_id,
                kind="move",
                theme=None,
                day=day + timedelta(days=2),
                at=session.planned_time,
                minutes=session.planned_minutes,
                reason="Klienten bad om en ekstra samtale",
            )

    def _status_letter(
        self, course_id: str, therapist: Acting, programme: Programme, held: int, day: date
    ) -> None:
        """The letter after every fourth held session, printed three days later; the latest
        one of a running course may still be waiting."""
        every = programme.status_letter_every
        printed = day + timedelta(days=3)
        if not every or held % every or printed >= self.today:
            return
        self.clock.at(printed, 14)
        text = (
            f"Vi har nu haft {held} samtaler i dit forløb. Du er kommet stabilt, og vi har "
            "arbejdet med de temaer, du valgte.\n\n"
            "- Dine mål: vi ser på dem sammen næste gang.\n\n"
            f"Venlig hilsen\n{self.signature[therapist.actor.name]}\n\n(Demoindhold)"
        )
        save_status_letter(therapist, course_id, held, text, version=None, printed_on=printed)

    def _flag(self, session: SessionView, therapist: Acting) -> str | None:
        """Now and then a safety flag from the check-in."""
        if self.rng.random() < 0.03:
            return raise_safety_flag(therapist, session.id, self.rng.choice(UNSAFE))
        return None

    def _after_note(
        self, session: SessionView, therapist: Acting, day: date, flag: str | None
    ) -> None:
        """Now and then an addendum the next day; most flags are cleared within a week."""
        rng = self.rng
        if session.kind == SessionKind.TRAUMA and rng.random() < 0.05:
            self.clock.at(day + timedelta(days=1), 10)
            add_addendum(
                therapist,
                session.id,
                "Tilføjelse: klienten ringede og fortalte, at aftalen er flyttet.",
            )
        if flag is not None and rng.random() < 0.7:  # at supervision or at the next session
            self.clock.at(day + timedelta(days=7), 9)
            by = self.supervisor if rng.random() < 0.5 else therapist
            clear_safety_flag(by, flag, "Talt igennem; sikkerhedsplan lagt")

    def _end(self, course_id: str, therapist: Acting, status: CourseStatus, start: date) -> None:
        if status not in (CourseStatus.COMPLETED, CourseStatus.ENDED_EARLY):
            return
        course = view_course(therapist, course_id)
        last = max((s.date for s in course.sessions if s.date), default=start)
        ended_on = min(last + timedelta(days=self.rng.randint(0, 14)), self.today)
        self.clock.at(ended_on, 15)
        if status is CourseStatus.COMPLETED:
            if not unfinished_themes(course.theme_states):  # else it runs on: not complete
                end_course(therapist, course_id, status=status.value, end_date=ended_on)
            return
        reason = self.rng.choice(self.reasons)
        words = self.rng.choice(EARLY_REASON_WORDS) if reason == "other" else None
        end_course(
            therapist,
            course_id,
            status=status.value,
            end_date=ended_on,
            reason=reason,
            reason_text=words,
            reasons=self.reasons,
        )
