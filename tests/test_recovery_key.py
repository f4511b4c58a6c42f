"""The recovery key on paper: the sheet names the key, the day and where the data were, in
Danish letters; the dialog prints it and lets the user go on only once it is kept."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from traumefokus.documents.recovery_sheet import recovery_sheet
from traumefokus.paths import DataDir
from traumefokus.services.workspace import Workspace
from traumefokus.storage.key_slots import new_recovery_key
from traumefokus.ui.recovery_key_dialog import RecoveryKeyDialog
from ui_helpers import make_context

KEY = new_recovery_key()


def test_the_sheet_carries_the_key_and_what_to_do_with_it():
    sheet = recovery_sheet(KEY, "/data/traumefokus.db", "da", date(2026, 12, 2))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet.data)).pages)
    assert KEY[:20] in text and KEY[20:] in text and "/data/traumefokus.db" in text
    assert "Gendannelsesnøgle" in text and "væk fra computeren" in text
    assert "2. december 2026" in text
    english = recovery_sheet(KEY, "x", "en", date(2026, 12, 2))
    assert (
        "Keep the sheet locked away" in PdfReader(io.BytesIO(english.data)).pages[0].extract_text()
    )


def test_the_dialog_prints_the_sheet_and_waits_for_the_key_to_be_kept(qtbot, tmp_path):
    ctx = make_context(Workspace(DataDir(tmp_path / "data")), "en")
    dialog = RecoveryKeyDialog(ctx, KEY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key.text() == KEY and not dialog.go_on.isEnabled()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.send_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    dialog.reject()
    assert dialog.isVisible()
    dialog.kept.setChecked(True)
    dialog.go_on.click()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


def test_the_dialog_s_alt_letters_do_not_clash_in_danish(qtbot, tmp_path):
    from PySide6.QtWidgets import QAbstractButton

    ctx = make_context(Workspace(DataDir(tmp_path / "data")), "da")
    dialog = RecoveryKeyDialog(ctx, KEY)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QAbstractButton) if "&" in b.text()]
    letters = [t[t.index("&") + 1].lower() for t in texts]
    assert len(letters) == 3 and len(set(letters)) == len(letters), texts
