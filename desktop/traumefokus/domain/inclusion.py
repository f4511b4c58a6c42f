"""Inclusion: the pilot took in clients with clinical or subclinical PTSD. An ITQ at the
assessment that shows neither (the result "none") marks the course with a warning until the
therapist confirms going on. The confirmation is a plan change of its own kind, naming the
ITQ it answers: a later assessment ITQ that again shows no PTSD symptoms asks again.

The ITQ that counts is the latest one taken at the assessment; follow-up ITQs do not count,
and an incomplete ITQ shows nothing either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from traumefokus.domain.itq import score
from traumefokus.domain.vocabulary import ItqOccasion, ItqResult

CONFIRMED = "inclusion_confirmed"  # the plan-history kind of the confirmation


class ItqLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def occasion(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def items(self) -> Mapping[str, Any]: ...


class ChangeLike(Protocol):
    @property
    def at(self) -> datetime: ...
    @property
    def by(self) -> Any: ...  # the user who made the change
    @property
    def kind(self) -> str: ...
    @property
    def details(self) -> Mapping[str, Any]: ...
    @property
    def reason(self) -> str | None: ...


@dataclass(frozen=True)
class Inclusion:
    """The assessment ITQ (`itq_id`, taken `itq_date`) shows no PTSD symptoms; who confirmed
    going on with the course, when and why, once someone has."""

    itq_id: str
    itq_date: date
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    reason: str | None = None

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


def screening_itq(records: Iterable[ItqLike]) -> ItqLike | None:
    """The ITQ inclusion is judged by: the latest taken at the assessment."""
    assessments = [r for r in records if r.occasion == ItqOccasion.ASSESSMENT.value]
    return sorted(assessments, key=lambda r: r.date)[-1] if assessments else None


def inclusion_question(
    records: Iterable[ItqLike],
    changes: Iterable[ChangeLike],
    who: Callable[[Any], str],
) -> Inclusion | None:
    """The inclusion question of a course with these ITQs and plan changes, or None when
    there is none (no assessment ITQ yet, or one that shows PTSD symptoms or is incomplete).
    `who` names the user behind a confirmation."""
    record = screening_itq(records)
    if record is None or score(record.items).result is not ItqResult.NONE:
        return None
    confirmation = next(
        (
            c
            for c in reversed(list(changes))
            if c.kind == CONFIRMED and c.details.get("itq") == record.id
        ),
        None,
    )
    if confirmation is None:
        return Inclusion(record.id, record.date)
    return Inclusion(
        record.id, record.date, who(confirmation.by), confirmation.at, confirmation.reason
    )
