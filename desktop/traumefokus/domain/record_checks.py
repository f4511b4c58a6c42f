"""Record-based format items: what one session's own record shows about the format of a trauma
session (check-in done and within its time, a quote used, worksheets used and handed out, a
commitment set, check-out done and not rushed), read from its note and the programme's agenda
targets. A scale file names the rule of each such item (`record_rule`, one of
`scales.RECORD_RULES`).

Each rule gives met, not met or cannot tell, with the facts it was judged on (minutes taken of
the point's target or maximum, worksheets handed out of those used), so that a message can say
"check-out took 2 of 10 minutes". Time is judged in whole minutes, rounded half up, the unit
of the programme's targets, so that what is said never contradicts the verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum

from traumefokus.domain.content import AgendaPoint
from traumefokus.domain.scales import RECORD_RULES
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft

# Check-out is rushed when it took less than this share of its target minutes (the pilot's
# complaint: check-out squeezed into the last minute or two).
CHECK_OUT_MIN_SHARE = 0.5


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    CANNOT_TELL = "cannot_tell"


@dataclass(frozen=True)
class RecordCheck:
    """One rule's verdict over one session's record, with the facts it was judged on."""

    rule: str
    outcome: Outcome
    point: str | None = None  # the agenda point the rule is about
    minutes: int | None = None  # whole minutes the point took (rounded half up)
    target_minutes: int | None = None
    max_minutes: int | None = None
    limit_minutes: float | None = None  # the bound judged against (max, or least not rushed)
    worksheets_used: int | None = None
    handed_out: int | None = None

    @property
    def met(self) -> bool:
        return self.outcome is Outcome.MET


def whole_minutes(seconds: int) -> int:
    """Seconds as whole minutes, rounded half up (2:30 is 3 minutes)."""
    return (seconds + 30) // 60


def check(rule: str, draft: NoteDraft, agenda: Sequence[AgendaPoint]) -> RecordCheck:
    """The verdict of `rule` (one of RECORD_RULES) over the session's note and its agenda."""
    if rule not in _RULES:
        raise ValueError(f"unknown record rule {rule!r}")
    points = {p.id: p for p in agenda}
    return _RULES[rule](draft, points)


def check_all(
    rules: Iterable[str], draft: NoteDraft, agenda: Sequence[AgendaPoint]
) -> tuple[RecordCheck, ...]:
    """The verdicts of `rules`, in their order (the agenda read once for all of them)."""
    points = {p.id: p for p in agenda}
    found = []
    for rule in rules:
        if rule not in _RULES:
            raise ValueError(f"unknown record rule {rule!r}")
        found.append(_RULES[rule](draft, points))
    return tuple(found)


Points = dict[str, AgendaPoint]


def _noted(part: CheckIn | CheckOut, extra: str = "") -> bool:
    """Anything noted in a part of the note (a text, a score or a choice)."""
    values = [*asdict(part).values(), extra]
    return any(v.strip() if isinstance(v, str) else v is not None for v in values)


def _seconds(draft: NoteDraft, point: str) -> int | None:
    return draft.agenda_seconds.get(point)


def _done(point_id: str, noted: bool, rule: str, draft: NoteDraft) -> RecordCheck:
    """Noted: met. Nothing noted but time spent on the point: cannot tell. Neither: not met."""
    seconds = _seconds(draft, point_id)
    minutes = None if seconds is None else whole_minutes(seconds)
    if noted:
        outcome = Outcome.MET
    elif seconds:
        outcome = Outcome.CANNOT_TELL
    else:
        outcome = Outcome.NOT_MET
    return RecordCheck(rule, outcome, point=point_id, minutes=minutes)


Judge = Callable[[int, AgendaPoint], tuple[bool, float]]  # minutes, point: (ok, limit)


