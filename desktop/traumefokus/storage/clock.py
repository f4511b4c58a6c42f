"""Ids and the clock of every row and audit entry: one place, so that the demo builder can
decide both (a seed gives the same data), and light, so that the sign-in's first steps can
use them before SQLAlchemy is loaded."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

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
