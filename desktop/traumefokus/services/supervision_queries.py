"""The statements behind the supervision overview: each reads a whole period at once,
counted and grouped by the database, never one course at a time; what comes back is a row
per course or per therapist and kind of course, not a row per session.

Every statement chooses the site and the therapists by the same conditions on `Course`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, Text, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from traumefokus.domain import supervision as rules
from traumefokus.domain.supervision import Period
from traumefokus.domain.vocabulary import Attendance, CourseStatus, NoteStatus, SessionKind
from traumefokus.services.supervision_lateness import next_midnight, signed_late, utc_midnight
from traumefokus.storage.models import Course, CourseSession, SafetyFlag

HELD = Attendance.HELD.value
ATTENDANCES = tuple(a.value for a in Attendance)
TRAUMA = SessionKind.TRAUMA.value
ENDED = (CourseStatus.COMPLETED.value, CourseStatus.ENDED_EARLY.value)


def courses(tx: Session, scope: list[ColumnElement[bool]], period: Period) -> list[Any]:
    """Every course under way at some time in the period (which includes those started in
    it, those active at its end and those that ended in it)."""
    overlaps = [Course.status != CourseStatus.PLANNED.value, Course.start_date <= period.end]
    if period.start is not None:
        overlaps.append(or_(Course.end_date.is_(None), Course.end_date >= period.start))
    query = select(
        Course.id,
        Course.therapist_id,
        Course.method,
        Course.programme,
        Course.pack_id,
        Course.status,
        Course.start_date,
        Course.end_date,
        Course.end_reason,
        Course.chosen_themes,
    ).where(*scope, *overlaps)
    return list(tx.execute(query).all())


def _within(column: Any, period: Period) -> ColumnElement[bool]:
    if period.start is None:
        return column <= period.end  # type: ignore[no-any-return]
    return column.between(period.start, period.end)  # type: ignore[no-any-return]


def _of_courses(scope: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
    """The conditions of `scope` on a session's course."""
    if not scope:
        return []
    return [CourseSession.course_id.in_(select(Course.id).where(*scope))]


def _joined(value: ColumnElement[Any]) -> ColumnElement[str]:
    """The values of a group, joined by commas, a comma or per cent sign inside one written
    as %2C or %25 (_split reads them back)."""
    escaped = func.replace(func.replace(value, "%", "%25"), ",", "%2C")
    return func.aggregate_strings(escaped, ",")


def _split(joined: str | None) -> list[str]:
    """The values _joined joined."""
    if joined is None:
        return []
    values = joined.split(",")
    if "%" not in joined:
        return values
    return [value.replace("%2C", ",").replace("%25", "%") for value in values]


def ended(
    tx: Session, scope: list[ColumnElement[bool]], period: Period
) -> tuple[dict[str, int], dict[str, set[str]]]:
    """For each course that ended in the period, whenever its sessions were held: how many
    it attended (rules.attended), and the themes of its held trauma sessions."""
    row = CourseSession
    ended_ids = select(Course.id).where(
        *scope, Course.status.in_(ENDED), _within(Course.end_date, period)
    )
    rows = tx.execute(
        select(
            row.course_id,
            func.count(case((row.kind != SessionKind.FOLLOW_UP.value, 1))),
            _joined(case((row.kind == TRAUMA, row.theme_id))),
        )
        .where(row.course_id.in_(ended_ids), row.attendance == HELD)
        .group_by(row.course_id)
    )
    attended: dict[str, int] = {}
    themes: dict[str, set[str]] = {}
    for course_id, sessions, joined in rows:
        attended[course_id] = sessions
        themes[course_id] = set(_split(joined))
    return attended, themes


@dataclass
class PeriodSessions:
    """What the sessions of the period add up to."""

    tally: dict[str, Counter[str]] = field(default_factory=dict)  # therapist id: figures
    begun: int = 0  # notes to sign: held, or begun and not yet recorded
    late: int = 0
    unsigned: int = 0  # of the late ones: still not signed
    themes: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # method, pack, id
    minutes: dict[tuple[str, str, str], list[float]] = field(default_factory=dict)


