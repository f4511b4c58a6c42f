"""No input crashes the process (issue 16): random TOML text for every loader, random changes
to a valid scale, random rating sheets, random database URLs and random command lines each
end in a result or a typed refusal, never another exception, a traceback or exit 1.

Packs and programmes with random content are fuzzed in test_content_fuzz.py; its `fuzz`
helper runs each example in a folder of its own and fails unless all of them ran.
TRAUMEFOKUS_FUZZ_EXAMPLES raises the number of examples for a longer search.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from cli_runner import run
from coding_fixtures import coding_centre, use_scale
from test_content_fuzz import FUZZ, REFUSED, all_refused, find_pack, fuzz, outcome, some_loaded
from traumefokus.cli import COMMANDS, main
from traumefokus.content.choice_lists import END_REASONS, load_list
from traumefokus.content.packs import load_pack
from traumefokus.content.programmes import load_programme
from traumefokus.content.scales import load_scale
from traumefokus.errors import InvalidInput, Refused
from traumefokus.exports.rating_sheet import import_sheet
from traumefokus.messages import shown
from traumefokus.paths import DataDir, shipped_dir
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.storage.engine import make_engine
from traumefokus.storage.keys import PlainKeys
from traumefokus.storage.target import DatabaseTarget

# Pieces of TOML that are valid, nearly valid, or beyond what Python parses: nested deeper
# than its recursion allows, an integer of more than 4300 digits, a superscript version.
FRAGMENTS = [
    "format = 1\n", "[pack]\n", "[programme]\n", "[scale]\n", "[[themes]]\n", "[[items]]\n",
    'id = "a"\n', 'version = "1.0.0"\n', 'version = "1.0.²"\n', 'version = "١.0.0"\n',
    'method = "SS"\n', "min = 0\n", "max = 3\n", "x = " + "[" * 3000 + "]" * 3000 + "\n",
    "y = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n", "n = " + "9" * 5000 + "\n",
    "h = 0x" + "f" * 5000 + "\n", "[" * 1500, "]", "=", '"', "\n", "\\u001b", "\x00",
]  # fmt: skip
toml_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=12).map("".join)
SHIPPED_SCALE = shipped_dir("resources") / "scales" / "ss-adherence.toml"
SCALE = tomllib.loads(SHIPPED_SCALE.read_text(encoding="utf-8"))
scale_keys = st.sampled_from(
    [*SCALE, *SCALE["scale"], "id", "part", "ratings", "group", "text", "official", "x"]
)
scale_scalars = st.one_of(
    st.text(max_size=8), st.integers(-3, 5), st.booleans(),
    st.sampled_from(["SS", "da", "1.0.0", "1.0.²", "interventions", "processes", "format"]),
)  # fmt: skip
scale_values = st.recursive(
    scale_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(scale_keys, inner, max_size=4),
    max_leaves=15,
)
scale_changes = st.tuples(
    st.dictionaries(scale_keys, scale_values, max_size=3),
    st.dictionaries(scale_keys, scale_values, max_size=3),
)


@fuzz(toml_text, expect=all_refused)
def test_random_toml_text_for_every_loader(folder, source):
    """A pack, a programme, a scale and a centre's list, each made of the same text."""
    (folder / "pack.toml").write_text(source, encoding="utf-8")
    (folder / "file.toml").write_text(source, encoding="utf-8")
    for load in (
        lambda: load_pack(folder),
        lambda: load_programme(folder / "file.toml", find_pack),
        lambda: load_scale(folder / "file.toml"),
        lambda: load_list(END_REASONS, folder / "file.toml"),
    ):
        assert outcome(load) == REFUSED
    return REFUSED


@fuzz(st.binary(max_size=400), expect=all_refused)
def test_random_bytes_as_a_scale(folder, raw):
    (folder / "s.toml").write_bytes(raw)
    return outcome(lambda: load_scale(folder / "s.toml"))


