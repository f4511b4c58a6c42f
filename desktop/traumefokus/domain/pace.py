"""Pace in a session: time per agenda point against its target, and the calm hints the
therapist sees when a point runs over, when the theme's time is up, and when the theme gets
less than the programme's minimum for it (its agenda point's `min`)."""

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

    @property
    def about_point(self) -> bool:
        """Said about the point on screen (shown after its title); the theme's hints name the
        theme themselves."""
        return not self.code.startswith("pace.theme_")


def over_target(point: AgendaPoint, seconds: int) -> bool:
    return seconds >= point.target_minutes * 60


def minutes_over(point: AgendaPoint, seconds: int) -> int:
    """Whole minutes past the point's maximum; 0 within it (and in its first minute past)."""
    return max(0, (seconds - point.max_minutes * 60) // 60)


def under_minimum(point: AgendaPoint, seconds: int) -> bool:
    """The point has a minimum (the theme: 30 of 30-40 minutes, say) and had less."""
    return point.min_minutes is not None and seconds < point.min_minutes * 60


def hint(
    points: Sequence[AgendaPoint], seconds: Mapping[str, int], current: str, session_minutes: int
) -> Hint | None:
    """What to say now, if anything.

    On the theme: once it has had its time, how many minutes are left for the check-out (and
    that it ends under its minimum, if it does); before that, when what is left of the session
    cannot give it its minimum. On any point: when it runs past its maximum, by how many
    minutes; after the theme, that the theme was cut short; else when it passes its target.
    """
    by_id = {p.id: p for p in points}
    point = by_id.get(current)
    if point is None:
        return None
    spent = seconds.get(current, 0)
    if current == THEME and CHECK_OUT in by_id:
        found = _theme_hint(point, by_id[CHECK_OUT], seconds, session_minutes)
        if found is not None:
            return found
    over = minutes_over(point, spent)
    if over:
        return Hint("pace.over_max", {"over": over, "max": point.max_minutes})
    cut = theme_cut_short(points, seconds, current)
    if cut is not None:
        return cut
    if over_target(point, spent):
        return Hint("pace.over_target", {"minutes": spent // 60, "target": point.target_minutes})
    return None


def _theme_hint(
    theme: AgendaPoint, check_out: AgendaPoint, seconds: Mapping[str, int], session_minutes: int
) -> Hint | None:
    spent = seconds.get(THEME, 0)
    left = session_minutes - sum(seconds.values()) // 60
    if spent >= theme.max_minutes * 60 or left <= check_out.target_minutes:
        if under_minimum(theme, spent):
            return Hint(
                "pace.theme_time_up_short",
                {"left": max(left, 0), "minutes": spent // 60, "min": theme.min_minutes},
            )
        return Hint("pace.theme_time_up", {"left": max(left, 0)})
    if theme.min_minutes is not None:
        reach = spent // 60 + left - check_out.target_minutes  # if the check-out keeps its time
        if reach < theme.min_minutes:
            return Hint("pace.theme_short", {"reach": reach, "min": theme.min_minutes})
    return None


def theme_cut_short(
    points: Sequence[AgendaPoint], seconds: Mapping[str, int], current: str
) -> Hint | None:
    """On a point after the theme: the theme was left before its minimum."""
    ids = [p.id for p in points]
    if THEME not in ids or current not in ids or ids.index(current) <= ids.index(THEME):
        return None
    theme = points[ids.index(THEME)]
    spent = seconds.get(THEME, 0)
    if not under_minimum(theme, spent):
        return None
    return Hint("pace.theme_cut_short", {"minutes": spent // 60, "min": theme.min_minutes})
