"""Adherence and fidelity scales as data (`resources/scales/*.toml`, loaded by
content/scales.py): the Seeking Safety Adherence Scale and the Creating Change fidelity scale,
or the official forms a centre loads in their place.

A scale has parts (what a round's figures are reported by: SS interventions and processes; CC
format/structure, method, therapeutic skills, overall), groups (SS: format, content,
process), and items. An item is rated once or twice (SS: adherence and helpfulness); each
rating belongs to a part. A rating is a value in the scale's range (in half points where the
scale allows them), "na" (not applicable) or "cant_rate", each where the scale allows it.
A rating's key is "<item id>.<rating id>", e.g. "F1.adherence".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from traumefokus.domain.content import Version
from traumefokus.domain.vocabulary import Method

NOT_APPLICABLE = "na"
CANT_RATE = "cant_rate"

# The score sheet's header fields a scale may name, in the order a form prints them. The
# program fills them from the (pseudonymised) session and the coder, so a scale chooses among
# these rather than inventing its own.
HEADER_FIELDS = (
    "clinician",
    "client_id",
    "date",
    "session_topic",
    "site",
    "session_minutes",
    "rater_id",
)

# The rules a record-based format item may name: what the session's own record shows about
# it (check-in within its time, a quote used, ...), computed for every signed trauma session.
RECORD_RULES = (
    "check_in_done",
    "check_in_within_time",
    "quote_used",
    "worksheets_used",
    "worksheets_handed_out",
    "commitment_set",
    "check_out_done",
    "check_out_not_rushed",
)


@dataclass(frozen=True)
class Anchor:
    value: int
    label: str


@dataclass(frozen=True)
class ScalePart:
    id: str
    title: str
    anchors: tuple[Anchor, ...]  # the labels of the values, as the form prints them


@dataclass(frozen=True)
class ScaleGroup:
    id: str
    title: str


@dataclass(frozen=True)
class ItemRating:
    id: str  # "adherence", "helpfulness", or "rating" for an item rated once
    part: str  # the part whose figures it counts in


@dataclass(frozen=True)
class ScaleItem:
    id: str
    text: str
    group: str | None
    ratings: tuple[ItemRating, ...]
    official: bool  # False: a generic wording, to be completed from the official form
    record_rule: str | None = None  # a record-based format item: the rule over the record

    def rating_keys(self) -> tuple[str, ...]:
        return tuple(f"{self.id}.{r.id}" for r in self.ratings)


@dataclass(frozen=True)
class Scale:
    id: str
    version: Version
    method: Method
    title: str
    language: str
    source: str
    minimum: int
    maximum: int
    half_points: bool
    allows_na: bool
    allows_cant_rate: bool
    parts: tuple[ScalePart, ...]
    groups: tuple[ScaleGroup, ...]
    items: tuple[ScaleItem, ...]
    header_fields: tuple[str, ...]  # the score sheet's header: clinician, client ID, date …
    path: Path | None = None

    def rating_keys(self) -> tuple[str, ...]:
        """Every rating's key, in the form's order."""
        return tuple(k for item in self.items for k in item.rating_keys())

    def part_of(self, key: str) -> str:
        item_id, rating_id = key.split(".", 1)
        item = next(i for i in self.items if i.id == item_id)
        return next(r.part for r in item.ratings if r.id == rating_id)

    def item(self, item_id: str) -> ScaleItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def values(self) -> tuple[float, ...]:
        """The numeric values a rating may take, lowest first (half points where allowed)."""
        step = 2 if not self.half_points else 1
        return tuple(v / 2 for v in range(self.minimum * 2, self.maximum * 2 + 1, step))

    def accepts(self, value: float | str) -> bool:
        """Whether `value` is a rating this scale allows: a value of its range, "na" or
        "cant_rate" where the scale allows them."""
        if value == NOT_APPLICABLE:
            return self.allows_na
        if value == CANT_RATE:
            return self.allows_cant_rate
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return float(value) in self.values()

    def keys_of_part(self, part_id: str) -> tuple[str, ...]:
        """The keys of the ratings that count in a part, in the form's order."""
        return tuple(
            f"{item.id}.{r.id}" for item in self.items for r in item.ratings if r.part == part_id
        )
