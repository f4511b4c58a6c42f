"""A coder's rating of one session on a scale (`domain/scales.py`): which values a rating may
take, when a rating is complete, and how a cell of a filled rating sheet reads.

A rating maps a rating key ("F1.adherence") to a value on the scale (in half points where the
scale allows them), "na" or "cant_rate" where the scale allows them; a key not yet rated is
absent. Notes on strengths and weaknesses go beside it. A rating is complete when every key of
the scale has a value or a mark.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from traumefokus.domain.scales import CANT_RATE, NOT_APPLICABLE, Scale
from traumefokus.errors import InvalidInput

MAX_NOTE = 5000  # characters per note
NOTE_FIELDS = ("strengths", "weaknesses")
SHEET_CANT_RATE = "NA"  # how a rating sheet marks "can't rate"

Value = int | float | str
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


@dataclass(frozen=True)
class RatingDraft:
    """What a coder has typed so far."""

    ratings: Mapping[str, Value] = field(default_factory=dict)
    strengths: str = ""
    weaknesses: str = ""

    def notes(self) -> dict[str, str]:
        return {"strengths": self.strengths, "weaknesses": self.weaknesses}


def check_value(scale: Scale, key: str, value: object) -> Value:
    """`value` as stored for `key`, or InvalidInput saying why it cannot be."""
    if key not in scale.rating_keys():
        raise InvalidInput("rating.unknown_key", key=key)
    if value == NOT_APPLICABLE:
        if not scale.allows_na:
            raise InvalidInput("rating.na_not_allowed", key=key)
        return NOT_APPLICABLE
    if value == CANT_RATE:
        if not scale.allows_cant_rate:
            raise InvalidInput("rating.cant_rate_not_allowed", key=key)
        return CANT_RATE
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput("rating.not_a_value", key=key, value=str(value))
    if not scale.minimum <= value <= scale.maximum:
        raise InvalidInput(
            "rating.out_of_range",
            key=key,
            value=str(value),
            minimum=scale.minimum,
            maximum=scale.maximum,
        )
    doubled = value * 2
    if doubled != int(doubled) or (not scale.half_points and value != int(value)):
        code = "rating.half_points" if scale.half_points else "rating.whole_points"
        raise InvalidInput(code, key=key, value=str(value))
    return int(value) if value == int(value) else float(value)


def clean(scale: Scale, draft: RatingDraft) -> tuple[dict[str, Value], dict[str, str]]:
    """The ratings and notes of `draft` as stored, in the scale's order; InvalidInput for the
    first value or note that cannot be stored."""
    ratings = {k: check_value(scale, k, v) for k, v in draft.ratings.items()}
    ordered = {k: ratings[k] for k in scale.rating_keys() if k in ratings}
    notes = draft.notes()
    for note in notes.values():
        if len(note) > MAX_NOTE:
            raise InvalidInput("rating.note_too_long", limit=MAX_NOTE, length=len(note))
    return ordered, {k: v for k, v in notes.items() if v.strip()}


def missing(scale: Scale, ratings: Mapping[str, object]) -> tuple[str, ...]:
    """The keys not yet rated or marked, in the form's order."""
    return tuple(k for k in scale.rating_keys() if k not in ratings)


def read_cell(text: str) -> Value | None:
    """A rating sheet's cell: empty (not rated) is None, `NA` is "can't rate", a number may use
    a decimal point or a decimal comma. InvalidInput "rating.not_a_value" otherwise; the range
    is `check_value`'s to judge."""
    cell = text.strip()
    if not cell:
        return None
    if cell.upper() == SHEET_CANT_RATE:
        return CANT_RATE
    if not _NUMBER.fullmatch(cell):
        raise InvalidInput("rating.not_a_value", key="", value=cell)
    number = float(cell.replace(",", "."))
    return int(number) if number == int(number) else number
