"""The Help menu: the user guide (F1), loaded when first opened (ui/help_actions.py), and
About Traumefokus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from traumefokus import __version__


def add_help_menu(window: QMainWindow) -> None:
    """Help ▸ User guide (F1), and ▸ About Traumefokus."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    guide = menu.addAction(QCoreApplication.translate("GuideWindow", "&User guide"))
    guide.setShortcut(QKeySequence("F1"))
    guide.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    guide.triggered.connect(lambda: _show_guide(window))
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("MainWindow", "&About Traumefokus"), lambda: _about(window)
    )


def _show_guide(window: QMainWindow) -> None:
    from traumefokus.ui.help_actions import show_guide

    show_guide(window)


def _about(window: QMainWindow) -> None:
    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "About Traumefokus"),
        QCoreApplication.translate(
            "MainWindow",
            "<h3>Traumefokus %1</h3><p>Guides trauma-focused Seeking Safety and Creating "
            "Change sessions inside a MOVE course.</p><p>Traumefokus contains no text from "
            "the Seeking Safety or Creating Change manuals; a centre loads its own licensed "
            "material.</p>",
        ).replace("%1", __version__),
    )
