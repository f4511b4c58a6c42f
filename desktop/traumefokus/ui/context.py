"""What every window needs: the workspace, settings, the UI language and (once signed in)
the open database and the acting user."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from traumefokus.errors import TraumefokusError
from traumefokus.messages import describe
from traumefokus.services.workspace import Workspace
from traumefokus.settings import Settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from traumefokus.content.library import ContentLibrary
    from traumefokus.domain.actor import Actor
    from traumefokus.storage.database import Database


@dataclass
class UiContext:
    workspace: Workspace
    settings: Settings
    lang: str
    db: Database | None = None
    actor: Actor | None = None
    _library: ContentLibrary | None = None

    def describe(self, error: TraumefokusError) -> str:
        return describe(error, self.lang)

    @property
    def library(self) -> ContentLibrary:
        """The packs and programmes, read when first needed and kept for the session."""
        if self._library is None:
            from traumefokus.content.library import ContentLibrary

            self._library = ContentLibrary.for_data_dir(self.workspace.data_dir)
        return self._library


def save_settings(ctx: UiContext) -> None:
    """Settings are a convenience: failing to save them is logged, never shown as a crash."""
    try:
        ctx.settings.save()
    except TraumefokusError as error:
        log.warning("Settings not saved: %s", error)
