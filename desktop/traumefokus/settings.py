"""Settings: a small JSON file in the data directory, in two parts.

- The installation's: the user name last signed in on this machine, the language the sign-in
  shows in, the idle time before the screens lock.
- Each user's, kept under their user id: their language, whether client names are shown,
  the window's geometry, the folder PDFs were last saved in, and the session that was open on
  the session screen (so that after a crash the draft reopens for them, and only for them).

Nothing one user leaves in their part is ever read for another. A damaged settings file never
stops the program: it is set aside as `settings.json.damaged` and the defaults are used, with
a warning in the log. A file from before the split keeps its installation part; what it held
for "the user" is dropped, since nobody can tell whose it was.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from traumefokus.fileio import write_atomic
from traumefokus.messages import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

INSTALLATION_DEFAULTS: dict[str, Any] = {
    "last_user": None,
    "language": DEFAULT_LANGUAGE,  # of the sign-in, before anyone has signed in
    "idle_lock_minutes": 5,
}
USER_DEFAULTS: dict[str, Any] = {
    "language": None,  # None: the installation's
    "show_display_names": False,
    "window_geometry": None,
    "print_folder": None,  # where the last PDF was saved
    # The session open on the session screen: {"session": id, "point": agenda point id}.
    # Cleared when the screen closes, so that after a crash the next sign-in reopens it.
    "open_session": None,
}
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 60


class Section:
    """One part of the settings: the installation's, or one user's."""

    def __init__(self, values: dict[str, Any], defaults: dict[str, Any]) -> None:
        self._values = values
        self._defaults = defaults

    def get(self, key: str) -> Any:
        return self._values.get(key, self._defaults[key])

    def set(self, key: str, value: Any) -> None:
        if key not in self._defaults:
            raise KeyError(key)
        self._values[key] = value


class Settings:
    def __init__(self, path: Path, values: dict[str, Any]) -> None:
        self.path = path
        installation = values.get("installation")
        users = values.get("users")
        self._installation: dict[str, Any] = installation if isinstance(installation, dict) else {}
        self._users: dict[str, dict[str, Any]] = (
            {k: v for k, v in users.items() if isinstance(v, dict)}
            if isinstance(users, dict)
            else {}
        )
        if installation is None and users is None:  # a file from before the split
            for key in ("last_user", "language"):
                if key in values:
                    self._installation[key] = values[key]
        self.installation = Section(self._installation, INSTALLATION_DEFAULTS)

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
            log.warning("Settings file was damaged (%s); moved aside", type(exc).__name__)
            return cls(path, {})
        return cls(path, values)

    def user(self, user_id: str) -> Section:
        """The settings of the user `user_id` (created empty when first written)."""
        return Section(self._users.setdefault(user_id, {}), USER_DEFAULTS)

    @property
    def language(self) -> str:
        """The language before anyone signs in."""
        return _language(self.installation.get("language"))

    def language_of(self, user_id: str) -> str:
        """A user's language: their own choice, else the installation's."""
        return _language(self.user(user_id).get("language") or self.language)

    @property
    def idle_lock_minutes(self) -> int:
        value = self.installation.get("idle_lock_minutes")
        if not isinstance(value, int) or isinstance(value, bool):
            return int(INSTALLATION_DEFAULTS["idle_lock_minutes"])
        return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, value))

    def save(self) -> None:
        users = {k: v for k, v in self._users.items() if v}
        document = {"installation": self._installation, "users": users}
        data = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
        write_atomic(self.path, data.encode("utf-8"))


def _language(value: object) -> str:
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE
