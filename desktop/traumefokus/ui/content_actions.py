"""Menu actions for content: open the browser, install a pack or a programme."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from traumefokus.domain.access import Action
from traumefokus.messages import Term, text
from traumefokus.ui.context import UiContext
from traumefokus.ui.operations import fetch

if TYPE_CHECKING:
    from traumefokus.ui.content_browser import ContentBrowser


def may_install(ctx: UiContext) -> bool:
    return ctx.signed_in and ctx.acting.may(Action.INSTALL_CONTENT)


def open_browser(ctx: UiContext, parent: QWidget) -> ContentBrowser:
    from traumefokus.ui.content_browser import ContentBrowser

    browser = ContentBrowser(ctx.library, ctx.lang, parent)
    browser.show()
    return browser


def choose_and_install(ctx: UiContext, parent: QWidget, *, programme: bool) -> bool:
    """Ask for a pack folder or a programme file and install it; True if something new."""
    if programme:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ContentActions", "Install a programme"),
            str(Path.home()),
            QCoreApplication.translate("ContentActions", "Programmes (*.toml)"),
        )
    else:
        path = QFileDialog.getExistingDirectory(
            parent,
            QCoreApplication.translate(
                "ContentActions", "Install a content pack (the folder with pack.toml)"
            ),
            str(Path.home()),
        )
    return bool(path) and install(ctx, parent, Path(path))


def install(ctx: UiContext, parent: QWidget, path: Path) -> bool:
    from traumefokus.services.content import install_content

    title = QCoreApplication.translate("ContentActions", "Install content")
    result = fetch(
        parent,
        ctx,
        lambda: install_content(ctx.acting, path),
        title=title,
        lead=QCoreApplication.translate("ContentActions", "Nothing was installed."),
        wait=False,
    )
    if result is None:
        return False
    ref = result.ref
    message = text(
        "content.already_installed" if result.already else "content.installed",
        ctx.lang,
        kind=Term(f"kind.{ref.kind}"),
        id=ref.id,
        version=ref.version,
        path=ref.path,
    )
    QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent).open()
    return not result.already