@fuzz(scale_changes, expect=some_loaded)
def test_random_changes_to_a_valid_scale(folder, changes):
    top, inside = changes
    document = {**SCALE, **top}
    if isinstance(document.get("scale"), dict):
        document["scale"] = {**document["scale"], **inside}
    (folder / "s.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
    return outcome(lambda: load_scale(folder / "s.toml"))


def test_the_valid_scale_loads_as_shipped():
    assert load_scale(SHIPPED_SCALE).id == "ss-adherence"


# --- rating sheets -----------------------------------------------------------------------
def test_random_rating_sheets_are_imported_or_refused_whole(admin, monkeypatch):
    use_scale(monkeypatch)
    centre = coding_centre(admin)
    names = pseudonymiser(admin.db)
    sessions = [names.session(s) for s in centre.sessions]
    header = ["session", "coder", "F1.adherence", "F1.helpfulness", "P1.rating", "strengths"]
    cell = st.one_of(
        st.sampled_from([*sessions, "coder", "CODER2", "nobody", "0", "1", "2,5", "1.5", "3",
                         "4", "-1", "NA", "x", "", " ", "=1+1", "\x1b[2J", "9" * 400]),
        st.text(max_size=12),
    )  # fmt: skip
    rows = st.lists(st.lists(cell, min_size=1, max_size=7), max_size=5)
    sheets = st.one_of(
        st.tuples(st.just("csv"), st.sampled_from([",", ";"]), rows, st.booleans()),
        st.tuples(st.sampled_from(["csv", "xlsx"]), st.binary(max_size=300)),
    )
    outcomes: Counter[str] = Counter()

    def each(sheet: tuple[Any, ...]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"ratings.{sheet[0]}"
            if len(sheet) == 2:
                path.write_bytes(sheet[1])
            else:
                _, separator, lines, with_header = sheet
                written = ([header] if with_header else []) + lines
                path.write_text("\n".join(separator.join(c) for c in written), encoding="utf-8")
            try:
                import_sheet(centre.supervisor, "Maj 2026", path)
                outcomes["imported"] += 1
            except (InvalidInput, Refused) as refused:
                assert str(refused) and "\x1b" not in str(refused)
                outcomes["refused"] += 1

    FUZZ(given(sheet=sheets)(each))()
    assert outcomes["imported"] > 0 and outcomes["refused"] > 0, dict(outcomes)


# --- database URLs -----------------------------------------------------------------------
URL_PARTS = ["postgresql", "postgresql+psycopg", "sqlite", "x+y", "://", "//", "@", "[", "]",
             "[::1", ":", "/", "?", "&", "=", "sslmode", "host", "5432", "99999", "%zz", "u",
             "h", "db", "\x00", "\udcff", "é", " "]  # fmt: skip
urls = st.lists(st.sampled_from(URL_PARTS) | st.text(max_size=4), max_size=10).map("".join)


@fuzz(urls, expect=lambda outcomes: outcomes["refused"] > 0)
def test_random_database_urls_are_a_target_or_invalid_input(folder, url):
    """Parsed and given an engine, never connected: no traffic leaves the machine."""
    try:
        target = DatabaseTarget.choose(DataDir(folder), url)
        if target.file is None:
            make_engine(target, PlainKeys()).dispose()
    except InvalidInput as refused:
        assert len(str(refused).splitlines()) == 1
        return "refused"
    return "accepted"


# --- the command line --------------------------------------------------------------------
WORDS = [
    *sorted({word for words in COMMANDS for word in words} - {"demo", "init"}),
    "--data-dir", "--lang", "da", "en", "--user", "admin", "--out", "--client", "--from",
    "--to", "--site", "--separator", "--identifiable", "--admin", "--full-name", "--title",
    "--role", "therapist", "--display-name", "--session", "--course", "--with-name",
    "--worksheet", "--after", "--round", "--method", "SS", "--size", "--seed", "--coders",
    "--by-therapist", "--zip", "--recordings-key", "--help", "--version", "--therapists",
    "--database-url", "sqlite:///other.db", "postgresql+psycopg://u@[::1", "x.csv", "x.pdf",
    "out.json", ".", "/dev/null", "2026-01-01", "0001-01-01", "9999-12-31", "1", "-1",
    "99999999999999999999", "K-1", "a\x00b", "\x1b[2J", "\udcff", "z" * 300, "x" * 100_000,
    "--lang=en", "--data-dir=", "-", "--",
]  # fmt: skip
# Random text that looks like a long option could abbreviate one (argparse takes a prefix):
# a random server URL would be tried; options come from WORDS only.
argument = st.sampled_from(WORDS) | st.text(max_size=12).map(
    lambda a: a.lstrip("-") if a.startswith("--") else a
)
command_lines = st.tuples(
    st.sampled_from(sorted(w for w in COMMANDS if w[0] not in ("demo", "init"))),
    st.lists(argument, max_size=8),
)


@pytest.fixture(scope="module")
def centre_dir(tmp_path_factory):
    """A data directory with a database and its administrator, copied for each example."""
    folder = tmp_path_factory.mktemp("cli-fuzz") / "data"
    assert run("init", "--admin", "admin", "--data-dir", folder).code == 0
    return folder


def test_random_command_lines_end_in_a_result_or_one_line_per_problem(centre_dir, monkeypatch):
    """In-process, in a copy of a small centre, with the working folder inside the copy (a
    relative path stays there); no GUI is started; nothing reaches the network."""
    monkeypatch.setattr("traumefokus.ui.screen.prepare_screen", lambda **_: None)
    monkeypatch.setattr("traumefokus.ui.app.run_gui", lambda *_: pytest.fail("GUI started"))
    codes: Counter[int] = Counter()
    here = os.getcwd()

    def each(command_line: tuple[tuple[str, ...], list[str]]) -> None:
        words, rest = command_line
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "data"
            shutil.copytree(centre_dir, copy)
            out, err = io.StringIO(), io.StringIO()
            os.chdir(copy)
            try:
                with contextlib.redirect_stdout(io.StringIO()):  # --help, --version
                    code = main(["--data-dir", str(copy), *words, *rest], out=out, err=err)
            finally:
                os.chdir(here)
        said = err.getvalue()
        assert code in (0, 2, 3, 4), said
        assert "Traceback" not in said
        for line in said.splitlines():  # nothing a message shows would still be escaped
            assert shown(line, len(line)) == line and len(line) < 2000
        codes[code] += 1

    FUZZ(given(command_line=command_lines)(each))()
    assert codes[2] > 0, dict(codes)
