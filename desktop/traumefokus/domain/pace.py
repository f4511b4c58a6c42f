"""Pace in a session: time per agenda point against its target, and the calm hints the
therapist sees when a point runs over or the theme's time is up."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from traumefokus.domain.content import AgendaPoint

THEME, CHECK_OUT = "theme", "check_out"


@dataclass(frozen=True)
class Hint:
    """A message code (catalogue `pace.*`) and its facts."""

    code: str
    facts: dict[str, object]


def over_target(point: AgendaPoint, seconds: int) -> bool:
    return seconds >= point.target_minutes * 60


def hint(
    points: Sequence[AgendaPoint], seconds: Mapping[str, int], current: str, session_minutes: int
) -> Hint | None:
    """What to say now, if anything. Once the theme has had its time, say how many minutes
    are left for the check-out; otherwise, when the current point passes its target, say so."""
    by_id = {p.id: p for p in points}
    point = by_id.get(current)
    if point is None:
        return None
    spent = seconds.get(current, 0)
    if current == THEME and CHECK_OUT in by_id:
        left = session_minutes - sum(seconds.values()) // 60
        theme_done = spent >= point.max_minutes * 60
        if theme_done or left <= by_id[CHECK_OUT].target_minutes:
            return Hint("pace.theme_time_up", {"left": max(left, 0)})
    if over_target(point, spent):
        return Hint("pace.over_target", {"minutes": spent // 60, "target": point.target_minutes})
    return None
