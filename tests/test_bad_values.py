"""Bad values never crash the program: each is one line and exit 2 (issue 16's findings), and
what a message shows of a value is cut and has its control characters escaped."""

from __future__ import annotations

import pytest

from cli_runner import run
from content_fixtures import write_pack, write_programme
from traumefokus.cli import build_parser
from traumefokus.content.problems import Problem
from traumefokus.domain.content import Version
from traumefokus.errors import InvalidInput
from traumefokus.messages import SHOWN_CHARACTERS, shown, text

CLEAR_SCREEN = "\x1b[2J"


# --- versions and TOML -------------------------------------------------------------------
@pytest.mark.parametrize(
    "written", ["1.0.²", "1.0.٣", "¹.0.0", "1.0.0\n", "01.0.0", "1.0", "1.0.0.0", "1.0.1234567890"]
)
def test_only_ascii_versions_without_leading_zeros_are_versions(written):
    assert Version.parse(written) is None


def test_a_version_is_three_ascii_numbers():
    assert Version.parse("10.0.999999999") == Version((10, 0, 999_999_999))
    assert Version.parse("0.0.0") == Version((0, 0, 0))


def test_a_pack_with_a_superscript_in_its_version_is_refused(tmp_path):
    pack = write_pack(tmp_path / "p")
    toml = pack / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"1.0.0"', '"1.0.²"'), "utf-8")
    checked = run("check-manual", pack, "--data-dir", tmp_path / "d", "--lang", "en")
    assert (checked.code, checked.err) == (
        2,
        f"{toml}: pack.version: “1.0.²” is not a version like 1.0.0\n",
    )


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("x = " + "[" * 5000 + "]" * 5000, "the tables or lists are nested too deep"),
        ("x = " + "{a = " * 3000 + "1" + "}" * 3000, "the tables or lists are nested too deep"),
        ("x = " + "9" * 5000, "a number has too many digits"),
    ],
)
@pytest.mark.parametrize("kind", ["pack", "programme", "scale"])
def test_toml_beyond_what_python_parses_is_invalid_toml(tmp_path, document, reason, kind):
    path = tmp_path / ("p/pack.toml" if kind == "pack" else f"{kind}.toml")
    path.parent.mkdir(exist_ok=True)
    path.write_text(document, encoding="utf-8")
    target = path.parent if kind == "pack" else path
    checked = run("check-manual", target, "--data-dir", tmp_path / "d", "--lang", "en")
    assert (checked.code, checked.err) == (2, f"{path}: -: invalid TOML: {reason}\n")


def test_a_huge_hexadecimal_number_is_shown_without_its_digits(tmp_path):
    programme = write_programme(tmp_path / "p.toml")
    programme.write_text(
        programme.read_text(encoding="utf-8").replace("format = 1", "format = 0x" + "f" * 5000),
        encoding="utf-8",
    )
    checked = run("check-manual", programme, "--data-dir", tmp_path / "d", "--lang", "en")
    assert checked.code == 2
    line = next(x for x in checked.err.splitlines() if ": format: " in x)
    assert "format … is unknown" in line and len(line) < 2 * SHOWN_CHARACTERS


# --- demo and other numbers on the command line -------------------------------------------
@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--today", "0001-01-01", "must be from 2000-01-01 to 2099-12-31"),
        ("--today", "9999-12-31", "must be from 2000-01-01 to 2099-12-31"),
        ("--clients", "10001", "must be from 1 to 10000"),
        ("--clients", "0", "must be from 1 to 10000"),
        ("--seed", "-1", "must be from 0 to 999999999"),
        ("--seed", "1" + "0" * 5000, "invalid int value"),
    ],
)
def test_demo_refuses_values_out_of_its_range(tmp_path, option, value, said):
    result = run("demo", option, value, "--data-dir", tmp_path / "d", "--lang", "en")
    assert result.code == 2
    assert result.err.startswith(f"traumefokus: argument {option}: {said}")
    assert len(result.err.splitlines()) == 1
    assert not (tmp_path / "d" / "traumefokus.db").exists()


def test_demo_takes_the_ends_of_its_ranges():
    args = build_parser("en").parse_args(
        ["demo", "--clients", "10000", "--seed", "999999999", "--today", "2099-12-31"]
    )
    assert (args.clients, args.seed, str(args.today)) == (10000, 999999999, "2099-12-31")
    args = build_parser("en").parse_args(["demo", "--clients", "1", "--today", "2000-01-01"])
    assert (args.clients, args.seed, str(args.today)) == (1, 1, "2000-01-01")


