"""The records export's content: the complete data in the vocabulary of DESIGN.md.

Everything is sorted, so that two exports of the same data differ only in `exported_at`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

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


def collect_records(
    acting: Acting, *, client_code: str | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """The records document; with `client_code`, one client's data (a copy for the client)
    and only the users it names."""
    acting.require(Action.EXPORT_RECORDS)
    courses = selectinload(Client.courses)
    query = (
        select(Client)
        .options(
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
        .order_by(Client.code)
    )
    if client_code is not None:
        query = query.where(Client.code == client_code)

    with acting.transaction() as tx:
        users = {user.id: user for user in tx.scalars(select(User))}
        clients = list(tx.scalars(query))
        if client_code is not None and not clients:
            raise InvalidInput("export.client_unknown", code=client_code)
        names = _UserNames(users)
        document_clients = [_client(client, names) for client in clients]
        listed = users.values() if client_code is None else names.used
        audit.record(
            tx,
            acting.actor,
            "export.records",
            object_type="client" if client_code else None,
            object_id=clients[0].id if client_code else None,
            clients=len(clients),
            sessions=count_sessions(document_clients),
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": moment(now or utc_now()),
        "users": [
            {
                "name": u.name,
                "role": u.role,
                "active": u.active,
                "full_name": u.full_name,
                "title": u.title,
            }
            for u in sorted(listed, key=lambda u: u.name)
        ],
        "clients": document_clients,
    }


def count_sessions(clients: list[dict[str, Any]]) -> int:
    return sum(len(course["sessions"]) for client in clients for course in client["courses"])


class _UserNames:
    """User ids to names, remembering which users the document mentions."""

    def __init__(self, users: dict[str, User]) -> None:
        self._users = users
        self.used: set[User] = set()

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
