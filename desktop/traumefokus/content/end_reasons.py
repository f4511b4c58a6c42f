"""The list of reasons a course can end early: shipped in resources/, replaceable by the
centre with an end-reasons.toml in the data directory (one loader for every such list:
content/choice_lists.py)."""

from __future__ import annotations

from pathlib import Path

from traumefokus.content.choice_lists import END_REASONS, Choice, list_file, load_list
from traumefokus.paths import DataDir

FILE = END_REASONS.file
OTHER = "other"
EndReason = Choice


def end_reasons_file(data_dir: DataDir) -> Path:
    return list_file(END_REASONS, data_dir)


def load_end_reasons(path: Path) -> tuple[EndReason, ...]:
    return load_list(END_REASONS, path)
