"""Command-line entry: `traumefokus [options] [command ...]`.

Without a command the GUI starts. Global options work before or after the command. Exit codes:
0 done, 2 invalid input, 3 refused, 4 data or environment problem, 1 a bug. Each problem is
one line on stderr, in the language of `--lang`. Command modules and the GUI are imported only
when chosen, so that neither pays for the other at start-up.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402 (the start time is taken before any other import)
import importlib  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from datetime import date  # noqa: E402
from typing import Any, NoReturn, TextIO  # noqa: E402

from traumefokus import __version__  # noqa: E402
from traumefokus.commands.context import PRINTABLE, Cli  # noqa: E402
from traumefokus.domain.vocabulary import Role  # noqa: E402
from traumefokus.errors import InvalidInput, TraumefokusError  # noqa: E402
from traumefokus.messages import DEFAULT_LANGUAGE, LANGUAGES, describe, text  # noqa: E402

log = logging.getLogger(__name__)

EXIT_OK, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 130

# command words -> (module in traumefokus.commands, function that runs them)
COMMANDS: dict[tuple[str, ...], tuple[str, str]] = {
    ("init",): ("init", "run"),
    ("export", "records"): ("export_records", "run"),
    ("export", "logbook"): ("export_logbook", "run"),
    ("check-manual",): ("content", "check"),
    ("pack", "install"): ("content", "install"),
    ("pack", "list"): ("content", "list_installed"),
    ("user", "add"): ("people", "add_user"),
    ("user", "set-password"): ("people", "set_password"),
    ("client", "add"): ("people", "add_client"),
    ("client", "erase"): ("people", "erase_client"),
    ("demo",): ("demo", "run"),
    ("recover",): ("recover", "run"),
    ("report", "supervision"): ("report_supervision", "run"),
    ("coding", "sample"): ("coding_rounds", "sample"),
    ("coding", "export"): ("coding_rounds", "export"),
    ("coding", "close"): ("coding_rounds", "close"),
    ("coding", "import"): ("coding_import", "run"),
    ("coding", "results"): ("coding_results", "run"),
    ("audit", "verify"): ("audit", "verify"),
    ("audit", "export"): ("audit", "export"),
    ("backup",): ("backup", "backup"),
    ("restore",): ("backup", "restore"),
    **{("print", what): ("print_documents", "run") for what in PRINTABLE},
}


class _Parser(argparse.ArgumentParser):
    """Usage errors become a typed error: one line, exit 2."""

    def error(self, message: str) -> NoReturn:
        raise InvalidInput("cli.usage", detail=f"{message} ({self.prog} --help)")


def parse_arguments(argv: Sequence[str], lang: str) -> argparse.Namespace:
    """The arguments. A start of the program (no command) needs only the global options,
    which parse without building every command's parser; a command, `--help`, or anything
    else is parsed by the whole parser, which also says what is wrong."""
    if not any(arg.startswith(("-h", "--h")) for arg in argv):  # --he: --help abbreviated
        try:
            args, rest = build_parser(lang, with_commands=False).parse_known_args(argv)
        except InvalidInput:
            rest = ["?"]
        if not rest:
            args.command = None
            return args
    return build_parser(lang).parse_args(argv)


def build_parser(lang: str, *, with_commands: bool = True) -> argparse.ArgumentParser:
    def h(code: str) -> str:
        return text(f"help.{code}", lang)

    day = _within(DAYS, date.fromisoformat, lang)  # every date option but demo's --today
    common = _Parser(add_help=False)
    group = common.add_argument_group(h("global"))
    group.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=h("data_dir"))
    group.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=h("lang"))
    group.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=h("user"))
    group.add_argument(
        "--database-url", metavar="URL", default=argparse.SUPPRESS, help=h("database_url")
    )

    parser = _Parser(prog="traumefokus", parents=[common], description=h("description"))
    parser.add_argument(
        "--version", action="version", version=f"traumefokus {__version__}", help=h("version")
    )
    parser.add_argument("--exit-after-start", action="store_true", help=h("exit_after_start"))
    if not with_commands:
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    init = commands.add_parser("init", parents=[common], help=h("init"), description=h("init"))
    init.add_argument("--admin", metavar="NAME", required=True, help=h("init_admin"))
    init.add_argument("--full-name", metavar="TEXT", help=h("full_name"))
    init.add_argument("--title", metavar="TEXT", help=h("title"))

    export = commands.add_parser("export", parents=[common], help=h("export"))
    exports = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    records = exports.add_parser("records", parents=[common], help=h("export_records"))
    records.add_argument("--out", metavar="FILE", required=True, help=h("out"))
    records.add_argument("--client", metavar="CODE", help=h("export_client"))
    logbook = exports.add_parser("logbook", parents=[common], help=h("export_logbook"))
    logbook.add_argument("--out", metavar="FILE", required=True, help=h("out_logbook"))
    for option, dest in (("--from", "start"), ("--to", "end")):
        logbook.add_argument(option, dest=dest, type=day, metavar="YYYY-MM-DD",
                             help=h(f"logbook_{option[2:]}"))  # fmt: skip
    logbook.add_argument("--site", metavar="SITE", help=h("logbook_site"))
    logbook.add_argument("--separator", metavar="CHAR", default=",", help=h("separator"))
    logbook.add_argument("--identifiable", action="store_true", help=h("identifiable"))

    check = commands.add_parser("check-manual", parents=[common], help=h("check_manual"))
    check.add_argument("path", metavar="PATH", help=h("content_path"))
    pack = commands.add_parser("pack", parents=[common], help=h("pack"))
    packs = pack.add_subparsers(dest="what", metavar="WHAT", required=True)
    install = packs.add_parser("install", parents=[common], help=h("pack_install"))
    install.add_argument("path", metavar="PATH", help=h("content_path"))
    packs.add_parser("list", parents=[common], help=h("pack_list"))

    user = commands.add_parser("user", parents=[common], help=h("users"))
    users = user.add_subparsers(dest="what", metavar="WHAT", required=True)
    add_user = users.add_parser("add", parents=[common], help=h("user_add"))
    add_user.add_argument("name", metavar="NAME")
    add_user.add_argument("--role", required=True, choices=[r.value for r in Role])
    add_user.add_argument("--full-name", metavar="TEXT", help=h("full_name"))
    add_user.add_argument("--title", metavar="TEXT", help=h("title"))
    set_password = users.add_parser("set-password", parents=[common], help=h("user_password"))
    set_password.add_argument("name", metavar="NAME")

    client = commands.add_parser("client", parents=[common], help=h("client"))
    clients = client.add_subparsers(dest="what", metavar="WHAT", required=True)
    add_client = clients.add_parser("add", parents=[common], help=h("client_add"))
    add_client.add_argument("code", metavar="CODE")
    add_client.add_argument("--display-name", metavar="NAME", help=h("display_name"))
    add_client.add_argument("--site", metavar="SITE")
    erase = clients.add_parser(
        "erase", parents=[common], help=h("client_erase"), description=h("client_erase")
    )
    erase.add_argument("code", metavar="CODE", help=h("erase_code"))
    erase.add_argument("--today", type=day, metavar="YYYY-MM-DD", help=h("erase_today"))

    printing = commands.add_parser("print", parents=[common], help=h("print"))
    documents = printing.add_subparsers(dest="what", metavar="WHAT", required=True)
    for what, key in PRINTABLE.items():
        document = documents.add_parser(
            what, parents=[common], help=h(f"print_{what}"), description=h(f"print_{what}")
        )
        document.add_argument(f"--{key}", metavar="ID", required=True, help=h(f"{key}_id"))
        document.add_argument("--out", metavar="FILE", required=True, help=h("out_pdf"))
        document.add_argument("--with-name", action="store_true", help=h("with_name"))
        if what == "handout":
            document.add_argument("--worksheet", metavar="ID", action="append", help=h("worksheet"))
        if what == "letter":
            document.add_argument("--after", type=int, metavar="N", help=h("letter_after"))

    report = commands.add_parser("report", parents=[common], help=h("report"))
    reports = report.add_subparsers(dest="what", metavar="WHAT", required=True)
    supervision = reports.add_parser(
        "supervision",
        parents=[common],
        help=h("report_supervision"),
        description=h("report_supervision"),
    )
    supervision.add_argument("--out", metavar="FILE", required=True, help=h("out_report"))
    for option, dest in (("--from", "start"), ("--to", "end")):
        supervision.add_argument(option, dest=dest, type=day, metavar="YYYY-MM-DD", help=h(dest))
    supervision.add_argument("--site", metavar="SITE", help=h("report_site"))
    supervision.add_argument("--therapists", metavar="NAME,NAME", help=h("report_therapists"))

    coding = commands.add_parser("coding", parents=[common], help=h("coding"))
    codings = coding.add_subparsers(dest="what", metavar="WHAT", required=True)
    rating_import = codings.add_parser(
        "import", parents=[common], help=h("coding_import"), description=h("coding_import")
    )
    rating_import.add_argument("--round", metavar="NAME", required=True, help=h("coding_round"))
    rating_import.add_argument("file", metavar="FILE", help=h("rating_sheet"))
    _coding_rounds(codings, common, h, day)

    audit = commands.add_parser("audit", parents=[common], help=h("audit"))
    audits = audit.add_subparsers(dest="what", metavar="WHAT", required=True)
    audits.add_parser(
        "verify", parents=[common], help=h("audit_verify"), description=h("audit_verify")
    )
    audit_export = audits.add_parser(
        "export", parents=[common], help=h("audit_export"), description=h("audit_export")
    )
    audit_export.add_argument("--out", metavar="FILE", required=True, help=h("out"))
    audit_export.add_argument("--client", metavar="CODE", help=h("audit_client"))

    backup = commands.add_parser(
        "backup", parents=[common], help=h("backup"), description=h("backup")
    )
    backup.add_argument("--out", metavar="FILE", required=True, help=h("backup_out"))
    restore = commands.add_parser(
        "restore", parents=[common], help=h("restore"), description=h("restore")
    )
    restore.add_argument("file", metavar="FILE", help=h("restore_file"))

    recover = commands.add_parser(
        "recover", parents=[common], help=h("recover"), description=h("recover")
    )
    recover.add_argument("--admin", required=True, metavar="NAME", help=h("recover_admin"))
    demo = commands.add_parser("demo", parents=[common], help=h("demo"), description=h("demo"))
    for option, bounds, parse, default in (
        ("--clients", DEMO_CLIENTS, int, 20),
        ("--seed", DEMO_SEEDS, int, 1),
        ("--today", DEMO_DAYS, date.fromisoformat, None),
    ):
        demo.add_argument(
            option,
            type=_within(bounds, parse, lang),
            default=default,
            metavar={"--clients": "N", "--seed": "S"}.get(option, "YYYY-MM-DD"),
            help=text(f"help.demo_{option[2:]}", lang, low=bounds[0], high=bounds[1]),
        )
    return parser


# `demo`'s bounds: `--clients 2000` is the benchmarks' ten years; a day the demo's ten years
# before and a year after fit around.
DEMO_CLIENTS = (1, 10_000)
DEMO_SEEDS = (0, 999_999_999)
DEMO_DAYS = (date(2000, 1, 1), date(2099, 12, 31))
# A period of a report, an export or a coding round: any day of data there can be, and room
# for the months and years counted from it.
DAYS = (date(1900, 1, 1), date(2199, 12, 31))


def _within(bounds: tuple[Any, Any], parse: Callable[[str], Any], lang: str) -> Any:
    """An argparse type: `parse` (whose ValueError argparse reports as an invalid value),
    then a value outside `bounds` is a usage error that names them."""

    def check(value: str) -> Any:
        parsed = parse(value)
        if not bounds[0] <= parsed <= bounds[1]:
            raise argparse.ArgumentTypeError(
                text("cli.out_of_range", lang, low=bounds[0], high=bounds[1])
            )
        return parsed

    check.__name__ = getattr(parse, "__name__", "value")  # "invalid int value: 'x'"
    return check


def _coding_rounds(
    codings: Any, common: argparse.ArgumentParser, h: Callable[[str], str], day: Any
) -> None:
    """`coding sample` (draw a round), `coding export` (its files for the coders), `coding
    close` and `coding results`."""
    sample = codings.add_parser(
        "sample", parents=[common], help=h("coding_sample"), description=h("coding_sample")
    )
    sample.add_argument("--round", metavar="NAME", required=True, help=h("coding_round"))
    sample.add_argument("--method", required=True, choices=["SS", "CC"], help=h("coding_method"))
    for option, dest in (("--from", "start"), ("--to", "end")):
        sample.add_argument(option, dest=dest, type=day, metavar="YYYY-MM-DD",
                            required=True, help=h(f"coding_{dest}"))  # fmt: skip
    sample.add_argument("--size", type=int, metavar="N", required=True, help=h("coding_size"))
    sample.add_argument("--seed", metavar="S", required=True, help=h("coding_seed"))
    sample.add_argument("--coders", metavar="NAME,NAME", help=h("coding_coders"))
    sample.add_argument("--by-therapist", action="store_true", help=h("coding_by_therapist"))
    export = codings.add_parser(
        "export", parents=[common], help=h("coding_export"), description=h("coding_export")
    )
    export.add_argument("--round", metavar="NAME", required=True, help=h("coding_round"))
    export.add_argument("--out", metavar="DIR", required=True, help=h("coding_out"))
    export.add_argument("--zip", action="store_true", help=h("coding_zip"))
    export.add_argument("--recordings-key", metavar="FILE", help=h("coding_recordings_key"))
    close = codings.add_parser(
        "close", parents=[common], help=h("coding_close"), description=h("coding_close")
    )
    close.add_argument("--round", metavar="NAME", required=True, help=h("coding_round"))
    results = codings.add_parser(
        "results", parents=[common], help=h("coding_results"), description=h("coding_results")
    )
    results.add_argument("--round", metavar="NAME", required=True, help=h("coding_round"))
    results.add_argument("--out", metavar="FILE", help=h("coding_results_out"))


def _language_in(argv: Sequence[str]) -> str:
    """`--lang` read ahead of parsing, so that parse errors are already in that language."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


