"""Building windows for tests in a chosen language."""

from __future__ import annotations

from traumefokus.settings import Settings
from traumefokus.ui.context import UiContext
from traumefokus.ui.i18n import install_translators


def make_context(workspace, lang: str = "da", **extra) -> UiContext:
    """A UI context in `lang`, with that language's translators installed."""
    install_translators(lang)
    settings = Settings.load(workspace.data_dir.settings)
    return UiContext(workspace, settings, lang, **extra)
