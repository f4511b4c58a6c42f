"""Importing a filled rating sheet into a round (`coding import`): one row per session
pseudonym and coder (their pseudonym, as the export's `ratings.csv` names them, or their user
name), one column per rating key (values in the scale's range, in half points
where it allows them, a decimal point or comma, empty for not rated, `NA` for can't rate), and
optionally the notes `strengths` and `weaknesses`.

The whole sheet is checked before anything is saved: the first problem refuses it, naming the
line, the column and the reason, and nothing changes. A complete row is saved submitted, any
other rated row as a draft; an empty row is left alone. A rating its coder has already
submitted does not change: the same values again are passed over, other values refuse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from traumefokus.domain import coding_ratings
from traumefokus.domain.access import Action
from traumefokus.domain.coding_ratings import NOTE_FIELDS, Value
from traumefokus.domain.pseudonyms import Pseudonymiser
from traumefokus.domain.scales import Scale
from traumefokus.domain.users import normalise_user_name
from traumefokus.domain.vocabulary import RatingStatus, RoundStatus
from traumefokus.errors import InvalidInput, Refused, TraumefokusError
from traumefokus.services import audit
from traumefokus.services import coding_ratings as rating_service
from traumefokus.services.acting import Acting
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import CodingRating, CodingRound, User

SESSION, CODER = "session", "coder"


@dataclass(frozen=True)
class SheetRow:
    line: int  # in the file, for the messages
    cells: Sequence[str]  # in the header's order


@dataclass(frozen=True)
class Sheet:
    name: str  # the file, for the messages
    header: Sequence[str]
    rows: Iterable[SheetRow]


@dataclass(frozen=True)
class ImportResult:
    submitted: int = 0
    drafts: int = 0
    unchanged: int = 0


@dataclass
class _Row:
    line: int
    session_id: str
    coder_id: str
    ratings: dict[str, Value]
    notes: dict[str, str] = field(default_factory=dict)


def import_ratings(acting: Acting, round_name: str, sheet: Sheet) -> ImportResult:
    """Save the sheet's ratings in the round `round_name`, all or none."""
    acting.require(Action.MANAGE_CODING)
    names = pseudonymiser(acting.db)  # made first: its key may need a transaction of its own
    with acting.transaction() as tx:
        round_ = tx.scalar(select(CodingRound).where(CodingRound.name == round_name.strip()))
        if round_ is None:
            raise InvalidInput("rating_import.unknown_round", round=round_name)
        if round_.status != RoundStatus.OPEN.value:
            raise Refused("rating.round_closed", round=round_.name)
        scale = rating_service.round_scale(acting, round_.scale_id, round_.scale_version)
        rows = _read(tx, names, round_, scale, sheet)
        existing = {
            (r.session_id, r.coder_id): r
            for r in tx.scalars(select(CodingRating).where(CodingRating.round_id == round_.id))
        }
        result = _save(tx, round_.id, scale, rows, existing, sheet.name)
        audit.record(
            tx,
            acting.actor,
            "coding.import",
            object_type="coding_round",
            object_id=round_.id,
            submitted=result.submitted,
            drafts=result.drafts,
            unchanged=result.unchanged,
        )
        return result


def _read(
    tx: Session, names: Pseudonymiser, round_: CodingRound, scale: Scale, sheet: Sheet
) -> list[_Row]:
    header = [h.strip() for h in sheet.header]
    keys = set(scale.rating_keys())
    for at, column in enumerate(header):
        if column not in keys | {SESSION, CODER, *NOTE_FIELDS}:
            raise _problem(sheet.name, 1, column or str(at + 1), "rating_import.unknown_column")
        if header.index(column) != at:
            raise _problem(sheet.name, 1, column, "rating_import.repeated_column")
    for needed in (SESSION, CODER):
        if needed not in header:
            raise _problem(sheet.name, 1, needed, "rating_import.missing_column")
    sessions = {names.session(s.session_id): s.session_id for s in round_.samples}
    coders: dict[str, str] = {}  # the coder's pseudonym (as the export writes it) or name
    for user in tx.scalars(select(User).where(User.id.in_(round_.coder_ids))):
        coders[names.user(user.id)] = coders[normalise_user_name(user.name)] = user.id
    rows: list[_Row] = []
    seen: set[tuple[str, str]] = set()
    for row in sheet.rows:
        cells = dict(
            zip(header, [*row.cells, *[""] * (len(header) - len(row.cells))], strict=False)
        )
        if len(row.cells) > len(header) and any(c.strip() for c in row.cells[len(header) :]):
            raise _problem(sheet.name, row.line, str(len(header) + 1), "rating_import.extra_cell")
        if not any(v.strip() for v in cells.values()):
            continue  # a blank line
        session_id = sessions.get(cells[SESSION].strip())
        if session_id is None:
            raise _problem(sheet.name, row.line, SESSION, "rating_import.unknown_session")
        coder_id = coders.get(cells[CODER].strip()) or coders.get(normalise_user_name(cells[CODER]))
        if coder_id is None:
            raise _problem(sheet.name, row.line, CODER, "rating_import.unknown_coder")
        if (session_id, coder_id) in seen:
            raise _problem(sheet.name, row.line, SESSION, "rating_import.repeated_row")
        seen.add((session_id, coder_id))
        ratings: dict[str, Value] = {}
        for key in scale.rating_keys():
            if key not in cells:
                continue
            try:
                value = coding_ratings.read_cell(cells[key])
                if value is not None:
                    ratings[key] = coding_ratings.check_value(scale, key, value)
            except InvalidInput as exc:
                raise _problem(sheet.name, row.line, key, exc) from exc
        notes = {n: cells[n].strip() for n in NOTE_FIELDS if n in cells and cells[n].strip()}
        for name, note in notes.items():
            if len(note) > coding_ratings.MAX_NOTE:
                limit = InvalidInput(
                    "rating.note_too_long", limit=coding_ratings.MAX_NOTE, length=len(note)
                )
                raise _problem(sheet.name, row.line, name, limit)
        if ratings or notes:
            rows.append(_Row(row.line, session_id, coder_id, ratings, notes))
    return rows


def _save(
    tx: Session,
    round_id: str,
    scale: Scale,
    rows: list[_Row],
    existing: dict[tuple[str, str], CodingRating],
    file: str,
) -> ImportResult:
    submitted = drafts = unchanged = 0
    for row in rows:
        rating = existing.get((row.session_id, row.coder_id))
        if rating is not None and rating.status == RatingStatus.SUBMITTED.value:
            if dict(rating.ratings) != row.ratings:
                raise _problem(file, row.line, SESSION, "rating_import.already_submitted")
            unchanged += 1
            continue
        if rating is None:
            rating = CodingRating(
                round_id=round_id, session_id=row.session_id, coder_id=row.coder_id
            )
            tx.add(rating)
        now = utc_now()
        rating.ratings = {k: row.ratings[k] for k in scale.rating_keys() if k in row.ratings}
        rating.notes = {**(rating.notes or {}), **row.notes}
        rating.saved_at = now
        if coding_ratings.missing(scale, row.ratings):
            rating.status = RatingStatus.DRAFT.value
            drafts += 1
        else:
            rating.status = RatingStatus.SUBMITTED.value
            rating.submitted_at = now
            submitted += 1
    return ImportResult(submitted, drafts, unchanged)


def _problem(file: str, line: int, column: str, reason: str | TraumefokusError) -> InvalidInput:
    why: object = reason if isinstance(reason, TraumefokusError) else InvalidInput(reason)
    return InvalidInput("rating_import.problem", file=file, line=line, column=column, reason=why)
