"""Qt's own dialogs that the program opens (choosing a content pack or a programme, saving a
PDF, the print dialog) speak Danish in the Danish program: no label, button, list or header
shows the words the English program shows (ui/qt_words.py supplies what Qt's Danish
catalogue lacks)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

from traumefokus.documents.kinds import DocumentKind
from traumefokus.documents.render import DocumentRequest
from traumefokus.services.clients import add_client
from traumefokus.ui.content_actions import choose_and_install
from traumefokus.ui.i18n import install_translators
from traumefokus.ui.print_preview import PrintPreview
from traumefokus.ui.qt_words import qt_words
from ui_helpers import make_context

# Words the same in both languages.
SAME_IN_BOTH = {"Type", "Type:", "Printer", "OK", "Computer", "1", "..."}


def shown_texts(dialog: QWidget) -> set[str]:
    """Every label, button (and its tooltip), list entry, group and tab title and column
    title in the dialog, shortcut marks removed."""
    found = [dialog.windowTitle()]
    found += [w.text() for w in dialog.findChildren(QLabel)]
    for button in dialog.findChildren(QAbstractButton):
        found += [button.text(), button.toolTip()]
    for box in dialog.findChildren(QComboBox):
        found += [box.itemText(i) for i in range(box.count())]
    found += [w.title() for w in dialog.findChildren(QGroupBox)]
    for tabs in dialog.findChildren(QTabWidget):
        found += [tabs.tabText(i) for i in range(tabs.count())]
    for view in dialog.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            found += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
    return {t.replace("&", "").strip() for t in found if t and t.strip()}


def words_of_the_dialog(open_it: Callable[[], object]) -> tuple[type, set[str]]:
    """Open a dialog as the program does, read its words while it waits for the user, and
    cancel it."""
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, (QFileDialog, QPrintDialog)) and dialog.isVisible():
            seen["kind"], seen["words"] = type(dialog), shown_texts(dialog)
            dialog.reject()
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    open_it()
    assert "words" in seen, "the dialog did not open"
    return seen["kind"], seen["words"]  # type: ignore[return-value]


def not_a_word(text: str) -> bool:
    return text.startswith(("/", "~")) or text in SAME_IN_BOTH


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def preview(qtbot, workspace, admin, therapist):
    from factories import planned_course

    course = planned_course(therapist, add_client(admin, "K-0001").id)
    built = {}

    def build(lang: str) -> PrintPreview:
        ctx = make_context(workspace, lang, acting=therapist)
        dialog = PrintPreview(ctx, DocumentRequest(DocumentKind.PLAN, course), "Plan")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=20_000)
        built[lang] = dialog
        return dialog

    yield build
    install_translators("da")


def in_both_languages(open_in: Callable[[str], Callable[[], object]]) -> tuple[type, set, set]:
    words = {}
    for lang in ("en", "da"):
        install_translators(lang)
        kind, words[lang] = words_of_the_dialog(open_in(lang))
    install_translators("da")
    return kind, words["en"], words["da"]


def english_left(english: set[str], danish: set[str]) -> set[str]:
    return {t for t in danish & english if not not_a_word(t)}


@pytest.mark.parametrize("programme", [True, False], ids=["programme file", "pack folder"])
def test_choosing_content_to_install_is_in_danish(workspace, admin, parent, programme):
    def open_in(lang: str):
        ctx = make_context(workspace, lang, acting=admin)
        return lambda: choose_and_install(ctx, parent, programme=programme)

    kind, english, danish = in_both_languages(open_in)
    assert kind is QFileDialog
    assert "Look in:" in english and "Kig i:" in danish
    assert english_left(english, danish) == set()
    if programme:
        assert "Files of type:" in english and "Filer af type:" in danish


def test_saving_a_pdf_is_in_danish(preview):
    def open_in(lang: str):
        dialog = preview(lang)
        return lambda: dialog.choose_file(dialog.rendered)

    kind, english, danish = in_both_languages(open_in)
    assert kind is QFileDialog
    assert "Kig i:" in danish and "Filnavn:" in danish
    assert english_left(english, danish) == set()


def test_the_print_dialog_is_in_danish(preview):
    def open_in(lang: str):
        dialog = preview(lang)
        return lambda: dialog.choose_printer(dialog.rendered)

    kind, english, danish = in_both_languages(open_in)
    assert kind is QPrintDialog
    assert "Double Sided Printing" in english and "Dobbeltsidet udskrivning" in danish
    printers = {  # the machine's own queues, named by their administrator: not Qt's words
        name
        for info in QPrinterInfo.availablePrinters()
        for name in (info.printerName(), info.description(), info.makeAndModel())
    }
    assert english_left(english, danish) - printers == set()


def test_every_word_qt_lacks_is_in_our_catalogue(qapp):
    install_translators("da")
    untranslated = [(c, e) for c, e, shown in qt_words() if shown == e and e != "&Start:"]
    assert untranslated == []
    install_translators("en")
    try:
        assert all(shown == english for _c, english, shown in qt_words())
    finally:
        install_translators("da")


def test_qts_catalogue_is_found_and_installed_before_any_dialog(qapp):
    from traumefokus.ui import i18n

    install_translators("da")
    names = [t.filePath() for t in i18n._installed]
    assert names[0].endswith("qtbase_da.qm") and names[1].endswith("traumefokus_da.qm")
    assert QApplication.translate("QFileDialog", "File &name:") == "&Filnavn:"
