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

A system-wide file that IT writes can preset and lock settings for every user of the machine
(README.md, "Settings for every user of a machine"): `config.toml` in the platform's site
configuration folder (platformdirs.site_config_dir: /etc/xdg/Traumefokus on Linux,
C:\\ProgramData\\Traumefokus on Windows, /Library/Application Support/Traumefokus on macOS), or
the file named by TRAUMEFOKUS_SYSTEM_CONFIG. Its `[defaults]` are used where nobody has set a
value; its `[locked]` values win over anything set here, and the settings dialog shows them
disabled. The order is: built-in default < [defaults] < the value set here < [locked]:

    [defaults]
    idle_lock_minutes = 10
    site = "Aarhus"

    [locked]
    language = "da"
    database_url = "postgresql+psycopg://traumefokus@db.centre.local/traumefokus"

A damaged or unreadable system file never stops the program: it is ignored with a warning in
the log (never its contents), and so is a value of the wrong type or a key it cannot set.
Everything reads settings through this module, so that a lock holds everywhere, the command
line included.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from traumefokus.domain.retention import DEFAULT_YEARS as DEFAULT_RETENTION_YEARS
from traumefokus.domain.retention import MAX_YEARS as MAX_RETENTION_YEARS
from traumefokus.domain.retention import MIN_YEARS as MIN_RETENTION_YEARS
from traumefokus.errors import Refused
from traumefokus.fileio import write_atomic
from traumefokus.messages import DEFAULT_LANGUAGE, LANGUAGES
from traumefokus.paths import APP_NAME

log = logging.getLogger(__name__)

