"""The supervision overview: for a period, a site and a group of therapists, how the courses
went (started, active, completed, ended early and why, at least nine attended sessions), the
attendance, the themes, the time per agenda point against the programme, late notes, open
safety flags and gift cards.

Figures only: no client code or name is in it. Therapists are named (the overview stays in
the centre). Which date each figure reads is in domain/supervision.py. The data comes in a
handful of set-based statements, whatever the number of courses.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from traumefokus.content.end_reasons import EndReason, end_reasons_file, load_end_reasons
from traumefokus.domain import supervision as rules
from traumefokus.domain.access import Action
from traumefokus.domain.supervision import Period
from traumefokus.domain.vocabulary import Attendance, CourseStatus, Role
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services import supervision_queries as queries
from traumefokus.services.acting import Acting
from traumefokus.services.supervision_content import (
    AgendaRow,
    ThemeRow,
    agenda_points,
    agenda_rows,
    theme_rows,
)
from traumefokus.storage.models import Client, Course, User

EARLY = CourseStatus.ENDED_EARLY.value


@dataclass(frozen=True)
class OverviewQuery:
    """What the overview covers: a period (no start: from the first data; no end: today), a
    site (None: every site) and therapists by user name (none: every therapist). A course
    belongs to its therapist, also for the sessions a colleague covered."""

    start: date | None = None
    end: date | None = None
    site: str | None = None
    therapists: tuple[str, ...] = ()


@dataclass(frozen=True)
class EndedRow:
    reason: str  # the id from the centre's list of end reasons
    label_da: str
    label_en: str
    courses: int

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_da


@dataclass(frozen=True)
class Attendances:
    held: int = 0
    no_show: int = 0
    cancelled_client: int = 0
    cancelled_centre: int = 0

    @property
    def rate(self) -> float | None:
        return rules.attendance_rate(self.held, self.no_show, self.cancelled_client)


@dataclass(frozen=True)
class TherapistRow:
    name: str  # user name
    label: str  # the full name, else the user name
    started: int = 0
    active: int = 0
    completed: int = 0
    ended_early: int = 0
    attendance: Attendances = Attendances()
    notes_late: int = 0
    gift_cards: int = 0
    gift_cards_dkk: int = 0


@dataclass(frozen=True)
class Overview:
    query: OverviewQuery  # as asked
    period: Period  # as read: the end is filled in
    today: date
    started: int
    active: int
    completed: int
    ended_early: int
    ended_by_reason: tuple[EndedRow, ...]
    nine_or_more: int  # of the courses that ended in the period (completed or early)
    attendance: Attendances
    notes_begun: int  # sessions held (or with a draft note) in the period
    notes_late: int  # of those: not signed two days after (signed later, or still not)
    notes_unsigned: int  # of the late ones: still not signed
    flags_open: int  # open now, whenever raised
    flags_raised: int  # raised in the period
    gift_cards: int
    gift_cards_dkk: int
    therapists: tuple[TherapistRow, ...]
    themes: tuple[ThemeRow, ...]
    agenda: tuple[AgendaRow, ...]

    @property
    def ended(self) -> int:
        return self.completed + self.ended_early


@dataclass(frozen=True)
class OverviewChoices:
    """What the overview can be narrowed to: the sites, and the therapists (user name,
    label) who have or had a course."""

    sites: tuple[str, ...]
    therapists: tuple[tuple[str, str], ...]


def overview_choices(acting: Acting) -> OverviewChoices:
    acting.require(Action.SUPERVISE)
    with acting.db.reading() as tx:
        sites = tx.scalars(
            select(Client.site).where(Client.site != "").distinct().order_by(Client.site)
        ).all()
        with_courses = select(Course.therapist_id).distinct()
        users = tx.execute(
            select(User.name, User.full_name)
            .where(or_(User.role == Role.THERAPIST.value, User.id.in_(with_courses)))
            .order_by(User.name)
        ).all()
    return OverviewChoices(tuple(sites), tuple((n, full or n) for n, full in users))


def supervision_overview(
    acting: Acting, query: OverviewQuery, *, today: date | None = None
) -> Overview:
    """The overview of `query`, as of `today`."""
    acting.require(Action.SUPERVISE)
    today = today or date.today()
    period = asked_period(query, today)
    library = acting.library
    with acting.db.reading() as tx:
        users, chosen = therapists_asked(tx, query)
        scope = course_scope(query, chosen)
        courses = queries.courses(tx, scope, period)
        attended, held_on_ended = queries.ended(tx, scope, period)
        programmes = tx.scalars(select(Course.programme).where(*scope).distinct()).all()
        points = agenda_points(library, programmes)
        sessions = queries.sessions(tx, scope, period, today, points)
        flags_open, flags_raised = queries.flags(tx, scope, period)
    reasons = load_end_reasons(end_reasons_file(acting.data_dir))

    tally: dict[str, Counter[str]] = defaultdict(Counter)  # therapist id: figure: count
    started, ended = [], []
    for c in courses:
        counts = tally[c.therapist_id]
        if rules.started(c.status, c.start_date, period):
            counts["started"] += 1
            started.append(c)
        counts["active"] += rules.active_at_end(c.status, c.start_date, c.end_date, period)
        if rules.ended_in(c.status, c.end_date, period):
            counts[c.status] += 1
            ended.append(c)
    for therapist_id, figures in sessions.tally.items():
        tally[therapist_id].update(figures)

    therapists = _therapist_rows(tally, users, chosen)
    early = [c for c in ended if c.status == EARLY]
    return Overview(
        query=query,
        period=period,
        today=today,
        started=sum(r.started for r in therapists),
        active=sum(r.active for r in therapists),
        completed=sum(r.completed for r in therapists),
        ended_early=len(early),
        ended_by_reason=_by_reason(Counter(c.end_reason or "" for c in early), reasons),
        nine_or_more=sum(1 for c in ended if attended.get(c.id, 0) >= rules.NINE),
        attendance=_sum(r.attendance for r in therapists),
        notes_begun=sessions.begun,
        notes_late=sessions.late,
        notes_unsigned=sessions.unsigned,
        flags_open=flags_open,
        flags_raised=flags_raised,
        gift_cards=sum(r.gift_cards for r in therapists),
        gift_cards_dkk=sum(r.gift_cards_dkk for r in therapists),
        therapists=therapists,
        themes=theme_rows(
            library,
            started,
            ended,
            held_on_ended,
            ((*key, held) for key, held in sessions.themes.items()),
        ),
        agenda=agenda_rows(library, sessions.minutes, points),
    )


def asked_period(query: OverviewQuery, today: date) -> Period:
    """The period of `query` as read (no end: up to `today`); a start after the end is
    refused."""
    period = Period(query.start, query.end or today)
    if period.start is not None and period.start > period.end:
        raise InvalidInput(
            "supervision.period_reversed",
            start=period.start.isoformat(),
            end=period.end.isoformat(),
        )
    return period


def therapists_asked(tx: Session, query: OverviewQuery) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Every user (id: row with name and full name) and the ids of the therapists `query`
    names; a name no user has is refused."""
    users = {u.id: u for u in tx.execute(select(User.id, User.name, User.full_name))}
    by_name = {u.name: u.id for u in users.values()}
    unknown = [name for name in query.therapists if name not in by_name]
    if unknown:
        raise InvalidInput("supervision.unknown_therapist", names=", ".join(unknown))
    return users, tuple(by_name[name] for name in query.therapists)


