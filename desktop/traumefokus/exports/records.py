"""`export records`: the complete data as JSON (schema: resources/schemas/records-v1)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from traumefokus.domain.actor import Actor
from traumefokus.fileio import write_atomic
from traumefokus.services.records import collect_records, count_sessions
from traumefokus.storage.database import Database


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    clients: int
    sessions: int


def export_records(
    db: Database, actor: Actor, out: Path, *, client_code: str | None = None
) -> ExportSummary:
    document = collect_records(db, actor, client_code=client_code)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomic(out, text.encode("utf-8"))
    clients = document["clients"]
    return ExportSummary(out, len(clients), count_sessions(clients))
