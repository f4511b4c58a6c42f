"""What every window needs: the workspace, settings, the UI language, and (once open) the
database and (once signed in) the acting user's context that every service call runs in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from traumefokus.domain.access import Action, Relation
from traumefokus.errors import TraumefokusError
from traumefokus.messages import describe
from traumefokus.services.workspace import Workspace
from traumefokus.settings import Section, Settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from traumefokus.content.library import ContentLibrary
    from traumefokus.domain.actor import Actor
    from traumefokus.services.acting import Acting
    from traumefokus.storage.database import Database
    from traumefokus.ui.operations import ChangeBus


@dataclass
class UiContext:
    workspace: Workspace
    settings: Settings
    lang: str
    db: Database | None = None
    _acting: Acting | None = None
    _library: ContentLibrary | None = None
    change_bus: ChangeBus | None = None  # ui/operations.py: what each action changed
    # The sign-in's writes to an encrypted database (the audit entry, a key slot made anew),
    # which wait for its integrity check: app.py runs both off the UI thread.
    sign_in_writes: Callable[[], object] | None = None

    def describe(self, error: TraumefokusError) -> str:
        return describe(error, self.lang)

    @property
    def library(self) -> ContentLibrary:
        """The packs and programmes, read when first needed and kept for the session."""
        if self._library is None:
            from traumefokus.content.library import ContentLibrary

            self._library = ContentLibrary.for_data_dir(self.workspace.data_dir)
        return self._library

    @property
    def acting(self) -> Acting:
        """The signed-in user's context: every service call from a window goes through it."""
        assert self._acting is not None, "nobody is signed in"
        return self._acting

    @property
    def signed_in(self) -> bool:
        return self._acting is not None

    def sign_in(self, actor: Actor) -> Acting:
        from traumefokus.services.acting import Acting

        assert self.db is not None
        self._acting = Acting(self.db, self.library, actor, self.workspace.data_dir)
        self.settings.installation.set("last_user", actor.name)
        return self._acting

    def fresh(self) -> UiContext:
        """A context for the next user of the program: the same data, nobody signed in."""
        return UiContext(
            self.workspace, self.settings, self.lang, db=self.db, _library=self._library
        )

    def why_not(self, action: Action, may: frozenset[Action]) -> str:
        """Why the signed-in user may not do `action` with a course where they may do `may`
        (a tooltip), or "" if they may."""
        if action in may:
            return ""
        return self.describe(self.acting.refusal(action, Relation.OTHER))

    def read_only_reason(
        self, action: Action, may: frozenset[Action], *, theirs: str, by_role: str
    ) -> str:
        """One calm line for a page the user may read but not change (`action` not in `may`):
        `theirs` when it is another therapist's course, else `by_role` with %1 the role; ""
        when they may."""
        from traumefokus.ui.labels import role_label

        if action in may:
            return ""
        if self.acting.may(action, Relation.OWN):  # they could, with a course of their own
            return theirs
        return by_role.replace("%1", role_label(self.acting.actor.role.value))

    @property
    def mine(self) -> Section:
        """The signed-in user's own settings."""
        return self.settings.user(self.acting.actor.id)


def save_settings(ctx: UiContext) -> None:
    """Settings are a convenience: failing to save them is logged, never shown as a crash."""
    try:
        ctx.settings.save()
    except TraumefokusError as error:
        log.warning("Settings not saved: %s", error.code)
