"""`export records`: the complete data as JSON (schema: resources/schemas/records-v1)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from traumefokus.fileio import checked_output, write_atomic
from traumefokus.services.acting import Acting
from traumefokus.services.records import collect_records, count_sessions


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    clients: int
    sessions: int


def export_records(acting: Acting, out: Path, *, client_code: str | None = None) -> ExportSummary:
    out = checked_output(out, acting.protected_paths())
    document = collect_records(acting, client_code=client_code)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomic(out, text.encode("utf-8"))
    clients = document["clients"]
    return ExportSummary(out, len(clients), count_sessions(clients))
