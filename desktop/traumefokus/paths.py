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
        """Tighten an existing data directory: 0700 for it and every folder in it, 0600 for
        every file, whatever they were made with. Only on POSIX: on Windows the per-user
        profile location is the protection."""
        if os.name != "posix" or not self.root.is_dir():
            return
        for folder, _dirs, files in os.walk(self.root):
            _tighten(Path(folder), 0o700)
            for name in files:
                _tighten(Path(folder) / name, 0o600)


def private_files() -> None:
    """Everything this process creates from now on is private to the user (POSIX), whatever
    umask it was started with: the database and its -wal/-shm, logs, backups, PDFs, exports."""
    if os.name == "posix":
        os.umask(0o077)


def _tighten(path: Path, mode: int) -> None:
    try:
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
