"""The supervision overview as a PDF report and an XLSX workbook, from the documents layer
and from `traumefokus report supervision`: the same figures, no client code or name, Danish
letters on paper, typed cells, and every report in the audit trail."""

from __future__ import annotations

import re
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from cli_runner import run
from factories import person, planned_course
from pdf_reading import all_text, flat, unembedded_fonts
from traumefokus.documents.kinds import DocumentKind
from traumefokus.documents.render import DocumentRequest, save_pdf
from traumefokus.errors import Refused
from traumefokus.exports.supervision import export_supervision
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import sign_note
from traumefokus.services.supervision import OverviewQuery, supervision_overview
from traumefokus.services.supervision_tables import overview_tables
from traumefokus.storage.models import AuditEvent

QUERY = OverviewQuery(date(2026, 1, 1), date(2026, 6, 30))
TODAY = date(2026, 7, 1)


@pytest.fixture
def supervisor(admin, therapist):
    person(admin, "jonas.k", "therapist", full_name="Jonas Kristensen")
    client = add_client(admin, "K-0001", display_name="Bo Ærø", site="Nord")
    course = planned_course(therapist, client.id, start=date(2026, 1, 5))
    numbered = sorted(
        (s for s in view_course(therapist, course).sessions if s.number is not None),
        key=lambda s: s.number,
    )
    for s in numbered[:5]:
        sign_note(therapist, s.id, attendance="held", day=s.planned_date)
    return person(admin, "sup", "supervisor", full_name="Karen Lund")


def _audited(acting) -> list[dict]:
    with acting.db.reading() as tx:
        rows = tx.scalars(select(AuditEvent).where(AuditEvent.action == "export.supervision"))
        return [dict(row.details) for row in rows]


def test_the_pdf_report_holds_the_figures_and_no_client(supervisor, tmp_path):
    request = DocumentRequest(DocumentKind.SUPERVISION, "", lang="da", supervision=QUERY)
    rendered = save_pdf(supervisor, request, tmp_path / "rapport.pdf", today=TODAY)
    pdf = (tmp_path / "rapport.pdf").read_bytes()
    text = flat(all_text(pdf))
    assert rendered.pages >= 2 and rendered.file_name.endswith(".pdf")
    for words in (
        "Supervisionsoverblik",
        "1. januar 2026 – 30. juni 2026",
        "Forløb startet",
        "Nøgletal",
        "Aldrig gennemført",
        "Sådan er tallene opgjort",
        "mette.h",
        "Journalpunkter",  # the record-based items: the chart and the table per therapist
        "Udtjekning uden hast",
        "Formatpunkter læst af journalen, pr. behandler",
    ):
        assert flat(words) in text, words
    assert flat("K-0001") not in text and flat("Bo Ærø") not in text
    assert unembedded_fonts(pdf) == set()
    assert _audited(supervisor) == [
        {
            "format": "pdf",
            "start": "2026-01-01",
            "end": "2026-06-30",
            "site": None,
            "therapists": [],
        }
    ]


def test_the_report_in_english(supervisor, tmp_path):
    request = DocumentRequest(DocumentKind.SUPERVISION, "", lang="en", supervision=QUERY)
    save_pdf(supervisor, request, tmp_path / "report.pdf", today=TODAY)
    text = flat(all_text((tmp_path / "report.pdf").read_bytes()))
    assert flat("Supervision overview") in text
    assert flat("Time per agenda point (minutes)") in text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_column_heading_breaks_a_word_in_the_middle(supervisor, tmp_path, lang):
    """Each heading of the report's tables comes back from the PDF with its words whole
    (lines may break between them), in Danish and in English."""
    request = DocumentRequest(DocumentKind.SUPERVISION, "", lang=lang, supervision=QUERY)
    save_pdf(supervisor, request, tmp_path / "r.pdf", today=TODAY)
    text = all_text((tmp_path / "r.pdf").read_bytes())
    overview = supervision_overview(supervisor, QUERY, today=TODAY)
    tables = [t for t in overview_tables(overview, lang) if t.key != "reasons"]
    headings = {c.heading for t in tables for c in t.columns}
    broken = [h for h in headings if not re.search(r"\s+".join(map(re.escape, h.split())), text)]
    assert broken == []


