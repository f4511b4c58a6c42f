"""What a supervisor does with coding rounds beside drawing them (services/coding_rounds.py):
see how many sessions a new round could draw from, choose among the active coders, and close
a round once its results stand.

Closing a round takes it out of its coders' queues; its ratings no longer change (saving,
submitting and importing a rating refuse, services/coding_ratings.py and coding_import.py);
drafts stay as they are and, as before, do not count in its results. A closed round stays in
the list with its results and can still be exported; it is not opened again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from traumefokus.domain.access import Action
from traumefokus.domain.vocabulary import Method, RatingStatus, Role, RoundStatus
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.coding_rounds import _named, eligible_sessions
from traumefokus.storage.models import CodingRating, User


@dataclass(frozen=True)
class CoderChoice:
    """An active coder a round may name: the user name and, for the supervisor's eyes, the
    full name."""

    name: str
    full_name: str | None


def eligible_count(
    acting: Acting, method: Method | str, start: date, end: date, *, today: date | None = None
) -> int:
    """How many sessions a round of `method` over start..end drawn today could sample (the
    rules of `create_round`); 0 for a reversed period."""
    try:
        chosen = Method(method)
    except ValueError:
        raise InvalidInput("coding.method", method=method) from None
    acting.require(Action.MANAGE_CODING)
    if start > end:
        return 0
    with acting.db.reading() as tx:
        return len(eligible_sessions(tx, chosen, start, end, today or date.today()))


def coder_choices(acting: Acting) -> list[CoderChoice]:
    """The active coders, by user name, whom a new round may name."""
    acting.require(Action.MANAGE_CODING)
    with acting.db.reading() as tx:
        users = tx.scalars(
            select(User)
            .where(User.role == Role.CODER.value, User.active.is_(True))
            .order_by(User.name)
        )
        return [CoderChoice(u.name, u.full_name) for u in users]


@dataclass(frozen=True)
class Closed:
    name: str
    submitted: int  # ratings submitted: the round's results
    drafts: int  # ratings saved but never submitted: left out


def close_round(acting: Acting, name: str) -> Closed:
    """Close the round called `name` (any case): its results stand. Audited, with how many
    ratings were submitted and how many drafts are left behind. A round already closed is
    refused."""
    name = name.strip()
    acting.require(Action.MANAGE_CODING)
    with acting.transaction() as tx:
        found = _named(tx, name)
        if found is None:
            raise InvalidInput("coding.round_unknown", name=name)
        if found.status == RoundStatus.CLOSED.value:
            raise Refused("coding.already_closed", name=found.name)
        counts = dict(
            tx.execute(
                select(CodingRating.status, func.count())
                .where(CodingRating.round_id == found.id)
                .group_by(CodingRating.status)
            ).all()
        )
        closed = Closed(
            found.name,
            int(counts.get(RatingStatus.SUBMITTED.value, 0)),
            int(counts.get(RatingStatus.DRAFT.value, 0)),
        )
        found.status = RoundStatus.CLOSED.value
        tx.flush()
        audit.record(
            tx,
            acting.actor,
            "coding.close",
            object_type="coding_round",
            object_id=found.id,
            submitted=closed.submitted,
            drafts=closed.drafts,
        )
        return closed
