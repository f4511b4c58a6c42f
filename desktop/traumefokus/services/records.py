"""The records export's content: the complete data in the vocabulary of DESIGN.md.

Everything is sorted, so that two exports of the same data differ only in `exported_at`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from traumefokus.domain import itq
from traumefokus.domain.access import Action
from traumefokus.domain.isotime import clock, day, moment
from traumefokus.domain.themes import themes_never_done
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_themes import course_theme_states
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import Client, Course, CourseSession, User

FORMAT = "traumefokus-records"
VERSION = 1
BATCH = 100  # clients read at a time: the export's memory stays that of a hundred clients


@dataclass(frozen=True)
class _Person:
    """What the document says of a user (read once, held as plain values)."""

    id: str
    name: str
    role: str
    active: bool
    full_name: str | None
    title: str | None

    def listed(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "active": self.active,
            "full_name": self.full_name,
            "title": self.title,
        }


class RecordsReader:
    """The records document read inside one transaction: `head` (everything before the
    clients), then `clients()`, in code order, read a batch at a time and forgotten once
    given, so that ten years of data never sit in memory at once."""

    def __init__(
        self, tx: Session, people: dict[str, _Person], client_code: str | None, now: datetime
    ) -> None:
        self._tx = tx
        self._people = people
        self._code = client_code
        self._names = _UserNames(people)
        self._now = now
        self.clients_read = 0
        self.sessions_read = 0
        self.first_client_id: str | None = None

    def head(self) -> dict[str, Any]:
        """The document without its clients. For one client's copy, only the users its data
        mention: call this after `clients()`."""
        listed = self._people.values() if self._code is None else self._names.used
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": moment(self._now),
            "users": [p.listed() for p in sorted(listed, key=lambda p: p.name)],
        }

    def clients(self) -> Iterator[dict[str, Any]]:
        ids = select(Client.id).order_by(Client.code)
        if self._code is not None:
            ids = ids.where(Client.code == self._code)
        every = list(self._tx.scalars(ids))
        for start in range(0, len(every), BATCH):
            batch = every[start : start + BATCH]
            query = _with_records(select(Client).where(Client.id.in_(batch)))
            found = {client.id: client for client in self._tx.scalars(query)}
            # in the database's order; a client erased meanwhile (PostgreSQL) is left out
            for client in (found[i] for i in batch if i in found):
                self.first_client_id = self.first_client_id or client.id
                document = _client(client, self._names)
                self.clients_read += 1
                self.sessions_read += count_sessions([document])
                yield document
            self._forget()

    def _forget(self) -> None:
        """Let the batch's rows go (a unit of work of its own; one that joins the demo's
        batch, holding changes, keeps its rows and leaves them to the garbage collector)."""
        tx = self._tx
        if not (tx.new or tx.dirty or tx.deleted):
            tx.expunge_all()


def _with_records(query: Select[Client]) -> Select[Client]:
    courses = selectinload(Client.courses)
    return query.options(
        selectinload(Client.recording_consents),
        courses.selectinload(Course.sessions).selectinload(CourseSession.addenda),
        courses.selectinload(Course.plan_history),
        courses.selectinload(Course.itq),
        courses.selectinload(Course.goals),
        courses.selectinload(Course.safety_flags),
        courses.selectinload(Course.comments),
        courses.selectinload(Course.status_letters),
        courses.selectinload(Course.covers),
    )


@contextmanager
def reading_records(
    acting: Acting, *, client_code: str | None = None, now: datetime | None = None
) -> Iterator[RecordsReader]:
    """The records, read in one transaction; when the block has read every client, the
    export's audit entry is written and committed as the block ends (not if it raises).
    An unknown `client_code` is invalid input."""
    acting.require(Action.EXPORT_RECORDS)
    with acting.transaction() as tx:
        people = {
            u.id: _Person(u.id, u.name, u.role, u.active, u.full_name, u.title)
            for u in tx.scalars(select(User))
        }
        reader = RecordsReader(tx, people, client_code, now or utc_now())
        yield reader
        if client_code is not None and reader.first_client_id is None:
            raise InvalidInput("export.client_unknown", code=client_code)
        audit.record(
            tx,
            acting.actor,
            "export.records",
            object_type="client" if client_code else None,
            object_id=reader.first_client_id if client_code else None,
            clients=reader.clients_read,
            sessions=reader.sessions_read,
        )


def collect_records(
    acting: Acting, *, client_code: str | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """The records document in memory; with `client_code`, one client's data (a copy for
    the client) and only the users it names. (The full export streams: exports/records.py.)"""
    with reading_records(acting, client_code=client_code, now=now) as reader:
        clients = list(reader.clients())
    return {**reader.head(), "clients": clients}


def count_sessions(clients: list[dict[str, Any]]) -> int:
    return sum(len(course["sessions"]) for client in clients for course in client["courses"])


class _UserNames:
    """User ids to names, remembering which users the document mentions."""

    def __init__(self, users: dict[str, _Person]) -> None:
        self._users = users
        self.used: set[_Person] = set()

    def __call__(self, user_id: str | None) -> str | None:
        if user_id is None:
            return None
        user = self._users[user_id]
        self.used.add(user)
        return user.name


def _client(client: Client, name_of: _UserNames) -> dict[str, Any]:
    return {
        "code": client.code,
        "display_name": client.display_name,
        "site": client.site,
        "recording_consent": [
            {
                "given_on": day(c.given_on),
                "recorded_by": name_of(c.recorded_by_id),
                "withdrawn_on": day(c.withdrawn_on),
            }
            for c in client.recording_consents
        ],
        "courses": [_course(course, name_of) for course in client.courses],
    }


def _course(course: Course, name_of: _UserNames) -> dict[str, Any]:
    return {
        "id": course.id,
        "method": course.method,
        "therapist": name_of(course.therapist_id),
        "programme": course.programme,
        "programme_version": course.programme_version,
        "pack": {"id": course.pack_id, "version": course.pack_version},
        "status": course.status,
        "start_date": day(course.start_date),
        "end_date": day(course.end_date),
        "end_reason": course.end_reason,
        "end_reason_text": course.end_reason_text,
        "chosen_themes": list(course.chosen_themes),
        "dropped_themes": [
            {"theme": theme, "reason": reason} for theme, reason in course.dropped_themes.items()
        ],
        "themes_never_done": [
            {"theme": t.theme, "reason": t.reason, "reason_text": t.words}
            for t in themes_never_done(
                course_theme_states(course), course.dropped_themes, course.status
            )
        ],
        "co_therapists": [
            {
                "user": name_of(c.user_id),
                "granted_at": moment(c.granted_at),
                "granted_by": name_of(c.granted_by_id),
            }
            for c in course.covers
        ],
        "goals": [{"text": g.text, "set_on": day(g.set_on)} for g in course.goals],
        "safety_flags": [
            {
                "session_id": f.session_id,
                "raised_at": moment(f.raised_at),
                "raised_by": name_of(f.raised_by_id),
                "text": f.text,
                "cleared_at": moment(f.cleared_at),
                "cleared_by": name_of(f.cleared_by_id),
                "clear_note": f.clear_note,
            }
            for f in course.safety_flags
        ],
        "status_letters": [
            {
                "after_sessions": letter.after_sessions,
                "text": letter.text,
                "saved_at": moment(letter.saved_at),
                "saved_by": name_of(letter.saved_by_id),
                "printed_on": day(letter.printed_on),
                "counted_kinds": letter.counted_kinds,
            }
            for letter in course.status_letters
        ],
        "plan_history": [
            {
                "at": moment(c.at),
                "by": name_of(c.by_id),
                "kind": c.kind,
                "details": dict(c.details),
                "change": c.change,
                "reason": c.reason,
            }
            for c in course.plan_history
        ],
        "itq": [
            {
                "id": r.id,
                "occasion": r.occasion,
                "date": day(r.date),
                "items": dict(sorted(r.items.items())),
                "result": itq.score(r.items).result.value,
            }
            for r in course.itq
        ],
        "comments": [
            {
                "at": moment(c.at),
                "by": name_of(c.by_id),
                "session_id": c.session_id,
                "text": c.text,
                "read_at": moment(c.read_at),
                "read_by": name_of(c.read_by_id),
            }
            for c in course.comments
        ],
        "sessions": [_session(s, name_of) for s in sorted(course.sessions, key=_session_order)],
    }


def _session_order(s: CourseSession) -> tuple[Any, ...]:
    return (
        s.planned_date is None,
        s.planned_date,
        s.number is None,
        s.number,
        s.id,
    )


def _session(s: CourseSession, name_of: _UserNames) -> dict[str, Any]:
    return {
        "id": s.id,
        "number": s.number,
        "kind": s.kind,
        "extra": s.extra,
        "follow_up_month": s.follow_up_month,
        "theme_id": s.theme_id,
        "planned_date": day(s.planned_date),
        "planned_time": clock(s.planned_time),
        "planned_minutes": s.planned_minutes,
        "date": day(s.date),
        "attendance": s.attendance,
        "note_status": s.note_status,
        "signed_at": moment(s.signed_at),
        "signed_by": name_of(s.signed_by_id),
        "cosigned_at": moment(s.cosigned_at),
        "cosigned_by": name_of(s.cosigned_by_id),
        "agenda_seconds": dict(sorted(s.agenda_seconds.items())),
        "check_in": s.check_in,
        "check_out": s.check_out,
        "quote": s.quote,
        "measures": dict(sorted(s.measures.items())),
        "notes": dict(sorted(s.notes.items())),
        "worksheets_used": s.worksheets_used,
        "commitment": s.commitment,
        "gift_card": {"given": s.gift_card_given, "amount_dkk": s.gift_card_dkk},
        "other_treatment": [
            {"kind": t["kind"], "note": t.get("note", "")} for t in s.other_treatment
        ],
        "not_held_reason": s.not_held_reason,
        "held_by": name_of(s.held_by_id),
        "recorded": s.recorded,
        "recording_file": s.recording_file,
        "addenda": [
            {"at": moment(a.at), "by": name_of(a.by_id), "text": a.text} for a in s.addenda
        ],
    }