INSTALLATION_DEFAULTS: dict[str, Any] = {
    "last_user": None,
    "language": DEFAULT_LANGUAGE,  # of the sign-in, before anyone has signed in
    "idle_lock_minutes": 5,
    "backup_folder": None,  # None: the data directory's backups/
    "backup_daily": 12,
    "backup_weekly": 10,
    "backup_monthly": 9,
    "database_url": None,  # None: the SQLite file in the data directory; never a password
    "site": None,  # the centre's site that a new client gets unless another is chosen
    # whole years a client's data are kept after their last course ended (domain/retention.py)
    "retention_years": DEFAULT_RETENTION_YEARS,
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
MIN_BACKUP_COPIES, MAX_BACKUP_COPIES = 1, 99
BACKUP_KINDS = ("daily", "weekly", "monthly")
SYSTEM_CONFIG_ENV = "TRAUMEFOKUS_SYSTEM_CONFIG"  # another system file: tests, trying one out
SYSTEM_CONFIG_FILE = "config.toml"


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def has_password(url: str) -> bool:
    """Whether a database URL carries a password (it is never stored: it is asked for)."""
    try:
        parts = urlsplit(url.strip())
        in_query = any(
            secret in key.lower() for key, _ in parse_qsl(parts.query) for secret in _SECRETS
        )
        return parts.password is not None or in_query
    except ValueError:
        return False


_SECRETS = ("password", "passwd", "pwd")  # query-string keys that carry one (libpq, drivers)


# What the system-wide file may preset or lock, and the type each value must have. A value of
# another type is not used, whether the system file or the settings file holds it.
CHECKS: dict[str, Callable[[Any], bool]] = {
    "language": lambda v: isinstance(v, str) and v in LANGUAGES,
    "idle_lock_minutes": _whole,
    "show_display_names": lambda v: isinstance(v, bool),
    "site": _text,
    "database_url": lambda v: _text(v) and not has_password(v),
    "backup_folder": _text,
    **{f"backup_{kind}": _whole for kind in BACKUP_KINDS},
    # never clamped: a year too few would erase health records the law says to keep
    "retention_years": lambda v: _whole(v) and MIN_RETENTION_YEARS <= v <= MAX_RETENTION_YEARS,
}
SYSTEM_PARTS = ("defaults", "locked")


def system_config_path() -> Path:
    """Where IT's file for every user of this machine is: TRAUMEFOKUS_SYSTEM_CONFIG, else
    config.toml in the platform's site configuration folder."""
    given = os.environ.get(SYSTEM_CONFIG_ENV)
    if given:
        return Path(given)
    import platformdirs

    folder = platformdirs.site_config_dir(APP_NAME, appauthor=False)
    return Path(folder) / SYSTEM_CONFIG_FILE


@dataclass(frozen=True)
class SystemConfig:
    """The machine's file from IT: `defaults` where nobody has set a value, `locked` values
    that win over anything set."""

    defaults: dict[str, Any] = field(default_factory=dict)
    locked: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> SystemConfig:
        """The file at `path` (else system_config_path()); none, or one that cannot be read
        or used, is an empty configuration (with a warning in the log: never its contents)."""
        path = path or system_config_path()
        try:
            written = path.read_bytes()
        except FileNotFoundError:
            return cls()  # most machines: read without loading the TOML reader
        except OSError as exc:
            log.warning("System configuration file ignored (%s)", type(exc).__name__)
            return cls()
        import tomllib

        try:
            document = tomllib.loads(written.decode("utf-8"))
        except ValueError as exc:  # not UTF-8, not TOML
            log.warning("System configuration file ignored (%s)", type(exc).__name__)
            return cls()
        parts: dict[str, dict[str, Any]] = {part: {} for part in SYSTEM_PARTS}
        for name, table in document.items():
            if name not in parts or not isinstance(table, dict):
                log.warning("System configuration: part %s ignored (unknown)", _shown(name))
                continue
            for key, value in table.items():
                if key not in CHECKS:
                    log.warning("System configuration: %s ignored (unknown)", _shown(key))
                elif not CHECKS[key](value):
                    log.warning("System configuration: %s ignored (wrong type)", _shown(key))
                else:
                    parts[name][key] = value
        return cls(parts["defaults"], parts["locked"])


def _shown(name: str) -> str:
    """A key's name for the log, only if it looks like one (a file is never copied there)."""
    return name if re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", name) else "(a key)"


class Section:
    """One part of the settings: the installation's, or one user's. A value comes from, in
    order: the system file's `locked`, the value set here, the system file's `defaults`, the
    built-in default."""

    def __init__(
        self,
        values: dict[str, Any],
        defaults: dict[str, Any],
        preset: dict[str, Any] | None = None,
        locked: dict[str, Any] | None = None,
    ) -> None:
        self._values = values
        self._defaults = defaults
        self._preset = preset or {}
        self._locked = locked or {}

    def get(self, key: str) -> Any:
        default = self.default(key)
        if key in self._locked:
            return self._locked[key]
        value = self._values.get(key)
        if value is None or not CHECKS.get(key, _anything)(value):
            return default
        return value

    def default(self, key: str) -> Any:
        """What restoring the default gives: the system file's default, else the built-in."""
        return self._preset.get(key, self._defaults[key])

    def is_locked(self, key: str) -> bool:
        """Set by IT in the system file: nobody changes it here."""
        return key in self._locked

    def set(self, key: str, value: Any) -> None:
        if key not in self._defaults:
            raise KeyError(key)
        self._values[key] = value

    def reset(self, key: str) -> None:
        """Back to the default (the system file's, if it has one)."""
        if key not in self._defaults:
            raise KeyError(key)
        self._values.pop(key, None)


def _anything(value: object) -> bool:
    return True


class Settings:
    def __init__(
        self, path: Path, values: dict[str, Any], system: SystemConfig | None = None
    ) -> None:
        self.path = path
        self.system = system or SystemConfig()
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
        self.installation = self._section(self._installation, INSTALLATION_DEFAULTS)

    def _section(self, values: dict[str, Any], defaults: dict[str, Any]) -> Section:
        preset = {k: v for k, v in self.system.defaults.items() if k in defaults}
        if defaults is USER_DEFAULTS:
            preset.pop("language", None)  # a user's unset language is the installation's
        locked = {k: v for k, v in self.system.locked.items() if k in defaults}
        return Section(values, defaults, preset, locked)

    @classmethod
    def load(cls, path: Path, system: SystemConfig | None = None) -> Settings:
        """The settings file at `path` under the system file (read now unless given)."""
        system = system if system is not None else SystemConfig.load()
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path, {}, system)
        except OSError as exc:  # unreadable: the defaults, and saving will say what is wrong
            log.warning("Settings file not read (%s)", type(exc).__name__)
            return cls(path, {}, system)
        if not raw.strip():  # an empty file (made by hand, say) holds no settings
            return cls(path, {}, system)
        try:
            values = json.loads(raw.decode("utf-8"))
            if not isinstance(values, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            damaged = path.with_name(path.name + ".damaged")
            path.replace(damaged)
            log.warning("Settings file was damaged (%s); moved aside", type(exc).__name__)
            return cls(path, {}, system)
        return cls(path, values, system)

    def user(self, user_id: str) -> Section:
        """The settings of the user `user_id` (created empty when first written)."""
        return self._section(self._users.setdefault(user_id, {}), USER_DEFAULTS)

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

    @property
    def site(self) -> str | None:
        """The site a new client gets unless another is chosen."""
        value = self.installation.get("site")
        return value.strip() if isinstance(value, str) and value.strip() else None

    @property
    def backup_folder(self) -> Path | None:
        """Where backups go; None: the data directory's backups/."""
        value = self.installation.get("backup_folder")
        return Path(value).expanduser() if isinstance(value, str) and value.strip() else None

    def backup_copies(self, kind: str) -> int:
        """How many `kind` ("daily", "weekly", "monthly") backups are kept."""
        key = f"backup_{kind}"
        value = self.installation.get(key)
        if not _whole(value):
            value = INSTALLATION_DEFAULTS[key]
        return int(max(MIN_BACKUP_COPIES, min(MAX_BACKUP_COPIES, value)))

    @property
    def retention_years(self) -> int:
        """Whole years a client's data are kept after their last course ended: a value
        outside 1-30 is not used (the default's ten years are)."""
        return int(self.installation.get("retention_years"))

    def database_url(self, given: str | None = None) -> str | None:
        """The database to open: the one IT locked, else `given` (--database-url), else the
        installation's; None is the SQLite file in the data directory. A --database-url that
        differs from the locked one is refused rather than silently not used."""
        if self.installation.is_locked("database_url"):
            locked = str(self.installation.get("database_url"))
            if given and given.strip() != locked.strip():
                raise Refused("settings.database_url_locked")
            return locked
        if given:
            return given
        value = self.installation.get("database_url")
        return value.strip() if isinstance(value, str) else None

    def save(self) -> None:
        users = {k: v for k, v in self._users.items() if v}
        document = {"installation": self._installation, "users": users}
        data = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
        write_atomic(self.path, data.encode("utf-8"))


def _language(value: object) -> str:
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE
