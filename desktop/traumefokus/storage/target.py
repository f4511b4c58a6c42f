"""Which database: a SQLite file (the default, in the data directory) or a server database
named by a SQLAlchemy URL. SQLAlchemy is imported only to parse a URL that was given."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.errors import InvalidInput
from traumefokus.paths import DataDir

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


@dataclass(frozen=True)
class DatabaseTarget:
    file: Path | None
    url: str | None = field(default=None, repr=False)  # may hold a password: `where` is shown
    where: str = ""

    @classmethod
    def choose(cls, data_dir: DataDir, database_url: str | None) -> DatabaseTarget:
        if not database_url:
            return cls.sqlite(data_dir.database)
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        # Any malformed URL (an unclosed "[::1", a port that is no number, a NUL character)
        # is invalid input; the URL itself is not repeated: it may hold a password.
        try:
            url = make_url(database_url)
            if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
                return cls.sqlite(_usable(Path(url.database).expanduser().resolve()))
        except (ArgumentError, ValueError, TypeError, OSError, RuntimeError) as exc:
            raise InvalidInput("db.url_invalid", detail=type(exc).__name__) from None
        from traumefokus.storage.server_tls import with_tls

        url = with_tls(url)
        return cls(None, url.render_as_string(hide_password=False), shown_url(url))

    @classmethod
    def sqlite(cls, path: Path) -> DatabaseTarget:
        return cls(path, None, str(path))

    def exists(self) -> bool:
        """False only when we know there is nothing yet (a SQLite file not yet created)."""
        return self.file is None or self.file.exists()


def _usable(path: Path) -> Path:
    """`path`, unless no file system takes it (OSError: a name too long)."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise
    return path


# Query-string keys that carry secrets in libpq and driver URLs.
_SECRET_KEYS = ("password", "passwd", "pwd", "sslpassword", "passfile", "sslkey")


def shown_url(url: URL) -> str:
    """How messages and logs name a server database: never with a password, whether in the
    user info or in the query string."""
    query = {
        key: "xxxxx" if any(secret in key.lower() for secret in _SECRET_KEYS) else value
        for key, value in url.query.items()
    }
    return url.update_query_dict(query).render_as_string(hide_password=True)