def one_line(message: str) -> str:
    return " ".join(message.split())


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    lang = _language_in(argv)
    from traumefokus import argparse_i18n

    argparse_i18n.use_language(lang)
    file_log = None
    words: tuple[str, ...] = ()
    try:
        args = parse_arguments(argv, lang)
        from traumefokus.commands.given_paths import check_paths

        check_paths(args)
        cli = Cli(args, lang, out, err)
        words = tuple(w for w in (args.command, getattr(args, "what", None)) if w)
        from traumefokus.paths import private_files

        private_files()
        cli.data_dir.make_private()
        if not words:
            from traumefokus.ui.qt_loading import ask_cheaply

            ask_cheaply()  # Qt for Python loads here, its question to each import made cheap
            from traumefokus.ui.ahead import Prepared
            from traumefokus.ui.screen import prepare_screen

            prepare_screen(exit_after_start=args.exit_after_start)
            prepared = Prepared.ahead_of_the_window(
                cli.data_dir, cli.option("user"), cli.option("database_url")
            )
            from traumefokus.ui.app import run_gui  # while the key is derived

            return run_gui(cli, STARTED, prepared)
        if args.exit_after_start:
            raise InvalidInput("cli.exit_after_start_with_command")
        from traumefokus.logs import start_file_log

        file_log = start_file_log(cli.data_dir.logs)
        module_name, function = COMMANDS[words]
        module = importlib.import_module(f"traumefokus.commands.{module_name}")
        done_code: int = getattr(module, function)(cli)
        return done_code
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    except TraumefokusError as error:
        problems = getattr(error, "problems", None)  # invalid content: one line per problem
        for line in (
            [p.describe(lang) for p in problems]
            if problems
            else [f"traumefokus: {describe(error, lang)}"]
        ):
            print(one_line(line), file=err)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"traumefokus: {text('cli.interrupted', lang)}", file=err)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: its type and place go to the log, never its message
        if log.hasHandlers():  # else Python's last resort prints the traceback on stderr
            log.exception("Unexpected error in the command %s", " ".join(words) or "-")
        where = file_log.baseFilename if file_log else os.devnull
        detail = type(exc).__name__
        print(f"traumefokus: {one_line(text('cli.bug', lang, detail=detail, log=where))}", file=err)
        return EXIT_BUG
    finally:
        from traumefokus.logs import stop_file_log

        stop_file_log(file_log)
