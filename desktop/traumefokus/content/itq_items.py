"""The ITQ's item texts: shipped in English, replaceable with the validated Danish wording by
an itq.toml in the data directory. Ids and the 0-4 scale are fixed by the scoring rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from traumefokus.content.fields import TomlFile
from traumefokus.content.problems import Problems
from traumefokus.domain.itq import ITEMS, MAX_SCORE, MIN_SCORE
from traumefokus.paths import DataDir, shipped_dir

FILE = "itq.toml"


@dataclass(frozen=True)
class ItqSection:
    intro: str
    items: tuple[tuple[str, str], ...]  # (id, text)


@dataclass(frozen=True)
class ItqForm:
    language: str
    source: str
    scale: tuple[str, ...]  # the label of each score, 0 to 4
    sections: tuple[ItqSection, ...]


def itq_file(data_dir: DataDir) -> Path:
    own = data_dir.root / FILE
    return own if own.exists() else shipped_dir("resources") / "scales" / FILE


def load_itq_form(path: Path) -> ItqForm:
    problems = Problems()
    toml = TomlFile(path, problems)
    data = toml.load() or {}
    toml.only(data, {"format", "language", "source", "scale", "sections"}, "")
    toml.format_version(data, 1)
    language = toml.text(data, "language", "") or ""
    source = toml.text(data, "source", "") or ""
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
    return ItqForm(language, source, tuple(scale), tuple(sections))
