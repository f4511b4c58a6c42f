"""The note of one session: what was said at check-in, about the quote, the worksheets worked
on, check-out and the commitment, the measures, notes per agenda point, time per point, and
the logbook's own fields (other treatment, the gift card, the recording).

Stored as plain JSON on the session; `clean()` checks a draft before it is saved, so that a
saved note always has this shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import cache
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
GIFT_CARD_DKK = (1, 10_000)  # a gift card's amount in whole kroner
MAX_TREATMENT_NOTE = 2_000
MAX_RECORDING_FILE = 255  # the column's length; a file name, not a path to open


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
class OtherTreatment:
    kind: str  # an id from the centre's list (content/choice_lists.py)
    note: str = ""


@dataclass
class LogbookEntry:
    """What the logbook keeps beyond the note: other treatment since last time (check-in),
    the gift card and the audio recording (check-out). Saved and signed with the draft."""

    gift_card_given: bool | None = None  # None: not noted either way
    gift_card_dkk: int | None = None  # only for a card given
    other_treatment: list[OtherTreatment] = field(default_factory=list)
    recorded: bool = False  # audio, with the client's consent on the session's day
    recording_file: str = ""  # kept only when recorded


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
    logbook: LogbookEntry = field(default_factory=LogbookEntry)

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
        gift_card_given: bool | None = None,
        gift_card_dkk: int | None = None,
        other_treatment: Sequence[Mapping[str, Any]] = (),
        recorded: bool = False,
        recording_file: str | None = None,
    ) -> NoteDraft:
        """A draft from the columns stored on a session (unknown keys are left out)."""

        def pick(kind: type[Part], data: Mapping[str, Any]) -> Part:
            known = _field_names(kind)
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
            logbook=LogbookEntry(
                gift_card_given,
                gift_card_dkk,
                [pick(OtherTreatment, t) for t in other_treatment if "kind" in t],
                bool(recorded),
                recording_file or "",
            ),
        )

    def stored(self) -> dict[str, Any]:
        """The columns of the session, by name (the keyword arguments of `from_stored`)."""
        book = self.logbook
        given = book.gift_card_given
        return {
            "check_in": asdict(self.check_in),
            "quote": asdict(self.quote),
            "worksheets_used": [asdict(w) for w in self.worksheets],
            "check_out": asdict(self.check_out),
            "commitment": self.commitment.strip() or None,
            "measures": dict(self.measures),
            "notes": {k: v for k, v in self.notes.items() if v.strip()},
            "agenda_seconds": dict(self.agenda_seconds),
            "gift_card_given": given,
            "gift_card_dkk": book.gift_card_dkk if given else None,
            "other_treatment": [
                {"kind": t.kind, "note": t.note.strip()} for t in book.other_treatment
            ],
            "recorded": book.recorded,
            "recording_file": (book.recording_file.strip() or None) if book.recorded else None,
        }


def clean(
    draft: NoteDraft,
    *,
    agenda: Sequence[str],
    measures: Sequence[Measure],
    worksheets: Sequence[str],
    treatment_kinds: Sequence[str] = (),
) -> NoteDraft:
    """The draft if it fits the session (its agenda points, measures and the theme's
    worksheets) and the centre's kinds of other treatment; otherwise InvalidInput naming the
    field. Texts are never shortened."""
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
    _clean_logbook(draft.logbook, treatment_kinds)
    return draft


def _clean_logbook(book: LogbookEntry, treatment_kinds: Sequence[str]) -> None:
    if book.gift_card_given not in (None, True, False):
        raise InvalidInput("note.value_invalid", field="gift_card", value=book.gift_card_given)
    amount = book.gift_card_dkk
    if book.gift_card_given is True and not _whole_in(amount, *GIFT_CARD_DKK):
        raise InvalidInput("note.gift_card_amount", low=GIFT_CARD_DKK[0], high=GIFT_CARD_DKK[1])
    if book.gift_card_given is not True and amount is not None:
        raise InvalidInput("note.gift_card_amount_without_card")
    kinds = [t.kind for t in book.other_treatment]
    for kind in kinds:
        if kind not in treatment_kinds or kinds.count(kind) > 1:
            raise InvalidInput("note.other_treatment_kind", value=kind)
    if any(len(t.note) > MAX_TREATMENT_NOTE for t in book.other_treatment):
        raise InvalidInput("note.text_too_long", max=MAX_TREATMENT_NOTE)
    name = book.recording_file.strip()
    if len(name) > MAX_RECORDING_FILE or any(ord(c) < 32 for c in name):
        raise InvalidInput("note.recording_file_invalid", max=MAX_RECORDING_FILE)


def _texts(part: Any) -> list[str]:
    return [v for v in asdict(part).values() if isinstance(v, str)]


def _whole_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def points_with_cpr(draft: NoteDraft) -> list[str]:
    """The agenda points whose text holds something shaped like a CPR number, in agenda
    order: a warning before signing (a note's free text is not refused)."""
    from traumefokus.domain.clients import looks_like_cpr

    parts = {
        "check_in": [*_texts(draft.check_in), *(t.note for t in draft.logbook.other_treatment)],
        "quote": _texts(draft.quote),
        "theme": [w.note for w in draft.worksheets],
        "check_out": [*_texts(draft.check_out), draft.commitment],
        **{point: [text] for point, text in draft.notes.items()},
    }
    return [point for point, texts in parts.items() if any(looks_like_cpr(t) for t in texts)]


@cache
def _field_names(kind: type) -> frozenset[str]:
    """The field names of a part of the note (read once per kind: a note is read often)."""
    return frozenset(f.name for f in fields(kind))
