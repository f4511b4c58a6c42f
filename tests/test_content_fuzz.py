"""Random bytes and random TOML never crash the loaders: always a pack, or a clear refusal."""

import os

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_fixtures import PACK, PROGRAMME, write_pack
from traumefokus.content.packs import load_pack
from traumefokus.content.problems import InvalidContent
from traumefokus.content.programmes import load_programme

# TRAUMEFOKUS_FUZZ_EXAMPLES=2000 for a longer search than the suite's usual run.
EXAMPLES = int(os.environ.get("TRAUMEFOKUS_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

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
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
).filter(lambda v: isinstance(v, dict))


def refuses_cleanly(load) -> None:
    try:
        load()
    except InvalidContent as refused:
        assert refused.problems
        for problem in refused.problems:
            assert problem.describe("da") and problem.describe("en")


@FUZZ
@given(raw=st.binary(max_size=400))
def test_random_bytes_as_pack_toml(tmp_path, raw):
    (tmp_path / "pack.toml").write_bytes(raw)
    refuses_cleanly(lambda: load_pack(tmp_path))


@FUZZ
@given(document=documents)
def test_random_toml_as_pack(tmp_path, document):
    (tmp_path / "pack.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
    refuses_cleanly(lambda: load_pack(tmp_path))


@FUZZ
@given(document=documents)
def test_random_changes_to_a_valid_pack(tmp_path, document):
    data = {**PACK, **document}
    try:
        write_pack(tmp_path / "p", data)
    except (TypeError, AttributeError, KeyError, OSError, ValueError):
        return  # the fixture writer cannot lay out files for this shape; nothing to load
    refuses_cleanly(lambda: load_pack(tmp_path / "p"))


@FUZZ
@given(raw=st.binary(max_size=400))
def test_random_bytes_as_programme(tmp_path, raw):
    (tmp_path / "p.toml").write_bytes(raw)
    refuses_cleanly(lambda: load_programme(tmp_path / "p.toml", lambda _id: None))


@FUZZ
@given(document=documents)
def test_random_changes_to_a_valid_programme(tmp_path, document):
    merged = {**PROGRAMME, **document}
    (tmp_path / "p.toml").write_text(tomli_w.dumps(merged), encoding="utf-8")
    refuses_cleanly(lambda: load_programme(tmp_path / "p.toml", lambda _id: None))