def course_scope(
    query: OverviewQuery, therapist_ids: tuple[str, ...]
) -> list[ColumnElement[bool]]:
    """Conditions on Course for the site and therapists chosen."""
    found: list[ColumnElement[bool]] = []
    if query.site:
        found.append(Course.client_id.in_(select(Client.id).where(Client.site == query.site)))
    if query.therapists:
        found.append(Course.therapist_id.in_(therapist_ids))
    return found


def _therapist_rows(
    tally: dict[str, Counter[str]], users: dict[str, Any], chosen: tuple[str, ...]
) -> tuple[TherapistRow, ...]:
    """A row for each therapist chosen, or for each with a course or a session in the
    period; by name."""
    rows = []
    for therapist_id in chosen or tuple(tally):
        user = users[therapist_id]
        counts = tally.get(therapist_id, Counter())
        rows.append(
            TherapistRow(
                user.name,
                user.full_name or user.name,
                started=counts["started"],
                active=counts["active"],
                completed=counts[CourseStatus.COMPLETED.value],
                ended_early=counts[CourseStatus.ENDED_EARLY.value],
                attendance=Attendances(**{a.name.lower(): counts[a.value] for a in Attendance}),
                notes_late=counts["notes_late"],
                gift_cards=counts["gift_cards"],
                gift_cards_dkk=counts["gift_cards_dkk"],
            )
        )
    return tuple(sorted(rows, key=lambda r: (r.label.casefold(), r.name)))


def _sum(rows: Iterable[Attendances]) -> Attendances:
    total = Attendances()
    for row in rows:
        total = Attendances(
            total.held + row.held,
            total.no_show + row.no_show,
            total.cancelled_client + row.cancelled_client,
            total.cancelled_centre + row.cancelled_centre,
        )
    return total


def _by_reason(counts: Counter[str], reasons: Iterable[EndReason]) -> tuple[EndedRow, ...]:
    """The courses ended early per reason, in the order of the centre's list; a reason no
    longer on the list by its id."""
    known = {r.id: r for r in reasons}
    order = {r.id: i for i, r in enumerate(known.values())}
    rows = [
        EndedRow(
            reason,
            known[reason].da if reason in known else reason or "-",
            known[reason].en if reason in known else reason or "-",
            count,
        )
        for reason, count in counts.items()
    ]
    return tuple(sorted(rows, key=lambda r: (order.get(r.reason, len(order)), r.reason)))


def record_report(acting: Acting, query: OverviewQuery, form: str) -> None:
    """The audit trail: who printed or saved the overview as a report (pdf, xlsx, paper), of
    which period, site and therapists."""
    acting.require(Action.SUPERVISE)
    with acting.transaction() as tx:
        audit.record(
            tx,
            acting.actor,
            "export.supervision",
            format=form,
            start=query.start.isoformat() if query.start else None,
            end=query.end.isoformat() if query.end else None,
            site=query.site,
            therapists=list(query.therapists),
        )
