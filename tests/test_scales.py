"""Scale files for adherence coding: the shipped SS and CC scales load; a broken file is
refused whole with every problem named by file and field; a centre's own file comes first;
check-manual accepts scale files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_runner import run
from traumefokus.content.problems import InvalidContent
from traumefokus.content.scales import is_scale_file, load_scale, scale_by_id, scale_for
from traumefokus.domain.scales import CANT_RATE, HEADER_FIELDS, NOT_APPLICABLE
from traumefokus.domain.vocabulary import Method
from traumefokus.errors import DataProblem
from traumefokus.paths import shipped_dir

SHIPPED = shipped_dir("resources") / "scales"

SMALL = """\
format = 1

[scale]
id = "{id}"
version = "{version}"
method = "{method}"
title = "Lille skala"
language = "da"
source = "tests"
min = 0
max = 3
half_points = true
na = true
cant_rate = false
header = ["clinician", "rater_id"]

[[parts]]
id = "interventions"
title = "Interventioner"
anchors = [{{ value = 0, label = "Slet ikke" }}, {{ value = 3, label = "I udpræget grad" }}]

[[parts]]
id = "processes"
title = "Processer"
anchors = []

[[groups]]
id = "format"
title = "Format"

[[items]]
id = "F1"
group = "format"
text = "Indtjekning"
official = true
record_rule = "check_in_within_time"
ratings = [
  {{ id = "adherence", part = "interventions" }},
  {{ id = "helpfulness", part = "processes" }},
]
"""


def small(tmp_path: Path, name: str = "small.toml", **values: str) -> Path:
    facts = {"id": "small", "version": "1.0.0", "method": "SS", **values}
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SMALL.format(**facts), encoding="utf-8")
    return path


def problems_of(path: Path) -> set[tuple[str, str]]:
    with pytest.raises(InvalidContent) as caught:
        load_scale(path)
    assert all(p.file == path for p in caught.value.problems)
    return {(p.field, p.code) for p in caught.value.problems}


# --- the shipped scales ---------------------------------------------------------------------
def test_the_shipped_ss_scale_has_the_reports_parts_groups_and_items():
    scale = load_scale(SHIPPED / "ss-adherence.toml")
    assert (scale.id, scale.method, str(scale.version)) == (
        "ss-adherence",
        Method.SEEKING_SAFETY,
        "1.0.0",
    )
    assert [p.id for p in scale.parts] == ["interventions", "processes"]
    anchors = {p.id: [(a.value, a.label) for a in p.anchors] for p in scale.parts}
    assert anchors["interventions"] == [
        (0, "Slet ikke"),
        (1, "I lav grad"),
        (2, "I høj grad"),
        (3, "I udpræget grad"),
    ]
    assert [a.label for a in scale.parts[1].anchors] == [
        "Skadelig",
        "Ineffektiv",
        "Hjælpsom",
        "Yderst hjælpsom",
    ]
    assert [g.id for g in scale.groups] == ["format", "content", "process"]
    ids = {i.id for i in scale.items}
    assert {
        "check_in",
        "quote",
        "worksheets_handed_out",
        "worksheets_used",
        "substance_use_focus",
        "theme_focus",
        "engagement",
    } <= ids
    assert scale.values() == (0, 0.5, 1, 1.5, 2, 2.5, 3)
    assert scale.allows_na and scale.allows_cant_rate
    assert scale.header_fields == HEADER_FIELDS
    # Format and content items are rated twice, adherence counting in interventions and
    # helpfulness in processes; every item is a generic wording, none claims to be official.
    assert scale.item("check_in").rating_keys() == ("check_in.adherence", "check_in.helpfulness")
    assert scale.part_of("check_in.adherence") == "interventions"
    assert scale.part_of("check_in.helpfulness") == "processes"
    assert scale.item("engagement").rating_keys() == ("engagement.helpfulness",)
    assert not any(i.official for i in scale.items)
    assert all("officielle skala" in i.text for i in scale.items)
    assert scale.item("check_out").record_rule == "check_out_not_rushed"


def test_the_shipped_cc_scale_has_the_four_categories_and_the_reports_items():
    scale = load_scale(SHIPPED / "cc-fidelity.toml")
    assert (scale.id, scale.method) == ("cc-fidelity", Method.CREATING_CHANGE)
    assert [p.id for p in scale.parts] == [
        "format_structure",
        "method",
        "therapeutic_skills",
        "overall",
    ]
    assert {"substance_use_focus", "check_in", "safe_coping", "depth", "listening", "overall"} <= {
        i.id for i in scale.items
    }
    assert scale.keys_of_part("overall") == ("overall.rating",)
    assert not any(i.official for i in scale.items)


def test_a_scale_says_which_values_it_accepts(tmp_path):
    scale = load_scale(small(tmp_path))
    assert scale.accepts(2.5) and scale.accepts(0) and scale.accepts(NOT_APPLICABLE)
    assert not scale.accepts(CANT_RATE)  # this scale does not allow it
    assert not scale.accepts(3.5) and not scale.accepts(1.25) and not scale.accepts(True)
    assert not scale.accepts("2")


# --- problems, every one named with the file and the field -------------------------------
def test_a_broken_scale_names_every_problem_and_loads_nothing(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(
        """\
