"""`audit export`: the audit trail as JSON Lines, one entry a line, whatever the file's
extension. Each line holds the entry's canonical fields and its hash (domain/audit_chain.py),
so that a line can be checked on its own; the whole trail can be checked link by link.

The file is written beside its place, the export is recorded in the trail, and only then is
the file renamed into place: an export the trail does not record is never released.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from traumefokus.domain.access import Action
from traumefokus.fileio import atomic_writer, checked_output
from traumefokus.services.acting import Acting
from traumefokus.services.audit_trail import client_object_ids, record_export, trail_entries


@dataclass(frozen=True)
class AuditExport:
    path: Path
    entries: int


def export_audit(acting: Acting, out: Path, *, client_code: str | None = None) -> AuditExport:
    out = checked_output(out, acting.protected_paths())
    acting.require(Action.AUDIT)
    client_id, about = client_object_ids(acting, client_code) if client_code else (None, None)
    count = 0
    with atomic_writer(out) as file:
        for entry in trail_entries(acting, about):
            line = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            file.write(line.encode("utf-8") + b"\n")
            count += 1
        record_export(acting, client_id=client_id, entries=count)
    return AuditExport(out, count)
