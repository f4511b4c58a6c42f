"""A coding round's results, for supervisors and administrators (`Action.CODING_RESULTS`): the
figures of domain/coding_results.py computed from the round's SUBMITTED ratings, and the
comparison with the other rounds of the same method.

Drafts do not count: a draft is a rating still being typed (it may lack items or change), so
the figures are those of submitted ratings only; how many drafts there are is said beside
them. Agreement (ICC(2,1) on session means, per part) is computed between the round's coders
who have submitted at least one rating, over the sessions every one of them rated in the part;
where it cannot be computed the reason is given. The comparison has one row per round of the
same method with at least one submitted rating, in the order of their periods: n and the mean
per part, each round computed on its own scale version.

Set-based: one query for the rounds of the method and one for all their submitted ratings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from traumefokus.domain.access import Action
from traumefokus.domain.coding_results import (
    CoderRating,
    Icc,
    RoundResults,
    coder_means,
    round_results,
)
from traumefokus.domain.scales import Scale
from traumefokus.domain.vocabulary import RatingStatus
from traumefokus.services import audit, coding_ratings
from traumefokus.services.acting import Acting
from traumefokus.services.coding_rounds import RoundView, get_round, list_rounds
from traumefokus.storage.models import CodingRating, CodingRound


class NoAgreement(StrEnum):
    """Why the agreement of a part cannot be computed."""

    ONE_CODER = "one_coder"  # fewer than two coders have submitted ratings
    FEW_SESSIONS = "few_sessions"  # fewer than two sessions rated in the part by every coder
    NO_VARIANCE = "no_variance"  # every session mean the same: ICC undefined


@dataclass(frozen=True)
class Agreement:
    part: str
    sessions: int  # sessions every coder gave a mean in this part
    coders: int  # coders with submitted ratings
    icc: Icc | None
    missing: NoAgreement | None  # why icc is None


@dataclass(frozen=True)
class ComparedRound:
    """One row of the comparison between rounds: n (sessions) and the mean per part."""

    name: str
    start: date
    end: date
    n: int
    means: Mapping[str, float | None]
    current: bool  # the round the results are of


@dataclass(frozen=True)
class Results:
    round: RoundView
    scale: Scale
    submitted: int  # submitted ratings counted
    drafts: int  # saved, not submitted: not counted
    rated: int  # sessions with at least one submitted rating
    complete: int  # sessions every coder of the round has submitted
    figures: RoundResults | None  # None: no submitted rating yet
    agreement: tuple[Agreement, ...]
    comparison: tuple[ComparedRound, ...]
    parts: tuple[tuple[str, str], ...]  # the comparison's parts: (id, title), in order

    @property
    def has_ratings(self) -> bool:
        return self.figures is not None


@dataclass(frozen=True)
class RoundProgress:
    """A round in the list of rounds: how far its coders have come."""

    round: RoundView
    rated: int  # sessions with at least one submitted rating
    complete: int  # sessions every coder has submitted
    drafts: int  # ratings saved but not submitted


def coding_results(acting: Acting, name: str) -> Results:
    """The results of the round called `name` (InvalidInput if there is none)."""
    acting.require(Action.CODING_RESULTS)
    found = get_round(acting, name)
    with acting.db.reading() as tx:
        rounds = tx.execute(
            select(
                CodingRound.id,
                CodingRound.name,
                CodingRound.start,
                CodingRound.end,
                CodingRound.scale_id,
                CodingRound.scale_version,
            ).where(CodingRound.method == found.method.value)
        ).all()
        rows = tx.execute(
            select(
                CodingRating.round_id,
                CodingRating.session_id,
                CodingRating.coder_id,
                CodingRating.ratings,
            )
            .join(CodingRound, CodingRound.id == CodingRating.round_id)
            .where(
                CodingRound.method == found.method.value,
                CodingRating.status == RatingStatus.SUBMITTED.value,
            )
        ).all()
        drafts = tx.scalar(
            select(func.count())
            .select_from(CodingRating)
            .where(
                CodingRating.round_id == found.id,
                CodingRating.status == RatingStatus.DRAFT.value,
            )
        )
    by_round: dict[str, list[CoderRating]] = defaultdict(list)
    for round_id, session_id, coder_id, values in rows:
        by_round[round_id].append(CoderRating(session_id, coder_id, _values(values)))
    scales: dict[tuple[str, str], Scale] = {}

    def scale_of(scale_id: str, version: str) -> Scale:
        if (scale_id, version) not in scales:
            scales[scale_id, version] = coding_ratings.round_scale(acting, scale_id, version)
        return scales[scale_id, version]

    scale = scale_of(found.scale_id, found.scale_version)
    mine = by_round.get(found.id, [])
    coders = _coders_who_rated(found, mine)
    figures = round_results(scale, mine, coders) if mine else None
    compared: list[ComparedRound] = []
    part_titles = {p.id: p.title for p in scale.parts}
    for round_id, round_name, start, end, scale_id, version in sorted(
        rounds, key=lambda r: (r.start, r.end, r.name)
    ):
        ratings = by_round.get(round_id, [])
        if not ratings:
            continue
        other = scale_of(scale_id, version)
        for p in other.parts:
            part_titles.setdefault(p.id, p.title)
        done = round_results(other, ratings, ())
        means = {p.part: p.mean for p in done.parts}
        compared.append(
            ComparedRound(round_name, start, end, done.sessions, means, round_id == found.id)
        )
    return Results(
        round=found,
        scale=scale,
        submitted=len(mine),
        drafts=int(drafts or 0),
        rated=len({r.session_id for r in mine}),
        complete=_complete(found, [(r.session_id, r.coder_id) for r in mine]),
        figures=figures,
        agreement=_agreement(scale, mine, coders, figures),
        comparison=tuple(compared),
        parts=tuple(part_titles.items()),
    )


def record_results(acting: Acting, found: RoundView, form: str) -> None:
    """The audit trail: who exported or printed a round's results (csv, xlsx, pdf)."""
    acting.require(Action.CODING_RESULTS)
    with acting.transaction() as tx:
        audit.record(
            tx,
            acting.actor,
            "export.coding_results",
            object_type="coding_round",
            object_id=found.id,
            format=form,
        )


