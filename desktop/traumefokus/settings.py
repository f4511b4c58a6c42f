"""User settings: a small JSON file in the data directory.

A damaged settings file never stops the program: it is set aside as `settings.json.damaged`
and the defaults are used, with a warning in the log.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from traumefokus.fileio import write_atomic
from traumefokus.messages import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "language": DEFAULT_LANGUAGE,
    "last_user": None,
    "show_display_names": False,
    "window_geometry": None,
    "print_folder": None,  # where the last PDF was saved
    # The session whose note was open on the session screen; cleared when the screen closes,
    # so that after a crash the next start can reopen the draft.
    "open_session": None,
}


class Settings:
    def __init__(self, path: Path, values: dict[str, Any]) -> None:
        self.path = path
        self._values = values

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path, {})
        try:
            values = json.loads(raw.decode("utf-8"))
            if not isinstance(values, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            damaged = path.with_name(path.name + ".damaged")
            path.replace(damaged)
            log.warning("Settings file %s was damaged (%s); moved to %s", path, exc, damaged)
            return cls(path, {})
        return cls(path, values)

    def get(self, key: str) -> Any:
        return self._values.get(key, DEFAULTS[key])

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._values[key] = value

    @property
    def language(self) -> str:
        lang = self.get("language")
        return lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def save(self) -> None:
        data = json.dumps(self._values, indent=2, sort_keys=True, ensure_ascii=False)
        write_atomic(self.path, data.encode("utf-8"))
