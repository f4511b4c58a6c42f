"""The record-based format items added up per therapist and month: for each item's rule, how
many signed, held trauma sessions met it, did not, and could not be told
(domain/record_checks.py judges each session). The supervision overview draws them as a chart
and prints them as tables. No I/O.

The share met is of the sessions that could be told (met and not met): a session whose record
cannot tell says nothing either way, and is counted on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from traumefokus.domain.record_checks import Outcome
from traumefokus.domain.scales import RECORD_RULES


@dataclass(frozen=True)
class Tally:
    """How many sessions met an item, did not, and could not be told."""

    met: int = 0
    not_met: int = 0
    cannot_tell: int = 0

    @property
    def sessions(self) -> int:
        return self.met + self.not_met + self.cannot_tell

    @property
    def told(self) -> int:
        return self.met + self.not_met

    @property
    def share_met(self) -> float | None:
        """Met out of the sessions that could be told; None when none could."""
        return self.met / self.told if self.told else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.met + other.met,
            self.not_met + other.not_met,
            self.cannot_tell + other.cannot_tell,
        )


def total(tallies: Iterable[Tally]) -> Tally:
    found = Tally()
    for tally in tallies:
        found += tally
    return found


def month_of(day: date) -> date:
    """The month of a day, as its first day."""
    return day.replace(day=1)


def months_between(first: date, last: date) -> tuple[date, ...]:
    """The months from `first`'s to `last`'s, both included, each as its first day; none if
    `last` comes before `first`'s month."""
    found = []
    month = month_of(first)
    while month <= last:
        found.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return tuple(found)


@dataclass(frozen=True)
class Verdict:
    """One rule's outcome over one session of a therapist, on the day it was held."""

    rule: str
    therapist: str
    day: date
    outcome: Outcome


@dataclass(frozen=True)
class TherapistRow:
    """One therapist's tallies of one rule, a tally per month of the chart."""

    therapist: str
    months: tuple[Tally, ...]

    @property
    def total(self) -> Tally:
        return total(self.months)


@dataclass(frozen=True)
class RuleChart:
    """One rule: a row per therapist."""

    rule: str
    rows: tuple[TherapistRow, ...]

    @property
    def by_month(self) -> tuple[Tally, ...]:
        """Every therapist together, month by month."""
        return tuple(total(column) for column in zip(*(r.months for r in self.rows), strict=True))

    @property
    def total(self) -> Tally:
        return total(r.total for r in self.rows)


def add_up(
    verdicts: Iterable[Verdict],
    months: Sequence[date],
    therapists: Sequence[str],
    rules: Iterable[str] = (),
) -> tuple[RuleChart, ...]:
    """The verdicts per rule, therapist and month: a chart per rule among `rules` or judged
    in some verdict (in the order of RECORD_RULES), a row per therapist of `therapists` (in
    that order, whether or not they have a session), a tally per month of `months` (first
    days). A verdict of a therapist or month not asked for is left out."""
    counts: Counter[tuple[str, str, date, Outcome]] = Counter()
    judged = set(rules)
    for v in verdicts:
        judged.add(v.rule)
        counts[v.rule, v.therapist, month_of(v.day), v.outcome] += 1
    order = {rule: i for i, rule in enumerate(RECORD_RULES)}
    charts = []
    for rule in sorted(judged, key=lambda r: (order.get(r, len(order)), r)):
        rows = tuple(
            TherapistRow(
                therapist,
                tuple(
                    Tally(
                        counts[rule, therapist, month, Outcome.MET],
                        counts[rule, therapist, month, Outcome.NOT_MET],
                        counts[rule, therapist, month, Outcome.CANNOT_TELL],
                    )
                    for month in months
                ),
            )
            for therapist in therapists
        )
        charts.append(RuleChart(rule, rows))
    return tuple(charts)
