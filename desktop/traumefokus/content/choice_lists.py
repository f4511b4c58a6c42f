"""The centre's lists to choose from, each shipped in resources/ and replaceable by the centre
with a file of the same name in the data directory: why a course ended early, why a session
was not held, and the kinds of other treatment a client receives.

Every list has one format: `format = 1` and an array of entries with a stable `id` (stored
with the data and exported; keep it once used) and a Danish and an English label.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from traumefokus.content.fields import TomlFile, entry_place
from traumefokus.content.problems import Problems
from traumefokus.paths import DataDir, shipped_dir


@dataclass(frozen=True)
class Choice:
    id: str
    da: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


@dataclass(frozen=True)
class ChoiceList:
    """One kind of list: its file name, the name of its array and an id it must have."""

    file: str
    key: str
    must_have: str | None = None


END_REASONS = ChoiceList("end-reasons.toml", "reasons", must_have="other")
NOT_HELD_REASONS = ChoiceList("not-held-reasons.toml", "reasons")
OTHER_TREATMENT = ChoiceList("other-treatment.toml", "kinds")
LISTS = (END_REASONS, NOT_HELD_REASONS, OTHER_TREATMENT)
MAX_ID = 64  # the longest id a session keeps (course_sessions.not_held_reason)


def list_for_file(path: Path) -> ChoiceList | None:
    """The list a file is, by its name (for `check-manual`)."""
    return next((kind for kind in LISTS if kind.file == path.name), None)


def list_file(kind: ChoiceList, data_dir: DataDir) -> Path:
    """The centre's own file in the data directory, else the shipped one."""
    own = data_dir.root / kind.file
    return own if own.exists() else shipped_dir("resources") / kind.file


def centre_list(kind: ChoiceList, data_dir: DataDir) -> tuple[Choice, ...]:
    return load_list(kind, list_file(kind, data_dir))


def load_list(kind: ChoiceList, path: Path) -> tuple[Choice, ...]:
    """The entries in order; InvalidContent naming every problem of the file."""
    problems = Problems()
    toml = TomlFile(path, problems)
    data = toml.load() or {}
    toml.only(data, {"format", kind.key}, "")
    toml.format_version(data, 1)
    choices: list[Choice] = []
    for index, entry in enumerate(toml.tables(data, kind.key, "") or []):
        place = entry_place(kind.key, entry, index)
        toml.only(entry, {"id", "da", "en"}, place)
        choice_id = toml.ident(entry, "id", place)
        if choice_id is not None and len(choice_id) > MAX_ID:
            toml.note(f"{place}.id", "content.id_too_long", value=choice_id, max=MAX_ID)
            choice_id = None
        da, en = toml.text(entry, "da", place), toml.text(entry, "en", place)
        if choice_id and da and en:
            choices.append(Choice(choice_id, da, en))
    ids = [c.id for c in choices]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        toml.note(kind.key, "content.duplicate_id", value=duplicate)
    if data and kind.must_have and kind.must_have not in ids:
        toml.note(kind.key, "content.other_reason_missing")
    problems.raise_if_any(path)
    return tuple(choices)
