"""`export records`: the complete data as JSON (schema: resources/schemas/records-v1)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traumefokus.fileio import checked_output, write_atomic
from traumefokus.services.acting import Acting
from traumefokus.services.records import collect_records, count_sessions


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    clients: int
    sessions: int
    summary: Path | None = None  # the client's readable copy, beside the JSON


# Makes the client's readable copy (documents/client_copy.py): their part of the records and
# the JSON file's name, to the PDF's bytes. Given by the caller: exports and documents are
# layers beside each other.
CopyMaker = Callable[[dict[str, Any], str], bytes]


def export_records(
    acting: Acting, out: Path, *, client_code: str | None = None, copy: CopyMaker | None = None
) -> ExportSummary:
    """The records as JSON at `out`; with `client_code` (the client's copy) and `copy`, a
    readable PDF of it beside, under the same name with `.pdf`."""
    out = checked_output(out, acting.protected_paths())
    pdf_path = None
    if client_code is not None and copy is not None:
        pdf_path = checked_output(_beside(out), acting.protected_paths())
    document = collect_records(acting, client_code=client_code)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    clients = document["clients"]
    pdf = copy(clients[0], out.name) if copy is not None and pdf_path and clients else None
    write_atomic(out, text.encode("utf-8"))
    if pdf is not None and pdf_path is not None:
        write_atomic(pdf_path, pdf)
    return ExportSummary(out, len(clients), count_sessions(clients), pdf_path if pdf else None)


def _beside(out: Path) -> Path:
    """The PDF's name: the JSON's with `.pdf` (`.json.pdf` if the JSON is named `.pdf`)."""
    pdf = out.with_suffix(".pdf")
    return pdf if pdf != out else out.with_name(out.name + ".pdf")
