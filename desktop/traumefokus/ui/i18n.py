"""Qt translators: our catalogue and Qt's own (so that standard buttons say "Annuller")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from traumefokus.messages import DEFAULT_LANGUAGE
from traumefokus.paths import shipped_dir

_installed: list[QTranslator] = []
_language = [DEFAULT_LANGUAGE]  # the language last installed


def ui_language() -> str:
    """The language the screens speak: "da" or "en" (for words not translated by Qt, such
    as the labels of labels.py)."""
    return _language[0]


def install_translators(lang: str) -> None:
    """Replace the installed translators with those for `lang` ("da" or "en")."""
    _language[0] = lang
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Danish if lang == "da" else QLocale.Language.English,
            QLocale.Country.Denmark,
        )
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(shipped_dir("resources") / "translations")
    for name, folder in ((f"qtbase_{lang}", qt_dir), (f"traumefokus_{lang}", ours)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
