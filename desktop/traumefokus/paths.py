"""Where Traumefokus keeps its files.

Everything a user's data consists of lives under one data directory: the database, settings,
installed packs, logs and backups. `--data-dir` moves all of it, so that tests and portable
use never touch the real profile. The resources and demo packs that ship with the program are
found next to the package (source checkout) or inside it (installed wheel).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from traumefokus.errors import DataProblem

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
        """Create the directory if needed; refuse one we cannot write to."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataProblem("datadir.unwritable", path=self.root, detail=exc.strerror) from exc
        if not os.access(self.root, os.W_OK):
            raise DataProblem("datadir.unwritable", path=self.root, detail="read-only")
        return self


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
