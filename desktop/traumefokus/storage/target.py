"""Which database: a SQLite file (the default, in the data directory) or a server database
named by a SQLAlchemy URL. SQLAlchemy is imported only to parse a URL that was given."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from traumefokus.errors import InvalidInput
from traumefokus.paths import DataDir


@dataclass(frozen=True)
class DatabaseTarget:
    file: Path | None
    url: str | None = None
    where: str = ""

    @classmethod
    def choose(cls, data_dir: DataDir, database_url: str | None) -> DatabaseTarget:
        if not database_url:
            return cls.sqlite(data_dir.database)
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(database_url)
        except ArgumentError as exc:  # the URL itself is not repeated: it may hold a password
            raise InvalidInput("db.url_invalid", detail=type(exc).__name__) from None
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return cls.sqlite(Path(url.database).expanduser().resolve())
        # How messages name a server database: never with its password.
        return cls(None, database_url, url.render_as_string(hide_password=True))

    @classmethod
    def sqlite(cls, path: Path) -> DatabaseTarget:
        return cls(path, None, str(path))

    def exists(self) -> bool:
        """False only when we know there is nothing yet (a SQLite file not yet created)."""
        return self.file is None or self.file.exists()
