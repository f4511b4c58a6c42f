"""The centre's lists to choose from, each shipped in resources/ and replaceable by the centre
with a file of the same name in the data directory: why a course ended early, why a session
was not held, and the kinds of other treatment a client receives.

Every list has one format: `format = 1` and an array of entries with a stable `id` (stored
with the data and exported; keep it once used), a Danish and an English label and, for an entry
no longer offered, `retired = true` (it still names what was chosen before). An administrator
edits the centre's copy in the settings dialog (list_toml writes it; services/centre_lists.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
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
    retired: bool = False  # no longer offered; still names what was chosen before

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
    """Every entry, retired ones too (they name what was chosen before)."""
    return load_list(kind, list_file(kind, data_dir))


def offered(choices: Iterable[Choice], keep: str | None = None) -> tuple[Choice, ...]:
    """The entries to choose from: not retired, unless it is `keep` (the one chosen now)."""
    return tuple(c for c in choices if not c.retired or c.id == keep)


def list_toml(kind: ChoiceList, choices: Iterable[Choice]) -> str:
    """The centre's file for `choices`, in the format load_list reads."""
    lines = [
        "# The centre's own list, written by Traumefokus (Settings, Lists). Ids are stored",
        "# with the data and exported: keep them once used; retire an entry instead.",
        "format = 1",
    ]
    for choice in choices:
        lines += ["", f"[[{kind.key}]]", f"id = {_string(choice.id)}"]
        lines += [f"da = {_string(choice.da)}", f"en = {_string(choice.en)}"]
        if choice.retired:
            lines.append("retired = true")
    return "\n".join(lines) + "\n"


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


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
        toml.only(entry, {"id", "da", "en", "retired"}, place)
        choice_id = toml.ident(entry, "id", place)
        if choice_id is not None and len(choice_id) > MAX_ID:
            toml.note(f"{place}.id", "content.id_too_long", value=choice_id, max=MAX_ID)
            choice_id = None
        da, en = toml.text(entry, "da", place), toml.text(entry, "en", place)
        retired = toml.value(entry, "retired", place, bool, required=False) or False
        if choice_id and da and en:
            choices.append(Choice(choice_id, da, en, retired))
    ids = [c.id for c in choices]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        toml.note(kind.key, "content.duplicate_id", value=duplicate)
    if data and kind.must_have and kind.must_have not in ids:
        toml.note(kind.key, "content.other_reason_missing")
    elif kind.must_have and any(c.id == kind.must_have and c.retired for c in choices):
        toml.note(kind.key, "content.required_retired", value=kind.must_have)
    problems.raise_if_any(path)
    return tuple(choices)
