"""What the session's record suggests for the record-based format items of a coder's form
(domain/record_checks.py): a value pre-filled on the form, marked as such, that becomes a
rating only when the coder confirms or changes it.

Which rating: the item's first rating, how much the point was done (SS: adherence; CC: the
item's one rating). A second rating (SS: helpfulness, how well it was done) is not something
the record shows and is never suggested.

Which value, on the part's anchored values (the whole numbers of the range where the part
anchors fewer than three):
- met: the value below the top (0-3: 2, "I høj grad"): the record shows the point was done,
  and in its time, but not how thoroughly; the top is the coder's to give;
- not met, though the point took time (check-in over its maximum, check-out rushed): the
  value above the bottom (1, "I lav grad");
- not met otherwise (not done, nothing noted, no worksheet, no commitment): the bottom (0);
- cannot tell: no suggestion.
A key the coder has already rated or marked is never suggested over.

A suggestion carries the check it came from: only minutes, counts and met or not, never a
text of the note.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from traumefokus.domain.record_checks import Outcome, RecordCheck
from traumefokus.domain.scales import Scale, ScaleItem, ScalePart


@dataclass(frozen=True)
class Suggestion:
    """A value the record suggests for one rating key, and the facts it was judged on."""

    key: str  # "<item>.<rating>", e.g. "check_out.adherence"
    value: int
    check: RecordCheck


def ladder(scale: Scale, part: ScalePart | None) -> tuple[int, ...]:
    """The values a suggestion is chosen among, lowest first: the part's anchored values in
    the scale's range, or every whole number of the range if it anchors fewer than three."""
    anchored = sorted(
        {a.value for a in part.anchors if scale.minimum <= a.value <= scale.maximum}
        if part
        else set()
    )
    if len(anchored) >= 3:
        return tuple(anchored)
    return tuple(range(scale.minimum, scale.maximum + 1))


def suggested_value(scale: Scale, part: ScalePart | None, check: RecordCheck) -> int | None:
    """The value the record suggests for an item's first rating; None when it cannot tell."""
    steps = ladder(scale, part)
    if check.outcome is Outcome.CANNOT_TELL:
        return None
    if check.outcome is Outcome.MET:
        return steps[-2] if len(steps) >= 3 else steps[-1]
    took_time = check.limit_minutes is not None and bool(check.minutes)
    return steps[1] if took_time and len(steps) >= 3 else steps[0]


def suggested_key(item: ScaleItem) -> str | None:
    """The rating of a record-based item the record speaks to: its first."""
    return f"{item.id}.{item.ratings[0].id}" if item.ratings else None


def suggestions(
    scale: Scale, checks: Iterable[tuple[str, RecordCheck]], rated: Collection[str]
) -> tuple[Suggestion, ...]:
    """The suggestions for the (item id, check) pairs of a session, in the form's order,
    leaving out every key in `rated` (already rated or marked by the coder)."""
    parts = {p.id: p for p in scale.parts}
    found: list[Suggestion] = []
    for item_id, check in checks:
        item = scale.item(item_id)
        key = suggested_key(item) if item else None
        if item is None or key is None or key in rated:
            continue
        value = suggested_value(scale, parts.get(item.ratings[0].part), check)
        if value is not None:
            found.append(Suggestion(key, value, check))
    return tuple(found)
