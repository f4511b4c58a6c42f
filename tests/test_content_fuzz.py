"""Random bytes and random TOML never crash the loaders: always a pack, or a clear refusal.

No example is skipped: every generated value is written out and loaded, each in a folder of
its own; each test counts what became of its examples, fails unless all of them ran, and
says what it expects of them (random input is always refused; a valid pack or programme
with nothing changed loads).
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from content_fixtures import PACK, PROGRAMME, write_pack
from traumefokus.content.packs import load_pack
from traumefokus.content.problems import InvalidContent
from traumefokus.content.programmes import load_programme

# TRAUMEFOKUS_FUZZ_EXAMPLES=2000 for a longer search than the suite's usual run.
EXAMPLES = int(os.environ.get("TRAUMEFOKUS_FUZZ_EXAMPLES", "150"))
# No health check is suppressed: a strategy that has to throw examples away fails loudly.
FUZZ = settings(max_examples=EXAMPLES, deadline=None)

LOADED, REFUSED = "loaded", "refused"

scalars = st.one_of(
    st.text(max_size=12),
    st.integers(-5, 20),
    st.booleans(),
    st.sampled_from(["SS", "CC", "da", "1.0.0", "trauma", "alpha", "beta"]),
)
keys = st.sampled_from(
    [
        "format",
        "pack",
        "themes",
        "id",
        "title",
        "title_en",
        "quote",
        "worksheets",
        "commitments",
        "version",
        "method",
        "layout",
        "sessions",
        "number",
        "kind",
        "agenda",
        "trauma",
        "target",
        "max",
        "offered",
        "choose",
        "lengths",
        "programme",
        "x",
    ]
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)
# A TOML document is a table: built as one, rather than filtered out of any value.
documents = st.dictionaries(keys, values, max_size=5)


def fuzz(strategy: st.SearchStrategy[Any], expect: Callable[[Counter[str]], bool]):
    """A test that runs `check(folder, value)` on EXAMPLES generated values, each in a new
    folder. `check` says what became of the example (LOADED or REFUSED); the test fails
    unless every example ran and `expect` holds for the counts."""

    def decorate(check: Callable[[Path, Any], str]) -> Callable[[], None]:
        def test() -> None:
            outcomes: Counter[str] = Counter()
            started = Counter[str]()

            def each(value: Any) -> None:
                started["examples"] += 1
                with tempfile.TemporaryDirectory() as folder:
                    outcomes[check(Path(folder), value)] += 1

            each.__name__ = check.__name__  # Hypothesis keeps the failures it found per name
            FUZZ(given(value=strategy)(each))()
            # Hypothesis ran as many examples as asked for (it did not give up early), and
            # none was abandoned halfway (an assume() in a check).
            ran = f"examples started: {started['examples']}, ended: {dict(outcomes)}"
            assert started["examples"] == outcomes.total() == EXAMPLES, ran
            assert expect(outcomes), f"what became of the examples: {dict(outcomes)}"

        test.__name__ = test.__qualname__ = check.__name__
        test.__doc__ = check.__doc__
        return test

    return decorate


def outcome(load: Callable[[], object]) -> str:
    try:
        load()
    except InvalidContent as refused:
        assert refused.problems
        for problem in refused.problems:
            assert problem.describe("da") and problem.describe("en")
        return REFUSED
    return LOADED


def all_refused(outcomes: Counter[str]) -> bool:
    return set(outcomes) == {REFUSED}


def some_loaded(outcomes: Counter[str]) -> bool:
    return outcomes[LOADED] > 0 and outcomes[REFUSED] > 0


def lay_out(folder: Path, data: dict[str, Any]) -> Path:
    """pack.toml as given, and the files of every theme whose shape names them (the fixture
    writer's layout); a theme whose shape names no files gets none, and the loader says
    what is missing."""
    themes = data.get("themes")
    for entry in themes if isinstance(themes, list) else ():
        if _lays_out(entry):
            write_pack(folder, {"themes": [entry]})  # its files (and a pack.toml, replaced)
    folder.mkdir(exist_ok=True)
    (folder / "pack.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    return folder


def _lays_out(entry: object) -> bool:
    if not isinstance(entry, dict) or not _file_name(entry.get("id")):
        return False
    sheets = entry.get("worksheets")
    return isinstance(sheets, list) and all(
        isinstance(sheet, dict) and _file_name(sheet.get("id")) for sheet in sheets
    )


def _file_name(name: object) -> bool:
    """A name every file system takes (another id is still loaded, without its files)."""
    return isinstance(name, str) and bool(re.fullmatch(r"[\w-][\w.-]{0,59}", name))


def test_a_valid_pack_is_laid_out_as_the_fixture_writer_does(tmp_path):
    laid_out = lay_out(tmp_path / "a", PACK)
    written = write_pack(tmp_path / "b")
    files = {p.relative_to(written) for p in written.rglob("*")}
    assert {p.relative_to(laid_out) for p in laid_out.rglob("*")} == files
    assert load_pack(laid_out).id == "test-pack"


@fuzz(st.binary(max_size=400), expect=all_refused)
def test_random_bytes_as_pack_toml(folder, raw):
    (folder / "pack.toml").write_bytes(raw)
    return outcome(lambda: load_pack(folder))


@fuzz(documents, expect=all_refused)
def test_random_toml_as_pack(folder, document):
    (folder / "pack.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
    return outcome(lambda: load_pack(folder))


@fuzz(documents, expect=some_loaded)
def test_random_changes_to_a_valid_pack(folder, document):
    pack = lay_out(folder / "p", {**PACK, **document})
    return outcome(lambda: load_pack(pack))


@functools.cache
def the_test_pack():
    with tempfile.TemporaryDirectory() as folder:
        return load_pack(write_pack(Path(folder) / "p"))


def find_pack(pack_id: str):
    """The programme's pack, so that a programme is checked against it to the end."""
    return the_test_pack() if pack_id == "test-pack" else None


@fuzz(st.binary(max_size=400), expect=all_refused)
def test_random_bytes_as_programme(folder, raw):
    (folder / "p.toml").write_bytes(raw)
    return outcome(lambda: load_programme(folder / "p.toml", find_pack))


@fuzz(documents, expect=some_loaded)
def test_random_changes_to_a_valid_programme(folder, document):
    (folder / "p.toml").write_text(tomli_w.dumps({**PROGRAMME, **document}), encoding="utf-8")
    return outcome(lambda: load_programme(folder / "p.toml", find_pack))
