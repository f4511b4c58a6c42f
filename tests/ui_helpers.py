"""Building windows for tests in a chosen language."""

from __future__ import annotations

from traumefokus.settings import Settings
from traumefokus.ui.context import UiContext


def make_context(workspace, lang: str = "da", **extra) -> UiContext:
    settings = Settings.load(workspace.data_dir.settings)
    return UiContext(workspace, settings, lang, **extra)
