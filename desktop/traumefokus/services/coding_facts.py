"""A sampled session's facts for its coders, the one place they are worked out: the coder's
rating form (services/coding_ratings.py) and the coding export's sample (exports/coding.py)
both show these.

What a coder may know of a session: its pseudonym, method, theme, number in the course, a
date moved by the client's shift, its length (the sum of the time its agenda points were
timed) and planned length, the minutes of each agenda point and the worksheets used. Never a
client code, a name, free text, the therapist or the recording's file name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from traumefokus.domain.content import Version
from traumefokus.domain.vocabulary import Method, SessionKind
from traumefokus.services.acting import Acting
from traumefokus.services.coding_rounds import SampledSession


class Names(Protocol):
    """The pseudonymiser (or an export's caching wrapper of it)."""

    def session(self, session_id: str) -> str: ...

    def day(self, client_id: str, day: date | None) -> date | None: ...


@dataclass(frozen=True)
class AgendaTime:
    point_id: str
    title: str
    minutes: float | None  # None: not timed


@dataclass(frozen=True)
class SessionFacts:
    """A session as a coder may see it: pseudonymised, no free text."""

    pseudonym: str
    method: Method
    theme: str | None  # the theme's title in the course's pack, or its id if the pack is gone
    number: int | None
    day: date | None  # moved by the client's shift
    minutes: float | None  # the timed length
    agenda: tuple[AgendaTime, ...]  # the points of the programme's trauma agenda, in order
    worksheets: tuple[str, ...]  # the titles of the worksheets used
    theme_id: str | None = None
    planned_minutes: int | None = None
    worksheet_ids: tuple[str, ...] = ()
    point_minutes: Mapping[str, float] = field(default_factory=dict)  # every timed point

    def minutes_at(self, point_id: str) -> float | None:
        """The minutes the agenda point was timed (one decimal), None if it was not."""
        return self.point_minutes.get(point_id)


def session_facts(acting: Acting, names: Names, session: SampledSession) -> SessionFacts:
    """What a coder may know of a sampled (trauma) session."""
    pack = acting.library.pack(session.pack_id, Version.parse(session.pack_version))
    theme = pack.theme(session.theme_id) if pack and session.theme_id else None
    programme = acting.library.programme(
        session.programme,
        Version.parse(session.programme_version),
        pack_version=Version.parse(session.pack_version),
    )
    points = programme.agenda.get(SessionKind.TRAUMA, ()) if programme else ()
    timed = {
        point: minutes
        for point, seconds in session.agenda_seconds.items()
        if (minutes := to_minutes(seconds)) is not None
    }
    numbers = [v for v in session.agenda_seconds.values() if _is_number(v)]
    titles = {w.id: w.title for w in theme.worksheets} if theme else {}
    return SessionFacts(
        pseudonym=names.session(session.session_id),
        method=session.method,
        theme=theme.title if theme else session.theme_id,
        number=session.number,
        day=names.day(session.client_id, session.day),
        minutes=to_minutes(sum(numbers)) if numbers else None,
        agenda=tuple(AgendaTime(p.id, p.title, timed.get(p.id)) for p in points),
        worksheets=tuple(titles.get(w, w) for w in session.worksheets),
        theme_id=session.theme_id,
        planned_minutes=session.planned_minutes,
        worksheet_ids=session.worksheets,
        point_minutes=timed,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def to_minutes(seconds: object) -> float | None:
    """Seconds as minutes with one decimal; None for anything that is not a number."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return None
    return round(seconds / 60, 1)
