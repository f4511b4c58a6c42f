"""Client ▸ Hand out the client's data… (administrators): the client's copy of their data, the
same files as `export records --client` (the JSON and a readable PDF beside it), saved where
the administrator chooses, on a thread of its own; a message says where both files went."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from traumefokus.exports.records import ExportSummary
from traumefokus.ui import operations
from traumefokus.ui.context import UiContext, save_settings

FOLDER_SETTING = "print_folder"  # the folder the user last saved a file to (settings.py)


def hand_out_client_copy(ctx: UiContext, client_code: str, parent: QWidget) -> None:
    """Ask where, then write the client's copy in the background."""
    from traumefokus.documents.client_copy import copy_maker
    from traumefokus.exports.records import export_records

    folder = ctx.mine.get(FOLDER_SETTING) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    title = QCoreApplication.translate("ClientCopy", "Save the client's data")
    chosen, _kind = QFileDialog.getSaveFileName(
        parent, title, str(Path(folder) / f"{client_code}.json"), "JSON (*.json)"
    )
    if not chosen:
        return
    out = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".json")
    ctx.mine.set(FOLDER_SETTING, str(out.parent))
    save_settings(ctx)
    acting, lang = ctx.acting, ctx.lang
    copy = copy_maker(acting, lang, date.today())

    def done(summary: ExportSummary) -> None:
        written = [summary.path] + ([summary.summary] if summary.summary else [])
        said = QCoreApplication.translate(
            "ClientCopy", "The client's data were saved:\n%1\n\nHand the files to the client."
        )
        QMessageBox.information(parent, title, said.replace("%1", "\n".join(map(str, written))))

    operations.run_in_background(
        parent,
        ctx,
        lambda _progress: export_records(acting, out, client_code=client_code, copy=copy),
        done,
    )