def rounds_progress(acting: Acting) -> list[RoundProgress]:
    """Every round, newest first, with how many of its sessions are rated and complete."""
    acting.require(Action.CODING_RESULTS)
    rounds = list_rounds(acting)
    with acting.db.reading() as tx:
        rows = tx.execute(
            select(
                CodingRating.round_id,
                CodingRating.session_id,
                CodingRating.coder_id,
                CodingRating.status,
            )
        ).all()
    submitted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    drafts: Counter[str] = Counter()
    for round_id, session_id, coder_id, status in rows:
        if status == RatingStatus.SUBMITTED.value:
            submitted[round_id].append((session_id, coder_id))
        else:
            drafts[round_id] += 1
    return [
        RoundProgress(
            r,
            rated=len({session for session, _coder in submitted[r.id]}),
            complete=_complete(r, submitted[r.id]),
            drafts=drafts[r.id],
        )
        for r in rounds
    ]


def _values(stored: Any) -> dict[str, Any]:
    return dict(stored) if isinstance(stored, dict) else {}


def _coders_who_rated(found: RoundView, ratings: Sequence[CoderRating]) -> tuple[str, ...]:
    """The round's coders with at least one submitted rating, in the round's order (then any
    other coder who rated, by id: a coder taken off the round keeps their ratings)."""
    rated = {r.coder_id for r in ratings}
    named = [c.id for c in found.coders if c.id in rated]
    return (*named, *sorted(rated - set(named)))


def _complete(found: RoundView, rated: Sequence[tuple[str, str]]) -> int:
    """Sessions that every coder of the round has submitted."""
    coders = {c.id for c in found.coders}
    if not coders:
        return 0
    by_session: dict[str, set[str]] = defaultdict(set)
    for session, coder in rated:
        by_session[session].add(coder)
    return sum(1 for done in by_session.values() if coders <= done)


def _agreement(
    scale: Scale,
    ratings: Sequence[CoderRating],
    coders: Sequence[str],
    figures: RoundResults | None,
) -> tuple[Agreement, ...]:
    if figures is None:
        return ()
    per_coder = coder_means(scale, ratings)
    sessions = {session for session, _coder in per_coder}
    found = []
    for part in scale.parts:
        both = sum(
            1
            for s in sessions
            if all(per_coder.get((s, c), {}).get(part.id) is not None for c in coders)
        )
        icc = figures.agreement.get(part.id)
        missing = None
        if icc is None:
            if len(coders) < 2:
                missing = NoAgreement.ONE_CODER
            elif both < 2:
                missing = NoAgreement.FEW_SESSIONS
            else:
                missing = NoAgreement.NO_VARIANCE
        found.append(Agreement(part.id, both if len(coders) >= 2 else 0, len(coders), icc, missing))
    return tuple(found)
