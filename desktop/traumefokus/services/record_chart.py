"""The record-based format items of the supervision overview: for its period, site and
therapists, per therapist and per month, how many signed, held trauma sessions met each item,
did not, and could not be told (domain/record_chart.py adds them up).

Each session is judged on the record-based items of its method's scale (the scale a new round
uses: services/record_checks.py) against the agenda of the programme version its course
started with. A course whose programme is no longer installed is judged without targets: its
timed items cannot be told. Only the note's columns the rules read are loaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from traumefokus.content.library import ContentLibrary
from traumefokus.content.scales import scale_for
from traumefokus.domain.access import Action
from traumefokus.domain.content import AgendaPoint, Version
from traumefokus.domain.record_chart import RuleChart, Verdict, add_up, months_between
from traumefokus.domain.record_checks import check_all
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.supervision import Period
from traumefokus.domain.vocabulary import Attendance, NoteStatus, SessionKind
from traumefokus.services.acting import Acting
from traumefokus.services.record_checks import record_items
from traumefokus.services.supervision import (
    OverviewQuery,
    asked_period,
    course_scope,
    therapists_asked,
)
from traumefokus.storage.models import Course, CourseSession


@dataclass(frozen=True)
class RecordChart:
    query: OverviewQuery  # as asked
    period: Period  # as read: the end is filled in
    months: tuple[date, ...]  # first days, oldest first
    therapists: tuple[tuple[str, str], ...]  # (user name, label): the rows, in order
    items: tuple[RuleChart, ...]  # per rule; a row's therapist is a user name
    sessions: int  # the signed, held trauma sessions judged

    def label(self, name: str) -> str:
        return dict(self.therapists).get(name, name)


def record_chart(
    acting: Acting, query: OverviewQuery, *, today: date | None = None
) -> RecordChart:
    """The record-based items of the overview of `query`, as of `today`: a row per therapist
    chosen, or per therapist with a judged session in the period, by name."""
    acting.require(Action.SUPERVISE)
    period = asked_period(query, today or date.today())
    with acting.db.reading() as tx:
        users, chosen = therapists_asked(tx, query)
        rows = tx.execute(_sessions(query, chosen, period)).all()
    verdicts = list(_judged(acting, rows))
    first = period.start or min((v.day for v in verdicts), default=period.end)
    months = months_between(first, period.end)
    ids = chosen or tuple({v.therapist for v in verdicts})
    named = sorted(
        ((users[i].name, users[i].full_name or users[i].name) for i in ids),
        key=lambda pair: (pair[1].casefold(), pair[0]),
    )
    name_of = {i: users[i].name for i in ids}
    by_name = [
        Verdict(v.rule, name_of[v.therapist], v.day, v.outcome)
        for v in verdicts
        if v.therapist in name_of
    ]
    rules = {rule for _item, rule in _rules(acting, {r.method for r in rows})}
    items = add_up(by_name, months, [name for name, _label in named], rules)
    return RecordChart(query, period, months, tuple(named), items, len(rows))


def _sessions(query: OverviewQuery, chosen: tuple[str, ...], period: Period) -> Any:
    """The signed, held trauma sessions held in the period, with their course's therapist,
    method and content, and the note's columns the rules read."""
    row = CourseSession
    within = row.date <= period.end
    if period.start is not None:
        within = row.date.between(period.start, period.end)
    return (
        select(
            row.date,
            Course.therapist_id,
            Course.method,
            Course.programme,
            Course.programme_version,
            Course.pack_version,
            row.check_in,
            row.quote,
            row.worksheets_used,
            row.check_out,
            row.commitment,
            row.notes,
            row.agenda_seconds,
        )
        .join(Course, Course.id == row.course_id)
        .where(
            *course_scope(query, chosen),
            row.kind == SessionKind.TRAUMA.value,
            row.note_status == NoteStatus.SIGNED.value,
            row.attendance == Attendance.HELD.value,
            within,
        )
    )


def _rules(acting: Acting, methods: set[str]) -> Iterator[tuple[str, str]]:
    for method in sorted(methods):
        yield from record_items(scale_for(method, acting.data_dir))


def _judged(acting: Acting, rows: Sequence[Any]) -> Iterator[Verdict]:
    rules = {
        m: tuple(rule for _item, rule in _rules(acting, {m})) for m in {r.method for r in rows}
    }
    agendas: dict[tuple[str, str, str], tuple[AgendaPoint, ...]] = {}
    for r in rows:
        key = (r.programme, r.programme_version, r.pack_version)
        if key not in agendas:
            agendas[key] = _agenda(acting.library, *key)
        draft = NoteDraft.from_stored(
            check_in=r.check_in,
            quote=r.quote,
            worksheets=r.worksheets_used,
            check_out=r.check_out,
            commitment=r.commitment,
            measures={},
            notes=r.notes,
            agenda_seconds=r.agenda_seconds,
        )
        for found in check_all(rules[r.method], draft, agendas[key]):
            yield Verdict(found.rule, r.therapist_id, r.date, found.outcome)


def _agenda(
    library: ContentLibrary, programme_id: str, version: str, pack_version: str
) -> tuple[AgendaPoint, ...]:
    """The trauma sessions' agenda of the programme version a course started with; none if
    it is no longer installed."""
    programme = library.programme(
        programme_id, Version.parse(version), pack_version=Version.parse(pack_version)
    )
    if programme is None:
        return ()
    return tuple(programme.agenda.get(SessionKind.TRAUMA, ()))
