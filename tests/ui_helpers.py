"""Building windows for tests in a chosen language."""

from __future__ import annotations

from traumefokus.settings import Settings
from traumefokus.ui.context import UiContext
from traumefokus.ui.i18n import install_translators


def make_context(workspace, lang: str = "da", *, db=None, acting=None) -> UiContext:
    """A UI context in `lang`, with that language's translators installed; signed in as
    `acting` (an Acting from the fixtures) if given."""
    install_translators(lang)
    settings = Settings.load(workspace.data_dir.settings)
    ctx = UiContext(workspace, settings, lang, db=db or (acting.db if acting else None))
    if acting is not None:
        ctx.sign_in(acting.actor)
    return ctx


def signed_in_window(ctx: UiContext):
    """The main window as it is once its user has signed in."""
    from traumefokus.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.begin()
    return window
