"""`traumefokus coding sample --round NAME --method SS|CC --from DATE --to DATE --size N
--seed S [--coders NAME,NAME] [--by-therapist]`: a supervisor draws a coding round;
`coding export` writes it for its coders; `coding close --round NAME` closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def sample(cli: Cli) -> int:
    from traumefokus.services.coding_rounds import RoundSpec, create_round

    args = cli.args
    coders = tuple(n.strip() for n in (args.coders or "").split(",") if n.strip())
    spec = RoundSpec(
        args.round, args.method, args.start, args.end, args.size, args.seed,
        by_therapist=args.by_therapist, coders=coders,
    )  # fmt: skip
    with cli.workspace().open() as db:
        made = create_round(cli.sign_in(db), spec)
    cli.say(
        "coding.sampled",
        name=made.name,
        method=made.method.value,
        start=made.start.isoformat(),
        end=made.end.isoformat(),
        drawn=len(made.session_ids),
        coders=", ".join(c.name for c in made.coders),
    )
    return 0


def export(cli: Cli) -> int:
    """`traumefokus coding export --round NAME --out DIR [--zip] [--recordings-key FILE]`."""
    from pathlib import Path

    from traumefokus.exports.coding import export_coding

    args = cli.args
    key = Path(args.recordings_key) if args.recordings_key else None
    with cli.workspace().open() as db:
        done = export_coding(
            cli.sign_in(db),
            args.round,
            Path(args.out),
            as_zip=args.zip,
            recordings_key=key,
            lang=cli.lang,
        )
    cli.say(
        "coding.exported",
        name=done.round_name,
        path=done.path,
        sessions=done.sessions,
        rows=done.rating_rows,
    )
    for name, pseudonym in done.coders:
        cli.say("coding.coder_pseudonym", name=name, pseudonym=pseudonym)
    if done.key is not None:
        cli.say("coding.key_written", path=done.key)
    return 0


def close(cli: Cli) -> int:
    """`traumefokus coding close --round NAME`: the round's results stand."""
    from traumefokus.services.coding_round_admin import close_round

    with cli.workspace().open() as db:
        closed = close_round(cli.sign_in(db), cli.args.round)
    cli.say("coding.closed", name=closed.name, submitted=closed.submitted, drafts=closed.drafts)
    return 0