format = 1
[scale]
id = "Broken Scale"
version = "1.0"
method = "XX"
title = ""
language = "fr"
min = 3
max = 3
header = ["clinician", "shoe_size", "clinician"]
colour = "blue"

[[parts]]
id = "interventions"
title = "Interventioner"
anchors = [{ value = 0, label = "Slet ikke" }, { value = 0, label = "Igen" }]

[[parts]]
id = "interventions"
title = "Igen"
anchors = []

[[parts]]
id = "unused"
title = "Ingen tæller her"
anchors = []

[[groups]]
id = "format"
title = "Format"

[[items]]
id = "F1"
group = "nowhere"
text = "Et"
record_rule = "reads_minds"
ratings = [
  { id = "adherence", part = "interventions" },
  { id = "adherence", part = "interventions" },
  { id = "helpfulness", part = "elsewhere" },
]

[[items]]
id = "F1"
group = "format"
text = "Samme id"
ratings = [{ id = "adherence", part = "interventions" }]

[[items]]
id = "F.2"
group = "format"
text = "Punktum i id"
ratings = []
""",
        encoding="utf-8",
    )
    found = problems_of(path)
    assert found >= {
        ("scale.id", "content.bad_id"),
        ("scale.version", "content.bad_version"),
        ("scale.method", "content.choice"),
        ("scale.title", "content.required"),
        ("scale.language", "content.choice"),
        ("scale.source", "content.required"),
        ("scale.max", "content.scale_range"),
        ("scale.header", "content.choice"),
        ("scale.header", "content.duplicate_id"),
        ("scale.colour", "content.unknown_field"),
        ("parts[interventions].anchors", "content.duplicate_id"),
        ("parts", "content.duplicate_id"),
        ("parts[unused]", "content.part_unused"),
        ("items[F1].group", "content.unknown_ref"),
        ("items[F1].record_rule", "content.choice"),
        ("items[F1].ratings[helpfulness].part", "content.unknown_ref"),
        ("items[F1].ratings", "content.duplicate_id"),
        ("items", "content.duplicate_id"),
        ("items[3].id", "content.bad_item_id"),
        ("items[3].ratings", "content.required"),
    }


def test_an_anchor_outside_the_range_is_named(tmp_path):
    path = small(tmp_path)
    path.write_text(path.read_text().replace("value = 3,", "value = 4,"), encoding="utf-8")
    assert problems_of(path) == {("parts[interventions].anchors[2].value", "content.out_of_range")}


def test_a_scale_without_parts_or_items_is_refused(tmp_path):
    path = tmp_path / "empty.toml"
    text = SMALL.split("[[parts]]")[0].format(id="empty", version="1.0.0", method="CC")
    path.write_text("parts = []\nitems = []\n" + text, encoding="utf-8")
    assert problems_of(path) == {("parts", "content.required"), ("items", "content.required")}


def test_bad_toml_and_wrong_types_are_named(tmp_path):
    path = tmp_path / "syntax.toml"
    path.write_text("format = 1\n[scale\n", encoding="utf-8")
    assert {code for _, code in problems_of(path)} == {"content.toml_syntax"}
    path = small(tmp_path, "types.toml")
    path.write_text(
        path.read_text()
        .replace("min = 0", 'min = "0"')
        .replace("half_points = true", "half_points = 1"),
        encoding="utf-8",
    )
    assert problems_of(path) == {
        ("scale.min", "content.wrong_type"),
        ("scale.half_points", "content.wrong_type"),
    }


# --- which file: the centre's own first -----------------------------------------------------
def test_a_new_round_uses_the_shipped_scale_unless_the_centre_has_its_own(data_dir):
    assert scale_for(Method.SEEKING_SAFETY, data_dir).id == "ss-adherence"
    assert scale_for("CC", data_dir).id == "cc-fidelity"
    own = small(data_dir.root / "scales", "ss-adherence.toml", id="ss-adherence", version="2.0.0")
    scale = scale_for(Method.SEEKING_SAFETY, data_dir)
    assert (scale.path, str(scale.version), scale.items[0].official) == (own, "2.0.0", True)


def test_a_centres_file_under_another_scales_name_or_method_is_refused(data_dir):
    small(data_dir.root / "scales", "ss-adherence.toml", id="my-scale")
    with pytest.raises(InvalidContent) as caught:
        scale_for(Method.SEEKING_SAFETY, data_dir)
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("scale.id", "content.scale_id_mismatch")
    ]
    small(data_dir.root / "scales", "cc-fidelity.toml", id="cc-fidelity", method="SS")
    with pytest.raises(InvalidContent) as caught:
        scale_for(Method.CREATING_CHANGE, data_dir)
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("scale.method", "content.scale_method")
    ]


def test_a_round_finds_the_version_it_was_rated_with(data_dir):
    assert scale_by_id("ss-adherence", "1.0.0", data_dir).path == SHIPPED / "ss-adherence.toml"
    scales = data_dir.root / "scales"
    newer = small(scales, "ss-adherence.toml", id="ss-adherence", version="2.0.0")
    kept = small(scales / "ss-adherence", "1.5.0.toml", id="ss-adherence", version="1.5.0")
    assert scale_by_id("ss-adherence", "2.0.0", data_dir).path == newer
    assert scale_by_id("ss-adherence", "1.5.0", data_dir).path == kept
    assert scale_by_id("ss-adherence", "1.0.0", data_dir).path == SHIPPED / "ss-adherence.toml"
    with pytest.raises(DataProblem) as caught:
        scale_by_id("ss-adherence", "1.7.0", data_dir)
    assert caught.value.code == "content.scale_version_missing"
    assert caught.value.facts["keep"] == "scales/ss-adherence/1.7.0.toml"
    with pytest.raises(DataProblem):
        scale_by_id("no-such-scale", "1.0.0", data_dir)


# --- check-manual ---------------------------------------------------------------------------
def test_check_manual_checks_scale_files(tmp_path):
    for name in ("ss-adherence.toml", "cc-fidelity.toml"):
        assert is_scale_file(SHIPPED / name)
        result = run("--lang", "en", "--data-dir", tmp_path / "d", "check-manual", SHIPPED / name)
        assert result.code == 0, result.err
        assert result.out.startswith(f"{name.removesuffix('.toml')} 1.0.0 (")
        assert "valid" in result.out
    assert not is_scale_file(SHIPPED / "itq.toml")
    bad = small(tmp_path, id="Bad!")
    result = run("--lang", "en", "--data-dir", tmp_path / "d", "check-manual", bad)
    assert result.code == 2
    assert f"{bad}: scale.id: “Bad!” is not a valid id" in result.err