def test_demo_help_says_the_ranges():
    demo = build_parser("en")._subparsers._group_actions[0].choices["demo"]
    help_text = demo.format_help()
    assert "1-10000" in help_text and "0-999999999" in help_text
    assert "2000-01-01 to" in help_text and "2099-12-31" in help_text


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "supervision", "--out", "r.pdf", "--from", "0001-01-01"],
        ["export", "logbook", "--out", "l.csv", "--to", "9999-12-31"],
        ["coding", "sample", "--round", "r", "--method", "SS", "--from", "2026-01-01",
         "--to", "9999-12-31", "--size", "1", "--seed", "s"],
    ],
)  # fmt: skip
def test_periods_are_bounded_to_days_there_can_be_data_for(tmp_path, argv):
    result = run(*argv, "--data-dir", tmp_path / "d", "--lang", "en")
    assert result.code == 2
    assert "must be from 1900-01-01 to 2199-12-31" in result.err


# --- database URLs and paths --------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://u@[::1",
        "postgresql+psycopg://u:secret@[::1",
        "postgresql://u@h:port/db",
        "x+y+z://",
        "://",
        "sqlite:///" + "z" * 5000,
        "sqlite:///a\x00b",
    ],
)
def test_a_malformed_database_url_is_one_line_and_exit_2(tmp_path, url):
    result = run("--database-url", url, "--user", "admin", "export", "records", "--out",
                 tmp_path / "x.json", "--data-dir", tmp_path / "d", "--lang", "en")  # fmt: skip
    assert result.code == 2
    assert result.err.startswith("traumefokus: --database-url cannot be used: ")
    assert len(result.err.splitlines()) == 1 and "secret" not in result.err


@pytest.mark.parametrize(
    ("argv", "option", "reason"),
    [
        (["--data-dir", "a\x00b", "pack", "list"], "--data-dir", "it holds a NUL character"),
        (["check-manual", "z" * 1000], "PATH", "the name is too long"),
        (["export", "records", "--out", "x\x00.json"], "--out", "it holds a NUL character"),
        (["coding", "import", "--round", "r", "z" * 300 + ".csv"], "FILE", "the name is too long"),
    ],
)
def test_a_path_no_file_system_takes_is_invalid_input(tmp_path, monkeypatch, argv, option, reason):
    monkeypatch.chdir(tmp_path)
    result = run(*argv, "--lang", "en")
    assert result.code == 2
    assert result.err.startswith(f"traumefokus: {option} ")
    assert result.err.endswith(f" cannot be used as a path: {reason}.\n")
    assert "\x00" not in result.err and len(result.err) < 2 * SHOWN_CHARACTERS


# --- what messages show of a value ---------------------------------------------------------
def test_control_characters_are_escaped():
    assert shown(f"a{CLEAR_SCREEN}b\nc\td\r\x00\x7f\x9b") == "a\\x1b[2Jb\\nc\\td\\r\\x00\\x7f\\x9b"
    assert shown("\u202eevil\u2028") == "\\u202eevil\\u2028"
    assert shown("bad\udcffname") == "bad\\udcffname"
    assert shown("Søren's æøå – “ok” 🙂") == "Søren's æøå – “ok” 🙂"  # letters stay letters


def test_a_long_value_is_cut_keeping_its_start_and_end():
    value = "a" * 50_000 + "b" * 50_000 + "/file.pdf"
    cut = shown(value)
    assert len(cut) == SHOWN_CHARACTERS
    assert cut.startswith("aaa") and cut.endswith("bbb/file.pdf") and "…" in cut
    assert shown("x" * SHOWN_CHARACTERS) == "x" * SHOWN_CHARACTERS


def test_every_value_a_message_shows_is_cut_and_escaped():
    said = text("content.bad_version", "en", value=CLEAR_SCREEN + "x" * 100_000)
    assert "\x1b" not in said and "\\x1b[2J" in said
    assert len(said) < SHOWN_CHARACTERS + 60
    error = InvalidInput("rating_import.unknown_round", round="a\nb")
    assert "a\\nb" in str(error)
    assert text("content.too_small", "en", value=-(16**5000), minimum=0).startswith("…")


def test_a_problem_escapes_its_file_and_field_too(tmp_path):
    problem = Problem(
        tmp_path / f"x{CLEAR_SCREEN}.toml", f"pack.{CLEAR_SCREEN}", "content.required"
    )
    said = problem.describe("en")
    assert "\x1b" not in said and said.count("\\x1b[2J") == 2


def test_the_command_line_never_echoes_a_terminal_escape_or_a_huge_value(tmp_path):
    for argument in (f"bo{CLEAR_SCREEN}gus", "x" * 100_000):
        result = run(argument, "--data-dir", tmp_path, "--lang", "en")
        assert result.code == 2
        assert "\x1b" not in result.err and len(result.err) < 3 * SHOWN_CHARACTERS
    result = run("user", "add", f"a{CLEAR_SCREEN}" * 50_000, "--role", "coder", "--user", "x",
                 "--data-dir", tmp_path, "--lang", "en")  # fmt: skip
    assert result.code in (2, 3, 4) and "\x1b" not in result.err
    assert len(result.err) < 3 * SHOWN_CHARACTERS
