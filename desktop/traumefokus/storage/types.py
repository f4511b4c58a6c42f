"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, stored as naive UTC and always read back as an aware UTC datetime.

    SQLite keeps no time zone; storing UTC everywhere keeps data from several machines
    comparable and the export's ISO 8601 strings unambiguous.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime (UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


_ids: ContextVar[Callable[[], str]] = ContextVar("ids", default=lambda: str(uuid.uuid4()))
_clock: ContextVar[Callable[[], datetime]] = ContextVar("clock", default=lambda: datetime.now(UTC))


def new_id() -> str:
    """A stable string ID (UUID), so that data from several machines can later be combined."""
    return _ids.get()()


def utc_now() -> datetime:
    return _clock.get()()


@contextmanager
def ids_and_clock(ids: Callable[[], str], clock: Callable[[], datetime]) -> Iterator[None]:
    """Let the demo builder decide IDs and time, so that a seed gives the same data."""
    id_token, clock_token = _ids.set(ids), _clock.set(clock)
    try:
        yield
    finally:
        _ids.reset(id_token)
        _clock.reset(clock_token)
