"""The menu's side of the settings: File ▸ Settings… and the View menu's items that IT may
lock. Apart from the dialog (ui/settings_dialog.py), which is loaded when first opened: the
first window shows sooner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from traumefokus.ui.context import UiContext
    from traumefokus.ui.main_window import MainWindow


def add_settings_action(window: MainWindow, menu: QMenu) -> None:
    """File ▸ Settings… (Ctrl+,). What was kept takes effect through the window's signals:
    `settings_changed` (the idle lock), `language_chosen` (the window is rebuilt in it, once
    the dialog is gone)."""

    def open_settings() -> None:
        from traumefokus.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(window.ctx, window)
        if not dialog.exec():
            return
        window.settings_changed.emit()
        if dialog.new_language:
            window.language_chosen.emit(dialog.new_language)

    action = menu.addAction(QCoreApplication.translate("SettingsDialog", "&Settings…"))
    action.triggered.connect(open_settings)
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)


def locked_by_it(ctx: UiContext, language: QMenu, show_names: QAction) -> None:
    """The View menu's language and client names, switched off where IT locked them."""
    why = QCoreApplication.translate("SettingsDialog", "Locked by your IT department")
    for item, key in ((language, "language"), (show_names, "show_display_names")):
        if ctx.mine.is_locked(key):
            item.setEnabled(False)
            item.setToolTip(why)
