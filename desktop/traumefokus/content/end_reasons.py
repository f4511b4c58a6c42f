"""The list of reasons a course can end early: shipped in resources/, replaceable by the
centre with an end-reasons.toml in the data directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from traumefokus.content.fields import TomlFile, entry_place
from traumefokus.content.problems import Problems
from traumefokus.paths import DataDir, shipped_dir

FILE = "end-reasons.toml"
OTHER = "other"


@dataclass(frozen=True)
class EndReason:
    id: str
    da: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


def end_reasons_file(data_dir: DataDir) -> Path:
    own = data_dir.root / FILE
    return own if own.exists() else shipped_dir("resources") / FILE


def load_end_reasons(path: Path) -> tuple[EndReason, ...]:
    problems = Problems()
    toml = TomlFile(path, problems)
    data = toml.load() or {}
    toml.only(data, {"format", "reasons"}, "")
    toml.format_version(data, 1)
    reasons: list[EndReason] = []
    for index, entry in enumerate(toml.tables(data, "reasons", "") or []):
        place = entry_place("reasons", entry, index)
        toml.only(entry, {"id", "da", "en"}, place)
        reason_id = toml.ident(entry, "id", place)
        da, en = toml.text(entry, "da", place), toml.text(entry, "en", place)
        if reason_id and da and en:
            reasons.append(EndReason(reason_id, da, en))
    ids = [r.id for r in reasons]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        toml.note("reasons", "content.duplicate_id", value=duplicate)
    if data and OTHER not in ids:
        toml.note("reasons", "content.other_reason_missing")
    problems.raise_if_any(path)
    return tuple(reasons)
