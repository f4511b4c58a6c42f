"""`traumefokus coding results --round NAME [--out FILE]`: the tables on the terminal in the
chosen language, or a CSV (UTF-8 with a BOM), a workbook or a PDF (fonts embedded, Danish
letters), each audited as an export; a round without ratings says so and exits 0 writing
nothing; an unknown round exit 2; a therapist or a coder exit 3."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from cli_runner import run
from coding_fixtures import use_scale
from pdf_reading import all_text, flat, unembedded_fonts
from round_results_fixtures import results_centre
from traumefokus.storage.models import AuditEvent


@pytest.fixture
def folder(admin, monkeypatch):
    from conftest import PASSWORD
    from round_fixtures import _id
    from traumefokus.services.users import reset_password

    use_scale(monkeypatch)
    results_centre(admin)
    for user in ("sup", "ca", "t1"):
        reset_password(admin, _id("u", user), PASSWORD)
    return admin.data_dir.root


def results(folder, *args, user="sup.visor", lang="da"):
    return run("coding", "results", *args, "--data-dir", folder, "--user", user, "--lang", lang)


def audited(admin) -> list[tuple[str, dict]]:
    with admin.db.reading() as tx:
        events = tx.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.coding_results")
        ).all()
        return [(e.user_name, dict(e.details)) for e in events]


def test_the_tables_on_the_terminal_in_danish_and_english(folder, admin):
    danish = results(folder, "--round", "Maj 2023")
    assert danish.code == 0, danish.err
    lines = danish.out.splitlines()
    assert lines[0] == "Kodningsresultater"
    assert any(
        line.startswith("Talt med:")
        and line.endswith(" 5 indsendte ratinger; 1 kladder tælles ikke med")
        for line in lines
    )
    assert any(line.split() == ["Interventioner", "3", "1,83", "0,88", "1,00", "2,75"]
               for line in lines)  # fmt: skip
    assert any(line.split()[:4] == ["Interventioner", "2", "2", "0,75"] for line in lines)
    assert any(line.split() == ["Marts", "2023", "2023-03-01", "–", "2023-03-28", "1", "2,00",
                                "2,00"] for line in lines)  # fmt: skip
    english = results(folder, "--round", "Maj 2023", lang="en")
    assert "Agreement between the coders" in english.out
    assert any(line.split() == ["Processer", "3", "2.00", "0.90", "1.00", "2.75"]
               for line in english.out.splitlines())  # fmt: skip
    assert audited(admin) == []  # only a file is an export


def test_a_csv_with_a_bom_and_every_table(folder, admin, tmp_path):
    out = tmp_path / "resultater.csv"
    done = results(folder, "--round", "Maj 2023", "--out", out, lang="en")
    assert done.code == 0, done.err
    assert done.out.strip() == f"The results of the coding round “Maj 2023” are written to {out}."
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    for title in ("Mean per part", "Mean per item", "Agreement between the coders",
                  "Comparison between rounds"):  # fmt: skip
        assert f"\r\n{title}\r\n" in text
    assert "Interventioner,3,1.8333,0.8780,1.0000,2.7500" in text
    assert "Processer,2,2,0.5000,,,\r\n" in text  # no interval: empty cells
    assert audited(admin) == [("sup.visor", {"format": "csv"})]


def test_a_workbook_with_a_sheet_per_table(folder, admin, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "resultater.xlsx"
    assert results(folder, "--round", "Maj 2023", "--out", out).code == 0
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["Pr. del", "Pr. punkt", "Enighed", "Sammenligning", "Om tallene"]
    parts = list(book["Pr. del"].iter_rows(values_only=True))
    assert parts[0] == ("Del", "n", "Gennemsnit", "SD", "Laveste", "Højeste")
    assert parts[1][:2] == ("Interventioner", 3) and abs(parts[1][2] - 5.5 / 3) < 1e-9
    assert audited(admin) == [("sup.visor", {"format": "xlsx"})]


def test_a_pdf_with_embedded_fonts_and_danish_letters(folder, admin, tmp_path):
    out = tmp_path / "resultater.pdf"
    done = results(folder, "--round", "Maj 2023", "--out", out)
    assert done.code == 0, done.err
    pdf = out.read_bytes()
    assert unembedded_fonts(pdf) == set()
    text = flat(all_text(pdf))
    for words in ("Kodningsresultater", "Gennemsnit pr. del", "Højeste", "Enighed mellem koderne",
                  "Sammenligning mellem runder", "Maj 2023 (denne runde)", "1,83", "0,75",
                  "Kun indsendte ratinger tæller; kladder tælles ikke med."):  # fmt: skip
        assert flat(words) in text, words
    assert audited(admin) == [("sup.visor", {"format": "pdf"})]


def test_a_round_without_ratings_says_so_and_writes_nothing(folder, admin, tmp_path):
    shown = results(folder, "--round", "Tom", lang="en")
    assert (shown.code, shown.out.strip()) == (
        0,
        "The coding round “Tom” has no submitted ratings yet.",
    )
    for name in ("tom.csv", "tom.xlsx", "tom.pdf"):
        done = results(folder, "--round", "Tom", "--out", tmp_path / name)
        assert done.code == 0 and "har endnu ingen indsendte ratinger" in done.out
        assert not (tmp_path / name).exists()
    assert audited(admin) == []


def test_exit_codes(folder, tmp_path):
    assert results(folder, "--round", "Ingen").code == 2
    assert results(folder, "--round", "Maj 2023", "--out", tmp_path / "x.txt").code == 2
    for user in ("behandler.t1", "coder.anna"):
        refused = results(folder, "--round", "Maj 2023", "--out", tmp_path / "x.pdf", user=user)
        assert refused.code == 3, refused.err
        assert results(folder, "--round", "Ingen", user=user).code == 3
    assert not (tmp_path / "x.pdf").exists()
    assert results(folder, "--round", "Maj 2023", user="admin").code == 0
