"""Where Traumefokus keeps its files.

Everything a user's data consists of lives under one data directory: the database, settings,
installed packs, logs and backups. `--data-dir` moves all of it, so that tests and portable
use never touch the real profile. The resources and demo packs that ship with the program are
found next to the package (source checkout) or inside it (installed wheel).
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from traumefokus.errors import DataProblem

log = logging.getLogger(__name__)

APP_NAME = "Traumefokus"
DATABASE_FILE = "traumefokus.db"
# The files the program keeps at the top of a data directory.
OWN_FILES = (
    *(
        f"{DATABASE_FILE}{suffix}"
        for suffix in ("", "-wal", "-shm", "-journal", ".keys", ".attempts", ".open", ".lock")
    ),
    "settings.json",
    "settings.json.damaged",
)


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def packs(self) -> Path:
        return self.root / "packs"

    @property
    def programmes(self) -> Path:
        return self.root / "programmes"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> DataDir:
        """Create the directory if needed (private to the user); refuse one we cannot write
        to."""
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise DataProblem("datadir.unwritable", path=self.root, detail=exc.strerror) from exc
        if not os.access(self.root, os.W_OK):
            raise DataProblem("datadir.unwritable", path=self.root, detail="read-only")
        self.make_private()
        return self

    def make_private(self) -> None:
        """Tighten an existing data directory: 0700 for it and the program's folders in it,
        0600 for the program's files, whatever they were made with. Only a folder that is a
        Traumefokus data directory (it holds the database or the settings), and only what the
        program keeps there: a mistyped --data-dir never changes anyone else's files. Only on
        POSIX: on Windows the per-user profile location is the protection."""
        if os.name != "posix" or not (self.database.exists() or self.settings.exists()):
            return
        _tighten(self.root, 0o700)
        for name in OWN_FILES:
            _tighten(self.root / name, 0o600)
        for folder in (self.logs, self.backups, self.packs, self.programmes):
            if folder.is_dir() and not folder.is_symlink():
                for inner, _dirs, files in os.walk(folder):
                    _tighten(Path(inner), 0o700)
                    for name in files:
                        _tighten(Path(inner) / name, 0o600)


def private_files() -> None:
    """Everything this process creates from now on is private to the user (POSIX), whatever
    umask it was started with: the database and its -wal/-shm, logs, backups, PDFs, exports."""
    if os.name == "posix":
        os.umask(0o077)


def _tighten(path: Path, mode: int) -> None:
    try:
        if not path.exists():
            return
        found = path.lstat()
        if stat.S_ISLNK(found.st_mode) or stat.S_IMODE(found.st_mode) & ~mode == 0:
            return
        os.chmod(path, stat.S_IMODE(found.st_mode) & mode)
    except OSError as exc:  # not ours to change: leave it, and say so without its name
        log.info("Could not tighten a file's permissions (%s)", type(exc).__name__)


def resolve_data_dir(override: str | os.PathLike[str] | None) -> DataDir:
    """The data directory named on the command line, or the platform's per-user one."""
    if override:
        return DataDir(Path(override).expanduser().resolve())
    import platformdirs

    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def shipped_dir(name: str) -> Path:
    """A folder that ships with the program: `resources` or `manuals`."""
    package = Path(__file__).resolve().parent
    installed = package / "_data" / name
    if installed.is_dir():
        return installed
    return package.parents[1] / name
