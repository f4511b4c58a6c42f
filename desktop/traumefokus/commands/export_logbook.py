"""`traumefokus export logbook --out FILE.csv|FILE.xlsx [--from DATE --to DATE] [--site S]
[--separator ';'] [--identifiable]`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.exports.logbook import export_logbook
from traumefokus.messages import Term
from traumefokus.services.logbook import LogbookFilter

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    args = cli.args
    where = LogbookFilter(start=args.start, end=args.end, site=args.site)
    with cli.workspace().open() as db:
        done = export_logbook(
            cli.sign_in(db),
            Path(args.out),
            where,
            separator=args.separator,
            identifiable=args.identifiable,
            lang=cli.lang,
        )
    how = Term("export.identifiable" if done.identifiable else "export.pseudonymised")
    cli.say("export.logbook_done", rows=done.rows, how=how, path=done.path, codebook=done.codebook)
    return 0
