"""Words of Qt's own dialogs that Qt's Danish catalogue lacks, supplied by ours.

The file dialogs and the print dialog the program opens are Qt's, translated by Qt's own
catalogue, qtbase_da.qm, which ui/i18n.py installs. That catalogue was written for an older
Qt: Qt 6 gave some labels a shortcut letter ("Look in:" became "&Look in:", "Files of type:"
became "Files of &type:") and added words, and a translation is found only by its exact
English text, so those showed in English in the Danish program. Our catalogue carries them
in Qt's own contexts; it is installed after Qt's, and Qt asks the translator installed last
first. `qt_words()` names them, so that lupdate (tools/translations.py) puts them into
resources/translations, and tests can check that each is translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_words() -> list[tuple[str, str, str]]:
    """(Qt's context, Qt's English words, as the program shows them now)."""
    return [
        # The file dialog: its labels and the kinds of entries in its list.
        ("QFileDialog", "&Look in:", QCoreApplication.translate("QFileDialog", "&Look in:")),
        (
            "QFileDialog",
            "Files of &type:",
            QCoreApplication.translate("QFileDialog", "Files of &type:"),
        ),
        (
            "QAbstractFileIconProvider",
            "Folder",
            QCoreApplication.translate(
                "QAbstractFileIconProvider", "Folder", "All other platforms"
            ),
        ),
        (
            "QAbstractFileIconProvider",
            "Shortcut",
            QCoreApplication.translate(
                "QAbstractFileIconProvider", "Shortcut", "All other platforms"
            ),
        ),
        (
            "QAbstractFileIconProvider",
            "Drive",
            QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        ),
        (
            "QAbstractFileIconProvider",
            "Unknown",
            QCoreApplication.translate("QAbstractFileIconProvider", "Unknown"),
        ),
        # The print dialog: its options, and a CUPS printer's properties.
        (
            "QPrintSettingsOutput",
            "Double Sided Printing",
            QCoreApplication.translate("QPrintSettingsOutput", "Double Sided Printing"),
        ),
        ("QPrintSettingsOutput", "Off", QCoreApplication.translate("QPrintSettingsOutput", "Off")),
        (
            "QPrintSettingsOutput",
            "Long side binding",
            QCoreApplication.translate("QPrintSettingsOutput", "Long side binding"),
        ),
        (
            "QPrintSettingsOutput",
            "Short side binding",
            QCoreApplication.translate("QPrintSettingsOutput", "Short side binding"),
        ),
        (
            "QPrintSettingsOutput",
            "Page &Set:",
            QCoreApplication.translate("QPrintSettingsOutput", "Page &Set:"),
        ),
        (
            "QPageSetupWidget",
            "Pages &per sheet:",
            QCoreApplication.translate("QPageSetupWidget", "Pages &per sheet:"),
        ),
        (
            "QPageSetupWidget",
            "Page &order:",
            QCoreApplication.translate("QPageSetupWidget", "Page &order:"),
        ),
        (
            "QCupsJobWidget",
            "&Billing information:",
            QCoreApplication.translate("QCupsJobWidget", "&Billing information:"),
        ),
        (
            "QCupsJobWidget",
            "Job &priority:",
            QCoreApplication.translate("QCupsJobWidget", "Job &priority:"),
        ),
        (
            "QCupsJobWidget",
            "Scheduled &printing:",
            QCoreApplication.translate("QCupsJobWidget", "Scheduled &printing:"),
        ),
        ("QCupsJobWidget", "&Start:", QCoreApplication.translate("QCupsJobWidget", "&Start:")),
        ("QCupsJobWidget", "&End:", QCoreApplication.translate("QCupsJobWidget", "&End:")),
    ]