def test_the_workbook_has_typed_cells_a_frozen_header_and_widths(supervisor, tmp_path):
    out = export_supervision(supervisor, QUERY, tmp_path / "overblik.xlsx", lang="da", today=TODAY)
    book = load_workbook(out)
    assert book.sheetnames == [
        "Nøgletal",
        "Afsluttet før tid",
        "Behandlere",
        "Temaer",
        "Dagsorden",
        "Journalpunkter",
        "Journalpunkter pr. måned",
        "Om tallene",
    ]
    figures = book["Nøgletal"]
    assert figures.freeze_panes == "A2"
    assert [c.value for c in figures[1]] == ["Nøgletal", "Antal", "Andel"]
    rows = {row[0].value: row for row in figures.iter_rows(min_row=2)}
    assert rows["Forløb startet"][1].value == 1
    assert rows["Sessioner afholdt"][1].value == 5
    assert rows["Fremmøde"][2].value == 1.0 and rows["Fremmøde"][2].number_format == "0.0%"
    assert figures.column_dimensions["A"].width > 30
    therapists = book["Behandlere"]
    assert [c.value for c in therapists["A"]][1:] == ["mette.h"]
    monthly = book["Journalpunkter pr. måned"]
    check_out = [
        [c.value for c in row]
        for row in monthly.iter_rows(min_row=2)
        if row[0].value == "Udtjekning uden hast"
    ]
    # the two trauma sessions held (in January and February), not timed: cannot tell
    assert check_out == [
        ["Udtjekning uden hast", "mette.h", "2026-01", 1, 0, 0, 1, None],
        ["Udtjekning uden hast", "mette.h", "2026-02", 1, 0, 0, 1, None],
    ]
    cells = " ".join(
        str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row
    )
    assert "K-0001" not in cells and "Bo Ærø" not in cells
    assert [a["format"] for a in _audited(supervisor)] == ["xlsx"]


def test_a_therapist_may_not_have_the_report(supervisor, therapist, tmp_path):
    with pytest.raises(Refused):
        export_supervision(therapist, QUERY, tmp_path / "x.xlsx", lang="da")
    request = DocumentRequest(DocumentKind.SUPERVISION, "", supervision=QUERY)
    with pytest.raises(Refused):
        save_pdf(therapist, request, tmp_path / "x.pdf", today=TODAY)
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.pdf").exists()


def test_the_command_writes_pdf_or_xlsx_and_refuses_a_therapist(supervisor, data_dir, tmp_path):
    common = ("--data-dir", data_dir.root, "--from", "2026-01-01", "--to", "2026-06-30")
    pdf = run("report", "supervision", "--out", tmp_path / "r.pdf", "--user", "sup", *common)
    assert pdf.code == 0, pdf.err
    assert "supervisionsrapporten" in pdf.out
    xlsx = run(
        "report", "supervision", "--out", tmp_path / "r.xlsx", "--user", "sup", *common,
        "--site", "Nord", "--therapists", "mette.h, jonas.k", "--lang", "en",
    )  # fmt: skip
    assert xlsx.code == 0, xlsx.err
    assert load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Key figures"
    assert _audited(supervisor)[-1]["therapists"] == ["mette.h", "jonas.k"]
    refused = run(
        "report", "supervision", "--out", tmp_path / "m.pdf", "--user", "mette.h", *common
    )
    assert refused.code == 3 and not (tmp_path / "m.pdf").exists()
    wrong = run("report", "supervision", "--out", tmp_path / "r.csv", "--user", "sup", *common)
    assert wrong.code == 2 and ".csv" in wrong.err
    unknown = run(
        "report", "supervision", "--out", tmp_path / "u.pdf", "--user", "sup",
        "--therapists", "nobody", *common,
    )  # fmt: skip
    assert unknown.code == 2 and "nobody" in unknown.err
