"""Work done ahead on other threads, so that the user waits for it as little as possible:

- `Prepared`: before the first window, the settings and the workspace; with a user and a
  password on the command line, the key derivation of their sign-in (`Unlocking`: a third
  of a second in C, without the GIL) starts once Qt's libraries are mapped, and runs while
  the application starts and the first window is built and painted.
- `warm_up`: while a key derivation runs or the user types their password, SQLAlchemy's
  ORM with the program's tables and the database's dialect, the services of the first lists
  and the newest version of each content pack (the Today list names the themes) are loaded.
  Pure Python only (no Qt off the UI thread); the import lock keeps a module that the UI
  thread asks for meanwhile whole, and the library's lock a pack (the UI thread waits for it
  rather than reading it a second time).
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from traumefokus.content.library import ContentLibrary
    from traumefokus.paths import DataDir
    from traumefokus.services.workspace import Workspace
    from traumefokus.settings import Settings
    from traumefokus.storage.target import DatabaseTarget

log = logging.getLogger(__name__)

NEXT = (
    "traumefokus.storage.database",
    "traumefokus.services.unlocking",
    "traumefokus.services.acting",
    "traumefokus.services.overview",
    "traumefokus.services.session_notes",
    "traumefokus.services.supervision_comments",
)


@dataclass
class Prepared:
    settings: Settings
    workspace: Workspace
    password: str | None = field(repr=False)  # read once, then gone from the environment
    unlocking: Unlocking | None

    @classmethod
    def ahead_of_the_window(cls, data_dir: DataDir, user: str | None, url: str | None) -> Prepared:
        from traumefokus.commands.context import PASSWORD_ENV
        from traumefokus.errors import TraumefokusError
        from traumefokus.services.workspace import Workspace
        from traumefokus.settings import Settings

        settings = Settings.load(data_dir.settings)
        workspace = Workspace(data_dir, settings.database_url(url))
        # Nothing started from here inherits the password.
        password = os.environ.pop(PASSWORD_ENV, None)
        unlocking = None
        try:
            if user and password is not None and workspace.locked:
                _map_qt_first()
                unlocking = Unlocking(workspace, user, password)
        except TraumefokusError:
            pass  # said by the window's own look at the database (ui/app.py)
        return cls(settings, workspace, password, unlocking)


def _map_qt_first() -> None:
    """Map Qt's libraries into the process before the key derivation begins: mapped while the
    derivation touches its 128 MiB, both wait on the kernel's lock of the process's memory,
    and the user waits for both (bench/startup.py: a third of a second on two cores)."""
    import PySide6.QtWidgets  # noqa: F401


class Unlocking:
    """`unlock_with(workspace, name, password)` on a thread of its own; `user_id()` waits
    for it and gives its result, or raises its error."""

    def __init__(self, workspace: Workspace, name: str, password: str) -> None:
        self._found: str | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(workspace, name, password), name="unlocking", daemon=True
        )
        self._thread.start()

    def _run(self, workspace: Workspace, name: str, password: str) -> None:
        from traumefokus.services.key_unlock import unlock_with

        try:
            self._found = unlock_with(workspace, name, password)
        except BaseException as error:  # handed to the UI thread, which says it
            self._error = error

    def user_id(self) -> str:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._found is not None
        return self._found


def warm_up(library: ContentLibrary, target: DatabaseTarget) -> threading.Thread:
    thread = threading.Thread(target=_load, args=(library, target), name="warm-up", daemon=True)
    thread.start()
    return thread


def _load(library: ContentLibrary, target: DatabaseTarget) -> None:
    try:
        for name in NEXT:
            importlib.import_module(name)
        from sqlalchemy.orm import configure_mappers

        configure_mappers()  # what the first query would otherwise do on the UI thread
        for pack_id in sorted({ref.id for ref in library.refs("pack")}):
            library.pack(pack_id)
        from sqlalchemy.engine import make_url

        # what the engine would load when the database opens (a driver missing is said then)
        make_url("sqlite+pysqlite://" if target.file else target.url or "").get_dialect()
    except Exception as exc:  # the UI thread meets the same problem and says it
        log.warning("Loading ahead failed (%s)", type(exc).__name__)
