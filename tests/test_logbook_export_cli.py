"""`traumefokus export logbook` on the demo centre: one row per session with attendance or a
note, valid against its own codebook, and no client code, display name, user name, full name
or recording file name in the CSV or in any part of the XLSX. Who may run it, and what the
command line says when it cannot."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, or_, select

from cli_runner import run
from export_checks import (
    check_csv_against,
    check_xlsx_against,
    found_in,
    identifying_values,
    read_codebook,
    read_csv,
    read_xlsx,
)
from raw_database import unlocked
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.storage.models import Client, Course, CourseCover, CourseSession, User

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    built = run("demo", "--data-dir", folder, "--seed", "7", "--today", TODAY, "--lang", "en")
    assert built.code == 0, built.err
    return folder


def export(demo, out, *options, user="supervisor"):
    return run("export", "logbook", "--out", out, "--user", user, "--data-dir", demo, *options)


def entries(demo) -> dict[str, tuple[str, str]]:
    """The demo's sessions with attendance or a note: id -> (site, therapist name)."""
    with unlocked(demo).open() as db, db.reading() as tx:
        query = (
            select(CourseSession.id, Client.site, User.name)
            .join(Course, Course.id == CourseSession.course_id)
            .join(Client, Client.id == Course.client_id)
            .join(User, User.id == Course.therapist_id)
            .where(or_(CourseSession.attendance.is_not(None), CourseSession.note_status != "none"))
        )
        return {row[0]: (row[1], row[2]) for row in tx.execute(query)}


def session_names(demo) -> dict[str, str]:
    with unlocked(demo).open() as db:
        p = pseudonymiser(db)
        with db.reading() as tx:
            return {p.session(i): i for i in tx.scalars(select(CourseSession.id))}


def test_the_demo_s_csv_has_one_row_per_entry_and_keeps_its_codebook(demo, tmp_path):
    out = tmp_path / "logbook.csv"
    result = export(demo, out, "--lang", "en")
    assert result.code == 0, result.err
    codebook = tmp_path / "logbook.codebook.csv"
    assert result.out.strip() == (
        f"Exported {len(entries(demo))} logbook sessions (pseudonymised) to {out}; "
        f"the codebook is {codebook}."
    )
    rows = read_csv(out)
    names = session_names(demo)
    assert sorted(names[r["session"]] for r in rows) == sorted(entries(demo))
    check_csv_against(rows, list(rows[0]), read_codebook(codebook))


def test_the_demo_s_workbook_keeps_its_codebook(demo, tmp_path):
    out = tmp_path / "logbook.xlsx"
    assert export(demo, out).code == 0
    header, rows, sheet = read_xlsx(out)
    assert sheet.freeze_panes == "A2"
    assert len(rows) == len(entries(demo))
    check_xlsx_against(rows, header, read_codebook(tmp_path / "logbook.codebook.csv"))


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_demo_s_export_names_no_one(demo, tmp_path, suffix):
    out = tmp_path / f"logbook.{suffix}"
    assert export(demo, out).code == 0
    with unlocked(demo).open() as db:
        secret = identifying_values(db)
        with db.reading() as tx:
            users = set(tx.scalars(select(User.name)))
            codes = set(tx.scalars(select(Client.code)))
    assert {"admin", "supervisor", "mette.h", "Mette Hansen"} <= secret
    assert users <= secret and codes <= secret
    assert found_in(out, secret) == set()


def test_a_therapist_exports_the_courses_they_run_or_cover(demo, tmp_path):
    out = tmp_path / "mine.csv"
    assert export(demo, out, user="mette.h").code == 0
    names = session_names(demo)
    everything = entries(demo)
    with unlocked(demo).open() as db, db.reading() as tx:
        mette = tx.scalar(select(User.id).where(User.name == "mette.h"))
        covers = select(CourseCover.course_id).where(CourseCover.user_id == mette)
        covered = set(tx.scalars(covers))
        own = set(tx.scalars(select(Course.id).where(Course.therapist_id == mette)))
        readable = set(
            tx.scalars(select(CourseSession.id).where(CourseSession.course_id.in_(own | covered)))
        )
    exported = {names[r["session"]] for r in read_csv(out)}
    assert exported == readable & set(everything) and exported
    assert len(exported) < len(everything)


def test_the_period_and_the_site_select_on_real_values(demo, tmp_path):
    out = tmp_path / "part.csv"
    period = ("--from", "2026-06-01", "--to", "2026-09-30")
    result = export(demo, out, *period, "--site", "Center Syd")
    assert result.code == 0, result.err
    names = session_names(demo)
    with unlocked(demo).open() as db, db.reading() as tx:
        days = dict(
            tx.execute(
                select(
                    CourseSession.id,
                    func.coalesce(CourseSession.date, CourseSession.planned_date),
                )
            ).all()
        )
    expected = {
        i
        for i, (site, _t) in entries(demo).items()
        if site == "Center Syd" and date(2026, 6, 1) <= days[i] <= date(2026, 9, 30)
    }
    got = [names[r["session"]] for r in read_csv(out)]
    assert set(got) == expected and len(got) == len(expected) > 0


def test_a_coder_is_refused(demo, tmp_path):
    result = export(demo, tmp_path / "x.csv", "--lang", "en", user="coder")
    assert result.code == 3
    assert result.err.strip() == "traumefokus: coder (coder) may not export the logbook."
    assert list(tmp_path.iterdir()) == []


def test_only_an_administrator_exports_identifiable_data(demo, tmp_path):
    refused = export(demo, tmp_path / "x.csv", "--identifiable", "--lang", "en")
    assert refused.code == 3
    assert "may not export the logbook with codes and names" in refused.err
    out = tmp_path / "inside.csv"
    done = export(demo, out, "--identifiable", "--separator", ";", user="admin")
    assert done.code == 0, done.err
    assert "med koder og navne" in done.out
    rows = read_csv(out, ";")
    with unlocked(demo).open() as db, db.reading() as tx:
        codes = set(tx.scalars(select(Client.code)))
    assert {r["client"] for r in rows} <= codes and len({r["client"] for r in rows}) > 5


@pytest.mark.parametrize(
    ("options", "code", "words"),
    [
        (["--separator", "|"], 2, "The separator “|” cannot be used"),
        (["--from", "2026-02-01", "--to", "2026-01-01"], 2, "The period begins on 2026-02-01"),
        (["--from", "1. januar"], 2, "--from"),
    ],
)
def test_invalid_options_are_one_line_exit_2(demo, tmp_path, options, code, words):
    result = export(demo, tmp_path / "x.csv", "--lang", "en", *options)
    assert result.code == code
    assert words in result.err and len(result.err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_file_of_another_kind_is_exit_2(demo, tmp_path):
    result = export(demo, tmp_path / "x.json", "--lang", "en")
    assert result.code == 2
    assert "written as CSV (.csv) or a spreadsheet (.xlsx), not as .json" in result.err


def test_an_unwritable_place_is_a_clear_message_not_a_traceback(demo, tmp_path):
    (tmp_path / "a-file").write_text("")
    result = export(demo, tmp_path / "a-file" / "logbook.csv", "--lang", "en")
    assert result.code == 4
    assert result.err.startswith("traumefokus: ") and "Traceback" not in result.err
    assert str(tmp_path / "a-file" / "logbook.csv") in result.err
    assert len(result.err.strip().splitlines()) == 1
