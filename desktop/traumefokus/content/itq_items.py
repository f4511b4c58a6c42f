"""The ITQ's item texts. Which file the program uses:

1. a centre's own `itq.toml` in the data directory, whatever the program's language (the
   way to install a validated Danish wording);
2. otherwise the shipped wording for the program's language: `resources/scales/itq-da.toml`
   (Danish, written for Traumefokus, not validated) or `resources/scales/itq.toml` (the
   published English wording).

A file says whether its wording is validated (`validated = true`) and where it comes from
(`source`); the ITQ dialog says plainly when it is not. Ids and the 0-4 scale are fixed by
the scoring rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from traumefokus.content.fields import TomlFile
from traumefokus.content.problems import Problems
from traumefokus.domain.itq import ITEMS, MAX_SCORE, MIN_SCORE
from traumefokus.paths import DataDir, shipped_dir

FILE = "itq.toml"  # the name of a centre's own wording in the data directory
SHIPPED = {"da": "itq-da.toml", "en": "itq.toml"}  # by program language


@dataclass(frozen=True)
class ItqSection:
    intro: str
    items: tuple[tuple[str, str], ...]  # (id, text)


@dataclass(frozen=True)
class ItqForm:
    language: str
    source: str
    validated: bool  # the file declares its wording validated (its source says by whom)
    scale: tuple[str, ...]  # the label of each score, 0 to 4
    sections: tuple[ItqSection, ...]


def itq_file(data_dir: DataDir, lang: str = "da") -> Path:
    """The centre's own wording if there is one, else the shipped one for `lang`."""
    own = data_dir.root / FILE
    if own.exists():
        return own
    return shipped_dir("resources") / "scales" / SHIPPED.get(lang, SHIPPED["da"])


def load_itq_form(path: Path) -> ItqForm:
    problems = Problems()
    toml = TomlFile(path, problems)
    data = toml.load() or {}
    toml.only(data, {"format", "language", "source", "validated", "scale", "sections"}, "")
    toml.format_version(data, 1)
    language = toml.text(data, "language", "") or ""
    source = toml.text(data, "source", "") or ""
    validated = toml.boolean(data, "validated", "")  # missing: not validated
    scale = toml.texts(data, "scale", "") or []
    if len(scale) != MAX_SCORE - MIN_SCORE + 1:
        toml.note("scale", "content.itq_scale", count=len(scale))
    sections: list[ItqSection] = []
    seen: list[str] = []
    for index, entry in enumerate(toml.tables(data, "sections", "") or []):
        place = f"sections[{index + 1}]"
        toml.only(entry, {"intro", "items"}, place)
        items = []
        for number, item in enumerate(toml.tables(entry, "items", place) or []):
            item_place = f"{place}.items[{number + 1}]"
            toml.only(item, {"id", "text"}, item_place)
            item_id, text = toml.text(item, "id", item_place), toml.text(item, "text", item_place)
            if item_id and text:
                items.append((item_id, text))
                seen.append(item_id)
        sections.append(ItqSection(toml.text(entry, "intro", place) or "", tuple(items)))
    if data and sorted(seen) != sorted(ITEMS):
        toml.note(
            "sections", "content.itq_items", expected=", ".join(ITEMS), found=", ".join(seen) or "-"
        )
    problems.raise_if_any(path)
    return ItqForm(language, source, validated, tuple(scale), tuple(sections))
