"""`traumefokus print note|handout|plan|letter|notes --session|--course ID --out FILE`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.commands.context import PRINTABLE
from traumefokus.documents.kinds import DocumentKind
from traumefokus.documents.render import DocumentRequest, save_pdf

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    what = cli.args.what
    request = DocumentRequest(
        DocumentKind(what),
        getattr(cli.args, PRINTABLE[what]),
        lang=cli.lang,
        with_name=cli.args.with_name,
        worksheets=tuple(cli.args.worksheet) if getattr(cli.args, "worksheet", None) else None,
        letter_after=getattr(cli.args, "after", None),
    )
    today = date.today()
    with cli.workspace().open() as db:
        rendered = save_pdf(cli.sign_in(db), request, Path(cli.args.out), today=today)
    cli.say("print.done", pages=rendered.pages, path=cli.args.out)
    if rendered.letter_after is not None:
        cli.say("print.letter_recorded", count=rendered.letter_after, day=today.isoformat())
    return 0
