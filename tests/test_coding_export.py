"""`coding export`: a round's sample, codebook, empty rating sheet and manifest for its coders,
pseudonymised (no client code, display name, user name, full name, recording file name or
free text in any file, nor in the ZIP), the codebook naming every column, the sample files
byte-identical from two databases holding the same data written in different orders, and
the recordings key kept out of the export. The command line's `coding sample` and `coding
export`."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from cli_runner import run
from export_checks import BOM, identifying_values, read_csv
from round_fixtures import ROUND_DAY, acting_as, build
from test_coding_rounds import SPEC
from traumefokus.content.scales import scale_by_id
from traumefokus.errors import InvalidInput
from traumefokus.exports.coding import FILES, export_coding
from traumefokus.services.coding_rounds import create_round
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.storage.models import AuditEvent

pytestmark = pytest.mark.both_databases

NOW = datetime(2023, 7, 2, 9, 30, tzinfo=UTC)
FREE_TEXT = ("Fri tekst om", "Ringe til", "Noter K-")


@pytest.fixture
def sup(admin):
    build(admin.db)
    sup = acting_as(admin, "sup.visor")
    create_round(sup, SPEC, today=ROUND_DAY)
    return sup


def scan(data: bytes, db) -> set[str]:
    return {v for v in (*identifying_values(db), *FREE_TEXT) if v.encode() in data}


def test_the_export_holds_the_round_pseudonymised_in_draw_order(sup, tmp_path):
    done = export_coding(sup, "maj 2023", tmp_path / "out", now=NOW)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FILES)
    made = create_round(sup, SPEC.__class__(**{**SPEC.__dict__, "name": "igen"}), today=ROUND_DAY)
    names = pseudonymiser(sup.db)
    rows = read_csv(tmp_path / "out" / "sample.csv")
    assert [r["session"] for r in rows] == [names.session(s) for s in made.session_ids]
    assert [r["position"] for r in rows] == [str(n) for n in range(1, 11)]
    first = rows[0]
    assert first["method"] == "SS" and first["theme_id"] and first["theme"]
    assert first["minutes_check_in"] == "4.8" and first["planned_minutes"] == "60"
    assert first["worksheets"].endswith("-1")
    assert done.sessions == 10 and done.rating_rows == 20
    assert [name for name, _p in done.coders] == ["coder.anna", "coder.bent"]
    for name in FILES:
        data = (tmp_path / "out" / name).read_bytes()
        assert scan(data, sup.db) == set(), name
        assert stat.S_IMODE(os.stat(tmp_path / "out" / name).st_mode) == 0o600
    sample = json.loads((tmp_path / "out" / "sample.json").read_text(encoding="utf-8"))
    assert [s["session"] for s in sample["sessions"]] == [r["session"] for r in rows]
    assert sample["sessions"][0]["worksheets"] == [first["worksheets"]]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["exported_at"] == "2023-07-02T09:30:00Z"
    assert manifest["scale"] == {"id": "ss-adherence", "version": made.scale_version}
    assert manifest["counts"] == {"sessions": 10, "coders": 2, "rating_rows": 20}
    with sup.db.reading() as tx:
        event = tx.scalars(select(AuditEvent).where(AuditEvent.action == "coding.export")).one()
    assert event.details == {"sessions": 10, "coders": 2, "rating_rows": 20, "zip": False,
                             "recordings_key": False}  # fmt: skip


def test_the_codebook_names_every_column_of_the_sample_and_the_rating_sheet(sup, tmp_path):
    export_coding(sup, "Maj 2023", tmp_path, lang="en")
    book = read_csv(tmp_path / "codebook.csv")
    sample = (tmp_path / "sample.csv").read_bytes()[len(BOM) :].decode().splitlines()
    ratings = read_csv(tmp_path / "ratings.csv")
    sheet_header = (tmp_path / "ratings.csv").read_bytes()[len(BOM) :].decode().splitlines()[0]
    assert sample[0].split(",") == [b["column"] for b in book if b["file"] == "sample.csv"]
    assert sheet_header.split(",") == [b["column"] for b in book if b["file"] == "ratings.csv"]
    scale = scale_by_id("ss-adherence", "1.0.0", sup.data_dir)
    assert sheet_header.split(",") == ["session", "coder", *scale.rating_keys(), "strengths",
                                       "weaknesses"]  # fmt: skip
    kinds = {b["column"]: b["type"] for b in book}
    assert kinds["day"] == "date" and kinds["minutes"] == "decimal"
    rating = next(b for b in book if b["column"] == scale.rating_keys()[0])
    assert "NA = can't rate" in rating["values"] and "0-3" in rating["values"]
    themes = next(b for b in book if b["column"] == "theme_id")["values"]
    names = pseudonymiser(sup.db)
    coders = {names.user(c) for c in (_user_id(sup, "coder.anna"), _user_id(sup, "coder.bent"))}
    # one empty row per session and coder
    assert len(ratings) == 20 and {r["coder"] for r in ratings} == coders
    assert all(v == "" for r in ratings for k, v in r.items() if k not in ("session", "coder"))
    for line in sample[1:]:
        assert line.split(",")[3] in themes


def _user_id(acting, name):
    return acting_as(acting, name).actor.id


def test_two_databases_written_in_different_orders_give_byte_identical_files(
    request, sup, tmp_path
):
    from conftest import fresh_workspace
    from traumefokus.paths import DataDir
    from traumefokus.services.acting import Acting

    backend = request.getfixturevalue("backend")
    workspace = fresh_workspace(request, backend, DataDir(tmp_path / "other"))
    with workspace.open() as db:
        build(db, reverse=True)
        other = acting_as(Acting(db, sup.library, sup.actor, workspace.data_dir), "sup.visor")
        create_round(other, SPEC, today=ROUND_DAY)
        export_coding(other, "Maj 2023", tmp_path / "b", now=NOW)
    export_coding(sup, "Maj 2023", tmp_path / "a", now=NOW)
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_the_zip_holds_the_same_files_and_nothing_identifying(sup, tmp_path):
    export_coding(sup, "Maj 2023", tmp_path / "folder", now=NOW)
    export_coding(sup, "Maj 2023", tmp_path / "round.zip", as_zip=True, now=NOW)
    with zipfile.ZipFile(tmp_path / "round.zip") as archive:
        assert archive.namelist() == list(FILES)
        for name in FILES:
            assert archive.read(name) == (tmp_path / "folder" / name).read_bytes()
    assert scan((tmp_path / "round.zip").read_bytes(), sup.db) == set()


def test_the_recordings_key_maps_pseudonyms_to_recordings_outside_the_export(sup, tmp_path):
    key = tmp_path / "private" / "key.csv"
    done = export_coding(sup, "Maj 2023", tmp_path / "out", recordings_key=key)
    lines = read_csv(key)
    sample = read_csv(tmp_path / "out" / "sample.csv")
    assert [k["session"] for k in lines] == [s["session"] for s in sample]
    assert all(k["recording_file"].startswith("K-10") for k in lines)
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert done.key == key.resolve()
    for inside in (tmp_path / "out" / "key.csv", tmp_path / "out" / "sub" / "key.csv"):
        with pytest.raises(InvalidInput) as invalid:
            export_coding(sup, "Maj 2023", tmp_path / "out", recordings_key=inside)
        assert invalid.value.code == "coding.key_inside_out"
        assert not inside.exists()
    with pytest.raises(InvalidInput):
        zipped = tmp_path / "r.zip"
        export_coding(sup, "Maj 2023", zipped, as_zip=True, recordings_key=zipped)
    assert not (tmp_path / "r.zip").exists()


@pytest.mark.sqlite_only
def test_the_command_line_draws_and_exports_a_round(tmp_path):
    demo = tmp_path / "demo"
    assert run("demo", "--data-dir", demo, "--today", "2026-11-23").code == 0
    common = ("--data-dir", demo, "--user", "supervisor", "--lang", "en")
    sample = ("coding", "sample", "--round", "R", "--method", "SS", "--from", "2020-01-01",
              "--to", "2026-12-31", "--seed", "s", *common)  # fmt: skip
    too_many = run(*sample, "--size", "999")
    assert too_many.code == 2
    assert "Cannot draw 999 sessions: only" in too_many.err
    eligible = int(too_many.err.split("only ")[1].split()[0])
    done = run(*sample, "--size", str(eligible), "--coders", "coder", "--by-therapist")
    assert done.code == 0, done.err
    assert f"{eligible} sessions drawn; coders: coder." in done.out
    refused = run(*sample[:-4], "--user", "coder", "--size", "1")
    assert refused.code == 3
    out, key = tmp_path / "out.zip", tmp_path / "key.csv"
    exported = run("coding", "export", "--round", "r", "--out", out, "--zip",
                   "--recordings-key", key, *common)  # fmt: skip
    assert exported.code == 0, exported.err
    assert "is P-" in exported.out and "do not send it" in exported.out
    assert zipfile.ZipFile(out).namelist() == list(FILES)
    inside = run("coding", "export", "--round", "R", "--out", tmp_path / "d",
                 "--recordings-key", tmp_path / "d" / "k.csv", *common)  # fmt: skip
    assert inside.code == 2 and not (tmp_path / "d").exists()
