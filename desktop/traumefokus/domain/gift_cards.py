"""MOVE's gift cards: the programme says how often (`every` held session of the counted
kinds), how much and how many in all. At check-out the app suggests a card when this session,
if held, is a multiple of `every` among the course's held counted sessions and fewer than
`count` cards were given on the course's other sessions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from traumefokus.domain.vocabulary import Attendance


@dataclass(frozen=True)
class GiftCardSession:
    """One session of the course, as far as the rule cares."""

    id: str
    kind: str
    attendance: str | None
    day: date | None  # the day it was held, else the planned day
    number: int | None
    given: bool | None  # a gift card noted as given (True), not given (False) or neither
    amount_dkk: int | None = None


@dataclass(frozen=True)
class GiftCardRule:
    every: int
    amount_dkk: int
    count: int  # at most this many per course
    kinds: frozenset[str]  # the session kinds that count


@dataclass(frozen=True)
class Suggestion:
    due: bool  # suggest a card at this session
    position: int | None  # this session's place among the counted sessions held, if held
    given_before: int  # cards given at the course's other sessions held
    amount_dkk: int  # the programme's amount


def _order(s: GiftCardSession) -> tuple[date, int, str]:
    return (s.day or date.max, s.number if s.number is not None else 1_000, s.id)


def suggest(rule: GiftCardRule, sessions: Iterable[GiftCardSession], session_id: str) -> Suggestion:
    """Whether to suggest a gift card at session `session_id`, counting it as held."""
    every = list(sessions)
    this = next(s for s in every if s.id == session_id)
    others = [s for s in every if s.id != session_id]
    given_before = sum(1 for s in others if s.given and s.attendance == Attendance.HELD.value)
    if this.kind not in rule.kinds:
        return Suggestion(False, None, given_before, rule.amount_dkk)
    held_before = sum(
        1
        for s in others
        if s.kind in rule.kinds
        and s.attendance == Attendance.HELD.value
        and _order(s) < _order(this)
    )
    position = held_before + 1
    due = (
        rule.every > 0
        and rule.count > 0
        and position % rule.every == 0
        and given_before < rule.count
    )
    return Suggestion(due, position, given_before, rule.amount_dkk)


@dataclass(frozen=True)
class GiftCardTotal:
    given: int
    amount_dkk: int


def given_total(sessions: Iterable[tuple[str | None, bool | None, int | None]]) -> GiftCardTotal:
    """The cards given at a course's held sessions and their sum, from (attendance, given,
    amount) triples (a draft's card counts once its session is recorded as held)."""
    amounts = [
        amount or 0 for attendance, given, amount in sessions if given and attendance == "held"
    ]
    return GiftCardTotal(len(amounts), sum(amounts))
