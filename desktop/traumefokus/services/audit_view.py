"""The audit trail as supervisors and administrators read it: the entries a filter selects
(user, client, action, period), newest first, a page at a time, counted once per filter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from traumefokus.domain.access import Action
from traumefokus.domain.users import normalise_user_name
from traumefokus.services.acting import Acting
from traumefokus.services.audit_trail import client_object_ids
from traumefokus.storage.models import AuditEvent

PAGE = 200


@dataclass(frozen=True)
class AuditQuery:
    user: str | None = None
    client_code: str | None = None
    action: str | None = None
    start: date | None = None  # the first day (local time), included
    end: date | None = None  # the last day, included


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # UTC
    user_name: str | None
    action: str
    object_type: str | None
    object_id: str | None
    details: dict[str, Any]


@dataclass(frozen=True)
class AuditPage:
    total: int
    offset: int
    rows: tuple[AuditRow, ...]


def audit_page(acting: Acting, query: AuditQuery, offset: int = 0, limit: int = PAGE) -> AuditPage:
    """The entries `query` selects, newest first, from `offset`."""
    acting.require(Action.AUDIT)
    where = _conditions(acting, query)
    with acting.db.reading() as tx:
        total = tx.scalar(select(func.count()).select_from(AuditEvent).where(*where)) or 0
        found = tx.scalars(
            select(AuditEvent)
            .where(*where)
            .order_by(AuditEvent.seq.desc())
            .offset(max(0, offset))
            .limit(limit)
        )
        rows = tuple(
            AuditRow(
                e.seq, e.at, e.user_name, e.action, e.object_type, e.object_id, dict(e.details)
            )
            for e in found
        )
    return AuditPage(total, max(0, offset), rows)


def _conditions(acting: Acting, query: AuditQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if query.user:
        where.append(AuditEvent.user_name == normalise_user_name(query.user))
    if query.action:
        where.append(AuditEvent.action == query.action)
    if query.start is not None:
        where.append(AuditEvent.at >= _utc(query.start))
    if query.end is not None:
        where.append(AuditEvent.at < _utc(query.end + timedelta(days=1)))
    if query.client_code:
        _client_id, ids = client_object_ids(acting, query.client_code.strip())
        chunks = [sorted(ids)[i : i + 500] for i in range(0, len(ids), 500)]
        where.append(or_(*(AuditEvent.object_id.in_(chunk) for chunk in chunks)))
    return where


def _utc(day: date) -> datetime:
    """The start of `day` on this computer's clock, in UTC, as the trail keeps time."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)
