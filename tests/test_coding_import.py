"""`coding import`: a filled rating sheet (CSV or XLSX) saves its ratings, submitted when
complete; a malformed sheet is refused whole, naming the line, the column and the reason, and
changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cli_runner import run
from coding_fixtures import FULL, coding_centre, use_scale
from traumefokus.domain.coding_ratings import RatingDraft
from traumefokus.errors import InvalidInput, Refused
from traumefokus.exports.rating_sheet import import_sheet
from traumefokus.services.coding_ratings import Progress, coder_queue, save_rating, submit_rating
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.storage.models import AuditEvent, CodingRating

pytestmark = pytest.mark.both_databases
HEADER = "session,coder,F1.adherence,F1.helpfulness,F2.adherence,P1.rating,strengths"


@pytest.fixture
def centre(admin, monkeypatch):
    use_scale(monkeypatch)
    c = coding_centre(admin)
    names = pseudonymiser(admin.db)
    return c, [names.session(s) for s in c.sessions]


def sheet(tmp_path, *lines, name="ratings.csv"):
    path = tmp_path / name
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def ratings(db):
    with db.reading() as tx:
        rows = tx.scalars(select(CodingRating)).all()
        return sorted((r.status, r.ratings) for r in rows)


def test_a_filled_sheet_saves_submitted_and_draft_ratings(centre, tmp_path):
    c, (s1, s2) = centre
    path = sheet(
        tmp_path,
        HEADER,
        f'{s1},coder,2,"2,5",NA,1.5,God struktur',
        f"{s1},CODER2,1,,,,",
        f"{s2},coder,,,,,",  # not rated yet
        f"{s2},coder2,,,,,",
    )
    done = import_sheet(c.supervisor, "Maj 2026", path)
    assert (done.submitted, done.drafts, done.unchanged) == (1, 1, 0)
    assert ratings(c.admin.db) == [
        ("draft", {"F1.adherence": 1}),
        (
            "submitted",
            {
                "F1.adherence": 2,
                "F1.helpfulness": 2.5,
                "F2.adherence": "cant_rate",
                "P1.rating": 1.5,
            },
        ),
    ]
    assert [e.progress for e in coder_queue(c.coder)] == [Progress.SUBMITTED, Progress.NOT_STARTED]
    with c.admin.db.reading() as tx:
        event = tx.scalars(select(AuditEvent).where(AuditEvent.action == "coding.import")).one()
        assert event.user_name == "sup" and event.details["submitted"] == 1


def test_a_semicolon_sheet_reads_too(centre, tmp_path):
    c, (s1, _) = centre
    path = sheet(tmp_path, HEADER.replace(",", ";"), f"{s1};coder;1,5;2;3;0;")
    assert import_sheet(c.supervisor, "Maj 2026", path).submitted == 1


def test_a_workbook_reads_like_the_csv(centre, tmp_path):
    from openpyxl import Workbook

    c, (s1, s2) = centre
    book = Workbook()
    book.active.append(HEADER.split(","))
    book.active.append([s1, "coder", 2, 2.5, "NA", 1, None])
    book.active.append([s2, "coder", 1, None, None, None, None])
    book.save(tmp_path / "ratings.xlsx")
    done = import_sheet(c.supervisor, "Maj 2026", tmp_path / "ratings.xlsx")
    assert (done.submitted, done.drafts) == (1, 1)


@pytest.mark.parametrize(
    ("row", "line", "column", "reason"),
    [
        ("{s2},coder,4,,,,", 3, "F1.adherence", "rating.out_of_range"),
        ("{s2},coder,1.25,,,,", 3, "F1.adherence", "rating.half_points"),
        ("{s2},coder,,x,,,", 3, "F1.helpfulness", "rating.not_a_value"),
        ("S-NOTDRAWN,coder,1,,,,", 3, "session", "rating_import.unknown_session"),
        ("{s2},mette,1,,,,", 3, "coder", "rating_import.unknown_coder"),
        ("{s1},coder,1,,,,", 3, "session", "rating_import.repeated_row"),
        ("{s2},coder,1,,,,,9", 3, "8", "rating_import.extra_cell"),
    ],
)
def test_a_malformed_sheet_is_refused_whole(centre, tmp_path, row, line, column, reason):
    c, (s1, s2) = centre
    path = sheet(tmp_path, HEADER, f"{s1},coder,1,1,1,1,", row.format(s1=s1, s2=s2))
    with pytest.raises(InvalidInput) as invalid:
        import_sheet(c.supervisor, "Maj 2026", path)
    facts = invalid.value.facts
    assert (facts["line"], facts["column"], facts["reason"].code) == (line, column, reason)
    assert ratings(c.admin.db) == []


def test_a_header_must_name_known_columns(centre, tmp_path):
    c, (s1, _) = centre
    for header, column, reason in (
        ("session,coder,F9.adherence", "F9.adherence", "rating_import.unknown_column"),
        ("session,F1.adherence", "coder", "rating_import.missing_column"),
        ("session,coder,P1.rating,P1.rating", "P1.rating", "rating_import.repeated_column"),
    ):
        with pytest.raises(InvalidInput) as invalid:
            import_sheet(c.supervisor, "Maj 2026", sheet(tmp_path, header, f"{s1},coder,1"))
        facts = invalid.value.facts
        assert (facts["line"], facts["column"], facts["reason"].code) == (1, column, reason)


def test_a_submitted_rating_does_not_change(centre, tmp_path):
    c, (s1, _) = centre
    submit_rating(c.coder, c.round_id, c.sessions[0], RatingDraft(FULL), None)
    same = sheet(tmp_path, HEADER, f"{s1},coder,2,2.5,,NA,")
    with pytest.raises(InvalidInput) as invalid:
        import_sheet(c.supervisor, "Maj 2026", same)  # F2 was "na", the sheet says not rated
    assert invalid.value.facts["reason"].code == "rating_import.already_submitted"
    c.admin.db.close()


def test_an_import_over_a_draft_replaces_its_values(centre, tmp_path):
    c, (s1, _) = centre
    save_rating(c.coder, c.round_id, c.sessions[0], RatingDraft({"P1.rating": 3}, "Varm"), None)
    import_sheet(c.supervisor, "Maj 2026", sheet(tmp_path, HEADER, f"{s1},coder,1,,,,"))
    assert ratings(c.admin.db) == [("draft", {"F1.adherence": 1})]


@pytest.mark.parametrize("who", ["coder", "therapist", "admin"])
def test_only_a_supervisor_imports(centre, tmp_path, who):
    c, (s1, _) = centre
    with pytest.raises(Refused):
        import_sheet(getattr(c, who), "Maj 2026", sheet(tmp_path, HEADER, f"{s1},coder,1,,,,"))


@pytest.mark.sqlite_only
def test_the_command_line_names_the_line_column_and_reason(centre, tmp_path):
    c, (s1, s2) = centre
    folder = c.admin.data_dir.root
    bad = sheet(tmp_path, HEADER, f"{s1},coder,1,1,1,1,", f'{s2},coder,"3,5",,,,')
    args = ("coding", "import", "--round", "Maj 2026", bad, "--data-dir", folder, "--user", "sup")
    refused = run(*args, "--lang", "en")
    assert refused.code == 2 and refused.out == ""
    assert refused.err.strip() == (
        "traumefokus: ratings.csv, line 3, column F1.adherence: F1.adherence: 3.5 is outside "
        "the scale "
        "(0-3). Nothing was imported."
    )
    assert "linje 3, kolonne F1.adherence" in run(*args).err
    good = sheet(tmp_path, HEADER, f"{s1},coder,1,1,1,1,", f'{s2},coder,"2,5",,,,')
    done = run("coding", "import", "--round", "Maj 2026", good, "--data-dir", folder,
               "--user", "sup", "--lang", "en")  # fmt: skip
    assert done.code == 0, done.err
    assert done.out.strip() == (
        "Imported ratings into the round Maj 2026: 1 submitted, 1 as drafts, 0 already submitted."
    )
    coder = run("coding", "import", "--round", "Maj 2026", good, "--data-dir", folder,
                "--user", "coder")  # fmt: skip
    assert coder.code == 3


def test_the_exported_rating_sheet_comes_back_filled(admin, tmp_path):
    import csv

    from traumefokus.exports.coding import export_coding
    from traumefokus.storage.models import CodingRound

    c = coding_centre(admin)
    with admin.db.transaction() as tx:
        tx.get(CodingRound, c.round_id).scale_id = "ss-adherence"
    export_coding(c.supervisor, "Maj 2026", tmp_path / "out")
    with (tmp_path / "out" / "ratings.csv").open(encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert len(rows) == 4 and all(r[1].startswith("P-") for r in rows)
    filled = [header] + [[*r[:2], *["2,5"] * (len(header) - 4), "Rolig", ""] for r in rows[:3]]
    with (tmp_path / "filled.csv").open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([*filled, rows[3]])
    done = import_sheet(c.supervisor, "Maj 2026", tmp_path / "filled.csv")
    assert (done.submitted, done.drafts, done.unchanged) == (3, 0, 0)