def _timed(rule: str, point_id: str, draft: NoteDraft, points: Points, judge: Judge) -> RecordCheck:
    point = points.get(point_id)
    seconds = _seconds(draft, point_id)
    if point is None or seconds is None:
        return RecordCheck(rule, Outcome.CANNOT_TELL, point=point_id)
    minutes = whole_minutes(seconds)
    ok, limit = judge(minutes, point)
    return RecordCheck(
        rule,
        Outcome.MET if ok else Outcome.NOT_MET,
        point=point_id,
        minutes=minutes,
        target_minutes=point.target_minutes,
        max_minutes=point.max_minutes,
        limit_minutes=limit,
    )


def _check_in_done(draft: NoteDraft, points: Points) -> RecordCheck:
    noted = _noted(draft.check_in, draft.notes.get("check_in", ""))
    return _done("check_in", noted, "check_in_done", draft)


def _check_in_within_time(draft: NoteDraft, points: Points) -> RecordCheck:
    """Within the point's maximum minutes, and not skipped (0 minutes is not a check-in)."""
    return _timed(
        "check_in_within_time",
        "check_in",
        draft,
        points,
        lambda minutes, p: (0 < minutes <= p.max_minutes, p.max_minutes),
    )


def _quote_used(draft: NoteDraft, points: Points) -> RecordCheck:
    """The client's reading of the quote noted: met. Only its link to the theme, a note on the
    point or time spent on it: cannot tell. Nothing: not met."""
    seconds = _seconds(draft, "quote")
    minutes = None if seconds is None else whole_minutes(seconds)
    if draft.quote.understanding.strip():
        outcome = Outcome.MET
    elif draft.quote.link.strip() or draft.notes.get("quote", "").strip() or seconds:
        outcome = Outcome.CANNOT_TELL
    else:
        outcome = Outcome.NOT_MET
    return RecordCheck("quote_used", outcome, point="quote", minutes=minutes)


def _worksheets_used(draft: NoteDraft, points: Points) -> RecordCheck:
    used = len(draft.worksheets)
    handed = sum(1 for w in draft.worksheets if w.handed_out)
    outcome = Outcome.MET if used else Outcome.NOT_MET
    return RecordCheck(
        "worksheets_used", outcome, point="theme", worksheets_used=used, handed_out=handed
    )


def _worksheets_handed_out(draft: NoteDraft, points: Points) -> RecordCheck:
    """At least one of the worksheets used was handed out to the client."""
    used = len(draft.worksheets)
    handed = sum(1 for w in draft.worksheets if w.handed_out)
    outcome = Outcome.MET if handed else Outcome.NOT_MET
    return RecordCheck(
        "worksheets_handed_out", outcome, point="theme", worksheets_used=used, handed_out=handed
    )


def _commitment_set(draft: NoteDraft, points: Points) -> RecordCheck:
    outcome = Outcome.MET if draft.commitment.strip() else Outcome.NOT_MET
    return RecordCheck("commitment_set", outcome, point="check_out")


def _check_out_done(draft: NoteDraft, points: Points) -> RecordCheck:
    noted = _noted(draft.check_out, draft.notes.get("check_out", ""))
    return _done("check_out", noted, "check_out_done", draft)


def _check_out_not_rushed(draft: NoteDraft, points: Points) -> RecordCheck:
    """At least CHECK_OUT_MIN_SHARE of the point's target minutes."""

    def judge(minutes: int, point: AgendaPoint) -> tuple[bool, float]:
        least = point.target_minutes * CHECK_OUT_MIN_SHARE
        return minutes > 0 and minutes >= least, least

    return _timed("check_out_not_rushed", "check_out", draft, points, judge)


_RULES: dict[str, Callable[[NoteDraft, Points], RecordCheck]] = {
    "check_in_done": _check_in_done,
    "check_in_within_time": _check_in_within_time,
    "quote_used": _quote_used,
    "worksheets_used": _worksheets_used,
    "worksheets_handed_out": _worksheets_handed_out,
    "commitment_set": _commitment_set,
    "check_out_done": _check_out_done,
    "check_out_not_rushed": _check_out_not_rushed,
}
assert tuple(_RULES) == RECORD_RULES, "every record rule has a check, in the same order"
