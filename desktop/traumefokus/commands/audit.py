"""`traumefokus audit verify` and `traumefokus audit export --out FILE [--client CODE]`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.errors import DataProblem
from traumefokus.messages import Term
from traumefokus.services.audit_trail import verify_chain

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def verify(cli: Cli) -> int:
    """Exit 0 with the number of entries; exit 4 naming the first broken entry. It only
    reads, so it also checks a database on a disk that cannot be written (a copy kept for
    an inquiry, say)."""
    with cli.workspace(reading=True).open() as db:
        report = verify_chain(cli.sign_in(db))
    if report.broken is not None:
        why = Term(f"audit.flaw_{report.broken.flaw.value}")
        raise DataProblem("audit.broken", seq=report.broken.seq, why=why)
    cli.say("audit.verified", count=report.count)
    return 0


def export(cli: Cli) -> int:
    from traumefokus.exports.audit import export_audit

    with cli.workspace().open() as db:
        done = export_audit(cli.sign_in(db), Path(cli.args.out), client_code=cli.args.client)
    cli.say("audit.exported", count=done.entries, path=done.path)
    return 0
