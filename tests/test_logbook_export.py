"""The logbook export (exports/logbook.py) on a small centre whose names and codes are made to
trip up a careless pseudonymiser: names that contain each other ("Ann", "Anna"), spaces,
hyphens and non-Latin letters, display names and recording file names that contain a client
code. Pseudonymised, none of them appears in either format; identifiable (administrators
only) keeps them. Who may export what, the period on the real dates, the site, the
separator, the codebook, the audit trail and the files themselves."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import PASSWORD, fresh_workspace
from export_checks import (
    BOM,
    check_csv_against,
    check_xlsx_against,
    found_in,
    identifying_values,
    read_codebook,
    read_csv,
    read_xlsx,
)
from factories import add_client as add_client_row
from factories import add_course, person, signed_in
from traumefokus.content.library import ContentLibrary
from traumefokus.errors import DataProblem, InvalidInput, Refused
from traumefokus.exports.logbook import codebook_path, export_logbook
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.course_team import grant_cover
from traumefokus.services.logbook import LogbookFilter
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.services.users import create_first_admin
from traumefokus.storage.models import AuditEvent, Course, CourseSession, User

pytestmark = pytest.mark.both_databases

# code, display name, site, therapist, method, status, start
CLIENTS = (
    ("K-101", "Ann", "Nord", "anna", "SS", "active", date(2026, 1, 5)),
    ("K-1010", "Anna", "Nord", "anna.b", "CC", "completed", date(2025, 3, 3)),
    ("ÆØ-110", "Åse Øster-Ærø", "Øst", "åse.øster-ærø", "SS", "ended_early", date(2025, 9, 1)),
    ("Д-111", "Дмитрий", "Øst", "дмитрий", "SS", "active", date(2026, 1, 5)),
    ("Σ-100", "Σοφία Σ-100", "Nord", "σοφία", "CC", "active", date(2026, 1, 5)),
)
THERAPISTS = {
    "anna": "Ann Anna",
    "anna.b": "Anna Ann-Sofie Holm",
    "åse.øster-ærø": "Åse Øster-Ærø",
    "дмитрий": "Дмитрий Иванов",
    "σοφία": "Σοφία Παπαδοπούλου",
}
NOTE = "Hos psykolog Anna hver uge"  # free text: never in a logbook export


@pytest.fixture(scope="module")
def centre(request, backend, tmp_path_factory):
    """Five clients, one course each (four held entries: one a no-show), at two sites; Anna B
    covers Anna's course; session 3 of each was held by a colleague, recorded (the file
    name carries the code), co-signed, with a gift card and other treatment with a note."""
    data_dir = DataDir(tmp_path_factory.mktemp("names") / "data")
    workspace = fresh_workspace(request, backend, data_dir)
    with workspace.open() as db:
        library = ContentLibrary.for_data_dir(data_dir)
        admin = Acting(db, library, create_first_admin(db, "admin", PASSWORD), data_dir)
        people = {n: person(admin, n, "therapist", full_name=f) for n, f in THERAPISTS.items()}
        person(admin, "ann.lund", "supervisor", full_name="Ann Lund")
        person(admin, "coder", "coder", full_name="Anne Øberg")
        users = {}
        with db.reading() as tx:
            for user in tx.scalars(select(User)):
                users[user.name] = user
        courses = {}
        for code, name, site, therapist, method, status, start in CLIENTS:
            client = add_client_row(db, code, site=site, display_name=name)
            course = add_course(db, client, users[therapist], method=method, status=status,
                                start=start)  # fmt: skip
            courses[code] = course.id
            colleague = next(u for n, u in users.items() if n in THERAPISTS and n != therapist)
            with db.transaction() as tx:
                sessions = {
                    s.number: s
                    for s in tx.scalars(select(CourseSession).filter_by(course_id=course.id))
                }
                sessions[2].attendance, sessions[2].note_status = "no_show", "none"
                sessions[2].signed_at = sessions[2].signed_by_id = None
                sessions[2].not_held_reason = "ill"
                three = sessions[3]
                three.held_by_id = colleague.id
                three.recorded, three.recording_file = True, f"{code} {name} 2026-01-26.wav"
                three.gift_card_given, three.gift_card_dkk = True, 200
                three.other_treatment = [{"kind": "psychologist", "note": NOTE}]
                three.cosigned_at = datetime(2026, 1, 27, 9, tzinfo=UTC)
        grant_cover(people["anna"], courses["K-101"], people["anna.b"].actor.id)
    return workspace, courses


def _acting(centre, name: str):
    workspace, _ = centre
    db = workspace.open()
    return db, signed_in(db, workspace.data_dir, name)


@pytest.fixture
def as_user(centre):
    opened = []

    def sign_in(name: str) -> Acting:
        db, acting = _acting(centre, name)
        opened.append(db)
        return acting

    yield sign_in
    for db in opened:
        db.close()


def _entries(acting: Acting) -> dict[str, CourseSession]:
    """The entries (attendance or a note) of every course, by session id."""
    with acting.db.reading() as tx:
        sessions = tx.scalars(select(CourseSession)).all()
        return {s.id: s for s in sessions if s.attendance is not None or s.note_status != "none"}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_pseudonymised_export_holds_no_name_code_or_file_name(as_user, tmp_path, suffix):
    supervisor = as_user("ann.lund")
    done = export_logbook(supervisor, tmp_path / f"logbook.{suffix}", lang="en")
    secret = identifying_values(supervisor.db)
    assert {"Ann", "Anna", "K-101", "Σοφία Σ-100", "дмитрий", "Åse Øster-Ærø"} <= secret
    assert any("K-101" in v and v.endswith(".wav") for v in secret)
    assert found_in(done.path, secret | {NOTE}) == set()
    assert found_in(done.codebook, secret | {NOTE}) == set()
    entries = _entries(supervisor)
    assert done.rows == len(entries) == 20
    p = pseudonymiser(supervisor.db)
    if suffix == "csv":
        rows = read_csv(done.path)
        assert {r["session"] for r in rows} == {p.session(i) for i in entries}
        check_csv_against(rows, list(rows[0]), read_codebook(done.codebook))
    else:
        header, rows, _sheet = read_xlsx(done.path)
        assert {r["session"] for r in rows} == {p.session(i) for i in entries}
        check_xlsx_against(rows, header, read_codebook(done.codebook))
    assert "client_name" not in rows[0] and "recording_file" not in rows[0]


def test_pseudonymised_values_are_made_by_the_one_pseudonymiser(as_user, tmp_path):
    supervisor = as_user("ann.lund")
    rows = read_csv(export_logbook(supervisor, tmp_path / "logbook.csv").path)
    p, entries = pseudonymiser(supervisor.db), _entries(supervisor)
    by_session = {p.session(i): s for i, s in entries.items()}
    with supervisor.db.reading() as tx:
        users = {u.id: u for u in tx.scalars(select(User))}
    for row in rows:
        session = by_session[row["session"]]
        course = session.course_id
        with supervisor.db.reading() as tx:
            owner = tx.get(Course, course)
            client_id, therapist_id = owner.client_id, owner.therapist_id
        assert row["course"] == p.course(course)
        assert row["client"] == p.client(client_id)
        assert row["therapist"] == p.user(therapist_id) and therapist_id in users
        real = session.date or session.planned_date
        assert row["day"] == p.day(client_id, real).isoformat()
        assert date.fromisoformat(row["day"]).weekday() == real.weekday()
        if session.held_by_id:
            assert row["held_by"] == p.user(session.held_by_id)
        if session.number == 3:
            assert (row["recorded"], row["gift_card_given"], row["gift_card_dkk"]) == (
                "1",
                "1",
                "200",
            )
            assert (row["other_treatment"], row["cosigned"]) == ("psychologist", "1")
            assert row["minutes_check_in"] == "4.8" and row["minutes_theme"] == "35.0"
        if session.number == 2:
            assert (row["attendance"], row["not_held_reason"]) == ("no_show", "ill")
            assert row["note_status"] == "none"


def test_an_identifiable_export_keeps_codes_names_and_real_dates(as_user, tmp_path):
    admin = as_user("admin")
    done = export_logbook(admin, tmp_path / "logbook.xlsx", identifiable=True)
    assert done.identifiable
    header, rows, _sheet = read_xlsx(done.path)
    check_xlsx_against(rows, header, read_codebook(done.codebook))
    assert {r["client"] for r in rows} == {c[0] for c in CLIENTS}
    assert {r["client_name"] for r in rows} == {c[1] for c in CLIENTS}
    assert {r["therapist"] for r in rows} == set(THERAPISTS)
    files = {r["recording_file"] for r in rows} - {None}
    assert files == {f"{c[0]} {c[1]} 2026-01-26.wav" for c in CLIENTS}
    entries = _entries(admin)
    for row in rows:
        session = entries[row["session"]]
        assert row["day"].date() == (session.date or session.planned_date)
    assert NOTE.encode() not in Path(done.path).read_bytes()  # free text stays out even so
    book = read_codebook(done.codebook)
    assert book["client"]["made"] == "klientkoden" and book["day"]["made"] == "den rigtige dato"


@pytest.mark.parametrize("user", ["anna", "ann.lund", "coder"])
def test_only_an_administrator_exports_codes_and_names(as_user, tmp_path, user):
    acting = as_user(user)
    with pytest.raises(Refused):
        export_logbook(acting, tmp_path / "logbook.csv", identifiable=True)
    assert list(tmp_path.iterdir()) == []


def test_a_coder_may_not_export_the_logbook(as_user, tmp_path):
    with pytest.raises(Refused) as refused:
        export_logbook(as_user("coder"), tmp_path / "logbook.csv")
    assert refused.value.code == "access.denied"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("user", "codes"), [("anna", {"K-101"}), ("anna.b", {"K-101", "K-1010"}),
                                             ("дмитрий", {"Д-111"})])  # fmt: skip
def test_a_therapist_exports_only_the_courses_they_run_or_cover(
    centre, as_user, tmp_path, user, codes
):
    _workspace, courses = centre
    acting = as_user(user)
    rows = read_csv(export_logbook(acting, tmp_path / "mine.csv").path)
    p = pseudonymiser(acting.db)
    assert {r["course"] for r in rows} == {p.course(courses[c]) for c in codes}
    assert len(rows) == 4 * len(codes)


def test_the_period_selects_on_the_real_dates(as_user, tmp_path):
    supervisor = as_user("ann.lund")
    where = LogbookFilter(start=date(2026, 1, 10), end=date(2026, 1, 20))
    rows = read_csv(export_logbook(supervisor, tmp_path / "january.csv", where).path)
    p, entries = pseudonymiser(supervisor.db), _entries(supervisor)
    start, end = date(2026, 1, 10), date(2026, 1, 20)
    inside = {p.session(i) for i, s in entries.items() if start <= s.date <= end}
    assert {r["session"] for r in rows} == inside and len(inside) == 6


def test_the_site_selects_its_clients(as_user, tmp_path):
    supervisor = as_user("ann.lund")
    rows = read_csv(
        export_logbook(supervisor, tmp_path / "ost.csv", LogbookFilter(site="Øst")).path
    )
    assert {r["site"] for r in rows} == {"Øst"} and len(rows) == 8


def test_a_semicolon_file_opens_in_danish_excel(as_user, tmp_path):
    supervisor = as_user("ann.lund")
    done = export_logbook(supervisor, tmp_path / "dansk.csv", separator=";")
    data = done.path.read_bytes()
    assert data.startswith(BOM) and data[len(BOM) :].startswith(b"session;course;client;")
    rows = read_csv(done.path, ";")
    assert "35,0" in {r["minutes_theme"] for r in rows}
    check_csv_against(rows, list(rows[0]), read_codebook(done.codebook, ";"), ";")
    assert codebook_path(done.path).read_bytes().startswith(BOM + b"column;type;")


@pytest.mark.parametrize("separator", ["\t", "|", ";;", ""])
def test_another_separator_is_invalid_input(as_user, tmp_path, separator):
    with pytest.raises(InvalidInput) as invalid:
        export_logbook(as_user("ann.lund"), tmp_path / "x.csv", separator=separator)
    assert invalid.value.code == "export.separator"
    assert list(tmp_path.iterdir()) == []


def test_the_codebook_speaks_the_language_asked_for(as_user, tmp_path):
    supervisor = as_user("ann.lund")
    da = read_codebook(export_logbook(supervisor, tmp_path / "da.csv").codebook)
    en = read_codebook(export_logbook(supervisor, tmp_path / "en.csv", lang="en").codebook)
    assert da["attendance"]["values"]["no_show"] == "Udeblevet"
    assert en["attendance"]["values"]["no_show"] == "No-show"
    assert en["not_held_reason"]["values"]["ill"] == "Ill"
    assert en["client"]["made"] == "pseudonym: keyed hash of the client's id"
    assert en["other_treatment"]["values"]["psychologist"] == "Psychologist"
    assert en["theme_id"]["values"]["safety"].startswith("Safety")


def test_the_export_is_audited_with_counts_only(as_user, tmp_path):
    admin = as_user("admin")

    def events() -> list[AuditEvent]:
        with admin.db.reading() as tx:
            query = select(AuditEvent).where(AuditEvent.action == "export.logbook")
            return list(tx.scalars(query))

    before = {e.id for e in events()}
    export_logbook(admin, tmp_path / "a.csv")
    export_logbook(admin, tmp_path / "b.xlsx", identifiable=True)
    new = [e for e in events() if e.id not in before]
    assert sorted((e.details for e in new), key=lambda d: d["format"]) == [
        {"rows": 20, "identifiable": False, "format": "csv"},
        {"rows": 20, "identifiable": True, "format": "xlsx"},
    ]
    assert {e.user_name for e in new} == {"admin"}


@pytest.mark.sqlite_only
def test_the_files_are_private_and_whole(as_user, tmp_path):
    supervisor = as_user("ann.lund")
    (tmp_path / "logbook.csv").write_text("old")
    done = export_logbook(supervisor, tmp_path / "logbook.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["logbook.codebook.csv", "logbook.csv"]
    if os.name == "posix":
        for path in (done.path, done.codebook):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_workbook_has_typed_cells_a_frozen_header_and_widths(as_user, tmp_path):
    done = export_logbook(as_user("ann.lund"), tmp_path / "logbook.xlsx")
    header, rows, sheet = read_xlsx(done.path)
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 12
    three = next(r for r in rows if r["recorded"])
    assert isinstance(three["day"], datetime) and three["gift_card_dkk"] == 200
    assert three["minutes_theme"] == 35.0 and three["cosigned"] is True
    assert header[:3] == ["session", "course", "client"]


def test_a_text_starting_like_a_formula_stays_text(as_user, tmp_path):
    admin = as_user("admin")
    with admin.db.transaction() as tx:
        session = tx.scalars(select(CourseSession).where(CourseSession.recorded)).first()
        old, session.recording_file = session.recording_file, "=HYPERLINK(1)\x07.wav"
    try:
        done = export_logbook(admin, tmp_path / "x.xlsx", identifiable=True)
        _header, rows, _sheet = read_xlsx(done.path)
        assert "=HYPERLINK(1).wav" in {r["recording_file"] for r in rows}
        csv_rows = read_csv(export_logbook(admin, tmp_path / "x.csv", identifiable=True).path)
        assert "'=HYPERLINK(1)\x07.wav" in {r["recording_file"] for r in csv_rows}
    finally:
        with admin.db.transaction() as tx:
            tx.get(CourseSession, session.id).recording_file = old


def test_the_export_tells_how_far_it_has_come(as_user, tmp_path, monkeypatch):
    from traumefokus.exports import logbook

    monkeypatch.setattr(logbook, "PROGRESS_EVERY", 6)
    heard: list[int] = []
    done = export_logbook(as_user("ann.lund"), tmp_path / "x.xlsx", progress=heard.append)
    assert heard == [6, 12, 18] and done.rows == 20


@pytest.mark.parametrize("name", ["logbook.json", "logbook", "logbook.csv.txt"])
def test_only_csv_and_xlsx_are_written(as_user, tmp_path, name):
    with pytest.raises(InvalidInput) as invalid:
        export_logbook(as_user("ann.lund"), tmp_path / name)
    assert invalid.value.code == "export.logbook_format"


def test_a_period_that_ends_before_it_begins_is_invalid(as_user, tmp_path):
    where = LogbookFilter(start=date(2026, 2, 1), end=date(2026, 1, 1))
    with pytest.raises(InvalidInput) as invalid:
        export_logbook(as_user("ann.lund"), tmp_path / "x.csv", where)
    assert invalid.value.code == "export.period_reversed"


def test_a_place_that_cannot_be_written_is_a_data_problem(as_user, tmp_path):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(DataProblem) as problem:
        export_logbook(as_user("ann.lund"), tmp_path / "a-file" / "logbook.csv")
    assert problem.value.code == "file.unwritable"
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(InvalidInput) as invalid:
        export_logbook(as_user("ann.lund"), tmp_path / "folder.csv")
    assert invalid.value.code == "out.not_a_file"
