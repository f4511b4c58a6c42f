"""`traumefokus report supervision --out FILE.pdf|FILE.xlsx [--from DATE] [--to DATE]
[--site S] [--therapists a,b]`: the supervision overview as a report."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.errors import InvalidInput

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    from traumefokus.services.supervision import OverviewQuery

    args = cli.args
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise InvalidInput("supervision.format", suffix=suffix or out.name)
    names = tuple(n.strip() for n in (args.therapists or "").split(",") if n.strip())
    query = OverviewQuery(args.start, args.end, (args.site or "").strip() or None, names)
    today = date.today()
    with cli.workspace().open() as db:
        acting = cli.sign_in(db)
        if suffix == ".xlsx":
            from traumefokus.exports.supervision import export_supervision

            export_supervision(acting, query, out, lang=cli.lang, today=today)
        else:
            from traumefokus.documents.kinds import DocumentKind
            from traumefokus.documents.render import DocumentRequest, save_pdf

            request = DocumentRequest(
                DocumentKind.SUPERVISION, "", lang=cli.lang, supervision=query
            )
            save_pdf(acting, request, out, today=today)
    cli.say("supervision.done", path=out)
    return 0
