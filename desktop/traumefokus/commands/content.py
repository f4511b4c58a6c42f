"""`check-manual PATH`, `pack install PATH`, `pack list`. `check-manual` also checks the
centre's lists (end-reasons.toml, not-held-reasons.toml, other-treatment.toml) by their name,
and scale files (a .toml file with a [scale] table; resources/scales/README.md).

Invalid content raises InvalidContent, which the CLI prints one problem per line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.content.library import ContentLibrary
from traumefokus.domain.content import Pack
from traumefokus.messages import Term, shown, text

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def check(cli: Cli) -> int:
    from traumefokus.content.choice_lists import list_for_file, load_list

    path = Path(cli.args.path)
    kind = list_for_file(path)
    if kind is not None and path.is_file():
        entries = load_list(kind, path)
        cli.say(
            "content.list_summary",
            file=path.name,
            count=len(entries),
            ids=", ".join(e.id for e in entries),
        )
        return 0
    from traumefokus.content.scales import is_scale_file, load_scale

    if is_scale_file(path):
        scale = load_scale(path)
        cli.say(
            "content.scale_summary",
            id=scale.id,
            version=scale.version,
            method=scale.method,
            language=scale.language,
            items=len(scale.items),
            ratings=len(scale.rating_keys()),
            parts=", ".join(p.id for p in scale.parts),
            generic=sum(not i.official for i in scale.items),
        )
        return 0
    content = ContentLibrary.for_data_dir(cli.data_dir).load_path(Path(cli.args.path))
    if isinstance(content, Pack):
        cli.say(
            "content.pack_summary",
            id=content.id,
            version=content.version,
            method=content.method,
            language=content.language,
            themes=len(content.themes),
            complete=sum(t.complete for t in content.themes),
            worksheets=sum(len(t.worksheets) for t in content.themes),
        )
    else:
        cli.say(
            "content.programme_summary",
            id=content.id,
            version=content.version,
            method=content.method,
            pack=content.pack_id,
            sessions=len(content.slots),
            offered=len(content.offered_themes),
            choose=content.themes_to_choose,
        )
    return 0


def install(cli: Cli) -> int:
    from traumefokus.services.content import install_content

    with cli.workspace().open() as db:
        result = install_content(cli.sign_in(db), Path(cli.args.path))
    ref = result.ref
    cli.say(
        "content.already_installed" if result.already else "content.installed",
        kind=Term(f"kind.{ref.kind}"),
        id=ref.id,
        version=ref.version,
        path=ref.path,
    )
    return 0


def list_installed(cli: Cli) -> int:
    library = ContentLibrary.for_data_dir(cli.data_dir)
    cli.say("content.list_header")
    for kind in ("pack", "programme"):
        for ref in library.refs(kind):
            source = text("source.installed" if ref.installed else "source.shipped", cli.lang)
            print(  # an id as a file that is not validated yet has it: shown safely
                f"{text(f'kind.{kind}', cli.lang):<10} {shown(ref.id):<18} {ref.version!s:<8} "
                f"{source:<11} {shown(ref.path)}",
                file=cli.out,
            )
    return 0
