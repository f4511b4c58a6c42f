"""Content packs and programmes as values: what the loaders in content/ produce. No I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from traumefokus.domain.vocabulary import SessionKind

TRAUMA_AGENDA = ("check_in", "quote", "theme", "check_out")
_NUMBER = r"(0|[1-9][0-9]{0,8})"
_VERSION = re.compile(rf"{_NUMBER}\.{_NUMBER}\.{_NUMBER}", re.ASCII)


@dataclass(frozen=True, order=True)
class Version:
    parts: tuple[int, int, int]

    @classmethod
    def parse(cls, text: str) -> Version | None:
        # ASCII digits only (str.isdigit also takes "²" and "٣"), no leading zeros, and
        # numbers of a sensible size.
        found = _VERSION.fullmatch(text)
        if found is None:
            return None
        return cls((int(found[1]), int(found[2]), int(found[3])))

    def __str__(self) -> str:
        return ".".join(map(str, self.parts))


@dataclass(frozen=True)
class Quote:
    text: str
    author: str
    work: str | None
    demo: bool


@dataclass(frozen=True)
class Worksheet:
    id: str
    title: str
    guidance: str  # for the therapist only
    client: str  # what the client sees and takes home


@dataclass(frozen=True)
class Theme:
    id: str
    title_en: str
    title: str
    introduction: str | None = None
    quote: Quote | None = None
    worksheets: tuple[Worksheet, ...] = ()
    commitments: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return bool(self.introduction and self.quote and self.worksheets and self.commitments)


@dataclass(frozen=True)
class Pack:
    id: str
    method: str
    language: str
    version: Version
    name: str
    licence: str
    demo: bool
    official_titles: bool
    themes: tuple[Theme, ...]
    path: Path

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


@dataclass(frozen=True)
class AgendaPoint:
    id: str
    title: str
    title_en: str
    target_minutes: int
    max_minutes: int
    min_minutes: int | None = None


@dataclass(frozen=True)
class Slot:
    """A place in the course layout: session number and kind."""

    number: int
    kind: SessionKind


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    title_en: str
    kinds: tuple[SessionKind, ...]
    scale_min: int | None = None
    scale_max: int | None = None


@dataclass(frozen=True)
class Programme:
    id: str
    version: Version
    name: str
    method: str
    pack_id: str
    slots: tuple[Slot, ...]
    interval_days: int
    follow_up_months: tuple[int, ...]
    offered_themes: tuple[str, ...]
    themes_to_choose: int
    lengths: dict[SessionKind, tuple[int, int]]  # kind: (min, max) minutes
    agenda: dict[SessionKind, tuple[AgendaPoint, ...]]
    gift_card_every: int
    gift_card_amount_dkk: int
    gift_card_count: int
    status_letter_every: int
    status_letter_counts: tuple[SessionKind, ...]  # the session kinds a letter's number counts
    measures: tuple[Measure, ...]
    path: Path
    # the session kinds the gift-card rule counts (by default the status letters')
    gift_card_counts: tuple[SessionKind, ...] = ()

    @property
    def trauma_slots(self) -> tuple[Slot, ...]:
        return tuple(s for s in self.slots if s.kind is SessionKind.TRAUMA)
