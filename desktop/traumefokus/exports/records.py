"""`export records`: the complete data as JSON (schema: resources/schemas/records-v1)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traumefokus.fileio import atomic_writer, checked_output, write_atomic
from traumefokus.services.acting import Acting
from traumefokus.services.records import collect_records, count_sessions, reading_records


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
    readable PDF of it beside, under the same name with `.pdf`.

    The whole export streams: the clients are read a batch at a time and written as they
    come to a temporary file, which becomes `out` only once the export's audit entry has
    committed (an export that fails leaves no file and no entry)."""
    out = checked_output(out, acting.protected_paths())
    if client_code is not None:
        return _client_copy(acting, out, client_code, copy)
    with atomic_writer(out) as file, reading_records(acting) as reader:
        head = reader.head()
        for text in json_text(head, reader.clients()):
            file.write(text.encode("utf-8"))
    return ExportSummary(out, reader.clients_read, reader.sessions_read)


def _client_copy(
    acting: Acting, out: Path, client_code: str, copy: CopyMaker | None
) -> ExportSummary:
    """One client's records (small: read at once), and their readable copy if asked for."""
    pdf_path = None
    if copy is not None:
        pdf_path = checked_output(_beside(out), acting.protected_paths())
    document = collect_records(acting, client_code=client_code)
    clients = document.pop("clients")
    pdf = copy(clients[0], out.name) if copy is not None and pdf_path and clients else None
    write_atomic(out, "".join(json_text(document, clients)).encode("utf-8"))
    if pdf is not None and pdf_path is not None:
        write_atomic(pdf_path, pdf)
    return ExportSummary(out, len(clients), count_sessions(clients), pdf_path if pdf else None)


_NO_CLIENTS = "[]\n}"


def json_text(head: dict[str, Any], clients: Iterable[dict[str, Any]]) -> Iterator[str]:
    """`json.dumps({**head, "clients": [...]}, ensure_ascii=False, indent=2)` and a newline,
    in pieces: one client at a time. The same bytes as the document dumped at once."""
    whole = json.dumps({**head, "clients": []}, ensure_ascii=False, indent=2)
    assert whole.endswith(_NO_CLIENTS)  # "clients" is the last key
    first = True
    for client in clients:
        yield whole[: -len(_NO_CLIENTS)] + "[\n" if first else ",\n"
        first = False
        # JSON text has newlines only between its tokens (a string's are escaped)
        yield "    " + json.dumps(client, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    yield whole + "\n" if first else "\n  ]\n}\n"


def _beside(out: Path) -> Path:
    """The PDF's name: the JSON's with `.pdf` (`.json.pdf` if the JSON is named `.pdf`)."""
    pdf = out.with_suffix(".pdf")
    return pdf if pdf != out else out.with_name(out.name + ".pdf")
