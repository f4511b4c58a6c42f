"""The note of one session: what was said at check-in, about the quote, the worksheets worked
on, check-out and the commitment, the measures, notes per agenda point, and time per point.

Stored as plain JSON on the session; `clean()` checks a draft before it is saved, so that a
saved note always has this shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar

from traumefokus.domain.content import Measure
from traumefokus.errors import InvalidInput

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Part = TypeVar("Part", bound="DataclassInstance")  # a part of the draft: check-in, quote, …

MAX_TEXT = 100_000  # about 15,000 words: room for anything said in a session
FEELING_SCALE = (0, 10)
SUBSTANCE_USE = ("none", "some")
COMMITMENT_DONE = ("yes", "partly", "no")


@dataclass
class CheckIn:
    feeling: str = ""
    feeling_score: int | None = None  # 0-10, if asked
    good_coping: str = ""
    substance_use: str | None = None  # none | some
    substances: str = ""  # what and how much
    unsafe_behaviour: str = ""
    commitment_done: str | None = None  # yes | partly | no
    community_resources: str = ""


@dataclass
class QuoteTalk:
    understanding: str = ""  # what the client thinks the quote means
    link: str = ""  # how it links to today's theme


@dataclass
class WorksheetUse:
    id: str
    note: str = ""
    handed_out: bool = False


@dataclass
class CheckOut:
    takeaway: str = ""
    difficult: str = ""
    referrals: str = ""


@dataclass
class NoteDraft:
    check_in: CheckIn = field(default_factory=CheckIn)
    quote: QuoteTalk = field(default_factory=QuoteTalk)
    worksheets: list[WorksheetUse] = field(default_factory=list)
    check_out: CheckOut = field(default_factory=CheckOut)
    commitment: str = ""
    measures: dict[str, int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # agenda point id: text
    agenda_seconds: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_stored(
        cls,
        *,
        check_in: Mapping[str, Any],
        quote: Mapping[str, Any],
        worksheets: Sequence[Mapping[str, Any]],
        check_out: Mapping[str, Any],
        commitment: str | None,
        measures: Mapping[str, Any],
        notes: Mapping[str, Any],
        agenda_seconds: Mapping[str, Any],
    ) -> NoteDraft:
        """A draft from the JSON stored on a session (unknown keys are left out)."""

        def pick(kind: type[Part], data: Mapping[str, Any]) -> Part:
            known = {f.name for f in fields(kind)}
            return kind(**{k: v for k, v in data.items() if k in known})

        return cls(
            check_in=pick(CheckIn, check_in),
            quote=pick(QuoteTalk, quote),
            worksheets=[pick(WorksheetUse, w) for w in worksheets if "id" in w],
            check_out=pick(CheckOut, check_out),
            commitment=commitment or "",
            measures=dict(measures),
            notes=dict(notes),
            agenda_seconds=dict(agenda_seconds),
        )

    def stored(self) -> dict[str, Any]:
        """The JSON columns of the session, by name."""
        return {
            "check_in": asdict(self.check_in),
            "quote": asdict(self.quote),
            "worksheets_used": [asdict(w) for w in self.worksheets],
            "check_out": asdict(self.check_out),
            "commitment": self.commitment.strip() or None,
            "measures": dict(self.measures),
            "notes": {k: v for k, v in self.notes.items() if v.strip()},
            "agenda_seconds": dict(self.agenda_seconds),
        }


def clean(
    draft: NoteDraft,
    *,
    agenda: Sequence[str],
    measures: Sequence[Measure],
    worksheets: Sequence[str],
) -> NoteDraft:
    """The draft if it fits the session (its agenda points, measures and the theme's
    worksheets); otherwise InvalidInput naming the field. Texts are never shortened."""
    texts = [
        *_texts(draft.check_in),
        *_texts(draft.quote),
        *_texts(draft.check_out),
        draft.commitment,
        *draft.notes.values(),
        *(w.note for w in draft.worksheets),
    ]
    if any(len(t) > MAX_TEXT for t in texts):
        raise InvalidInput("note.text_too_long", max=MAX_TEXT)
    score = draft.check_in.feeling_score
    if score is not None and not _whole_in(score, *FEELING_SCALE):
        raise InvalidInput(
            "note.score_out_of_range",
            field="feeling",
            value=score,
            low=FEELING_SCALE[0],
            high=FEELING_SCALE[1],
        )
    if draft.check_in.substance_use not in (None, *SUBSTANCE_USE):
        raise InvalidInput(
            "note.value_invalid", field="substance_use", value=draft.check_in.substance_use
        )
    if draft.check_in.commitment_done not in (None, *COMMITMENT_DONE):
        raise InvalidInput(
            "note.value_invalid", field="commitment_done", value=draft.check_in.commitment_done
        )
    scales = {m.id: m for m in measures}
    for measure_id, value in draft.measures.items():
        measure = scales.get(measure_id)
        if measure is None or measure.scale_min is None:
            raise InvalidInput("note.value_invalid", field="measures", value=measure_id)
        if not _whole_in(value, measure.scale_min, measure.scale_max or 0):
            raise InvalidInput(
                "note.score_out_of_range",
                field=measure_id,
                value=value,
                low=measure.scale_min,
                high=measure.scale_max,
            )
    for point, seconds in draft.agenda_seconds.items():
        if point not in agenda or not _whole_in(seconds, 0, 24 * 3600):
            raise InvalidInput("note.value_invalid", field="agenda_seconds", value=point)
    for point in draft.notes:
        if point not in agenda:
            raise InvalidInput("note.value_invalid", field="notes", value=point)
    seen = [w.id for w in draft.worksheets]
    for sheet in seen:
        if sheet not in worksheets or seen.count(sheet) > 1:
            raise InvalidInput("note.value_invalid", field="worksheets", value=sheet)
    return draft


def _texts(part: Any) -> list[str]:
    return [v for v in asdict(part).values() if isinstance(v, str)]


def _whole_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def points_with_cpr(draft: NoteDraft) -> list[str]:
    """The agenda points whose text holds something shaped like a CPR number, in agenda
    order: a warning before signing (a note's free text is not refused)."""
    from traumefokus.domain.clients import looks_like_cpr

    parts = {
        "check_in": _texts(draft.check_in),
        "quote": _texts(draft.quote),
        "theme": [w.note for w in draft.worksheets],
        "check_out": [*_texts(draft.check_out), draft.commitment],
        **{point: [text] for point, text in draft.notes.items()},
    }
    return [point for point, texts in parts.items() if any(looks_like_cpr(t) for t in texts)]