def sessions(
    tx: Session,
    scope: list[ColumnElement[bool]],
    period: Period,
    today: date,
    points: Mapping[str, Iterable[str]],
) -> PeriodSessions:
    """The sessions recorded in the period, and the notes begun on sessions not yet recorded
    (on their planned day), added up per course and then per therapist and kind of course in
    one statement: per therapist the attendances (Attendance values), "gift_cards",
    "gift_cards_dkk" and "notes_late"; the notes to sign, late (rules.note_late; signed:
    supervision_lateness.py) and still unsigned; the held trauma sessions per theme; and the
    minutes of each agenda point of `points` (session kind: point ids) the held sessions
    timed, per programme."""
    row = CourseSession
    recorded = row.date.is_not(None)
    held = and_(recorded, row.attendance == HELD)
    note = or_(row.date.is_(None), row.attendance == HELD)
    day = func.coalesce(row.date, row.planned_date)
    unsigned = or_(row.note_status != NoteStatus.SIGNED.value, row.signed_at.is_(None))
    given = and_(recorded, row.gift_card_given.is_(True))
    # a note to sign on a session not yet recorded is a draft, so never signed late
    late_signed = and_(
        row.note_status == NoteStatus.SIGNED.value, signed_late(tx, day, _days(tx, period))
    )
    counted = {  # per course, and then summed
        **{a: func.count(case((and_(recorded, row.attendance == a), 1))) for a in ATTENDANCES},
        "gift_cards": func.count(case((given, 1))),
        "gift_cards_dkk": func.sum(case((given, row.gift_card_dkk))),
        "begun": func.count(case((note, 1))),
        "late_signed": func.count(case((and_(note, late_signed), 1))),
        "late_unsigned": func.count(
            case((and_(note, unsigned, day < rules.unsigned_late_before(today)), 1))
        ),
    }
    strung = {  # per course, and then joined again
        "themes": _joined(case((and_(held, row.kind == TRAUMA), row.theme_id))),
        **{
            kind: func.aggregate_strings(
                case((and_(held, row.kind == kind), cast(row.agenda_seconds, Text))), ","
            )
            for kind in points
        },
    }
    per_course = (
        select(
            row.course_id,
            *(value.label(name) for name, value in counted.items()),
            *(value.label(f"strung_{name}") for name, value in strung.items()),
        )
        .where(
            *_of_courses(scope),
            or_(
                and_(_within(row.date, period), row.attendance.is_not(None)),
                and_(
                    row.date.is_(None),
                    row.note_status == NoteStatus.DRAFT.value,
                    _within(row.planned_date, period),
                ),
            ),
        )
        .group_by(row.course_id)
        .subquery()
    )
    column = per_course.c
    rows = tx.execute(
        select(
            Course.therapist_id,
            Course.method,
            Course.pack_id,
            Course.programme,
            *(cast(func.sum(column[name]), Integer).label(name) for name in counted),
            *(
                func.aggregate_strings(column[f"strung_{name}"], ",").label(f"strung_{name}")
                for name in strung
            ),
        )
        .join(per_course, column.course_id == Course.id)
        .where(*scope)
        .group_by(Course.therapist_id, Course.method, Course.pack_id, Course.programme)
    ).mappings()
    found = PeriodSessions()
    joined: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        late = r["late_signed"] + r["late_unsigned"]
        found.begun += r["begun"]
        found.late += late
        found.unsigned += r["late_unsigned"]
        if late or any(r[a] for a in ATTENDANCES):
            figures = found.tally.setdefault(r["therapist_id"], Counter())
            figures.update({a: r[a] for a in ATTENDANCES}, gift_cards=r["gift_cards"])
            figures.update(gift_cards_dkk=int(r["gift_cards_dkk"] or 0), notes_late=late)
        for theme, held_sessions in Counter(_split(r["strung_themes"])).items():
            found.themes[r["method"], r["pack_id"], theme] += held_sessions
        for kind in points:
            if r[f"strung_{kind}"] is not None:
                joined[r["programme"], kind].append(r[f"strung_{kind}"])
    found.minutes = _minutes(joined, points)
    return found


def _days(tx: Session, period: Period) -> list[date]:
    """The days of the period a session was recorded on, in order (read from the index on
    the date alone)."""
    days = select(CourseSession.date).where(_within(CourseSession.date, period))
    return list(tx.scalars(days.distinct().order_by(CourseSession.date)))


def _minutes(
    joined: Mapping[tuple[str, str], list[str]], points: Mapping[str, Iterable[str]]
) -> dict[tuple[str, str, str], list[float]]:
    """(programme, session kind, agenda point): the minutes of the held sessions that timed
    it, from the timings (JSON objects, joined by commas) of each programme and kind."""
    found: dict[tuple[str, str, str], list[float]] = {}
    for (programme, kind), parts in joined.items():
        timed = [t for t in json.loads(f"[{','.join(parts)}]") if isinstance(t, dict)]
        for point in points[kind]:
            seconds: list[Any] = [t.get(point) for t in timed]
            # a number of seconds: an int or a float, not a truth value (bool is an int)
            minutes = [s / 60 for s in seconds if type(s) in (int, float)]
            if minutes:
                found[programme, kind, point] = minutes
    return found


def flags(tx: Session, scope: list[ColumnElement[bool]], period: Period) -> tuple[int, int]:
    """Safety flags open now, and raised in the period (local days)."""
    raised = SafetyFlag.raised_at < next_midnight(period.end)
    if period.start is not None:
        raised = and_(raised, SafetyFlag.raised_at >= utc_midnight(period.start))
    row = tx.execute(
        select(
            func.count(case((SafetyFlag.cleared_at.is_(None), 1))),
            func.count(case((raised, 1))),
        )
        .join(Course, Course.id == SafetyFlag.course_id)
        .where(*scope)
    ).one()
    return int(row[0]), int(row[1])
