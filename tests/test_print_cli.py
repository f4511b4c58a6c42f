"""`traumefokus print …`: each document to a PDF file, with the ids of `export records`, exit
codes and one-line messages; the Markdown of worksheets on paper."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import ListFlowable, Paragraph, Table

from cli_runner import run
from factories import person, signed_in
from pdf_reading import all_text, flat, unembedded_fonts
from raw_database import unlocked
from traumefokus.documents.markdown import markdown_flowables
from traumefokus.documents.styles import WritingLine


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", "--data-dir", folder, "--clients", "8", "--today", "2026-11-23").code == 0
    return folder


@pytest.fixture(scope="module")
def records(demo, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("export") / "records.json"
    assert run("export", "records", "--out", out, "--data-dir", demo, "--user", "admin").code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def courses(records):
    return [(client, course) for client in records["clients"] for course in client["courses"]]


def a_signed_trauma_session(records):
    return next(
        (course, s)
        for _client, course in courses(records)
        for s in course["sessions"]
        if s["kind"] == "trauma" and s["note_status"] == "signed" and s["attendance"] == "held"
    )


def test_print_a_note_with_the_ids_of_the_export(demo, records, tmp_path):
    course, session = a_signed_trauma_session(records)
    out = tmp_path / "note.pdf"
    result = run(
        "print", "note", "--session", session["id"], "--out", out, "--data-dir", demo,
        "--user", course["therapist"],
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.startswith("Skrev ") and str(out) in result.out
    text = all_text(out.read_bytes())
    assert "Sessionsnote" in text and "Underskrevet" in text
    assert unembedded_fonts(out.read_bytes()) == set()


@pytest.mark.parametrize("what", ["handout", "plan", "notes"])
def test_print_the_other_documents(demo, records, tmp_path, what):
    course, session = a_signed_trauma_session(records)
    key, value = ("--session", session["id"]) if what == "handout" else ("--course", course["id"])
    out = tmp_path / f"{what}.pdf"
    result = run(
        "print", what, key, value, "--out", out, "--data-dir", demo, "--user", "supervisor",
        "--lang", "en",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.startswith("Wrote ")
    expected = {"handout": "Today's quote", "plan": "Your course", "notes": "Session note"}
    assert expected[what] in all_text(out.read_bytes())


def test_printing_is_in_the_audit_trail(demo, records, tmp_path):
    from traumefokus.storage.models import AuditEvent

    course, _session = a_signed_trauma_session(records)
    out = tmp_path / "plan.pdf"
    run("print", "plan", "--course", course["id"], "--out", out, "--data-dir", demo,
        "--user", "supervisor")  # fmt: skip
    with unlocked(demo).open() as db, db.reading() as tx:
        events = tx.query(AuditEvent).filter(AuditEvent.action == "print.plan").all()
    assert any(e.object_id == course["id"] and e.user_name == "supervisor" for e in events)


WEEKLY = ("move", "trauma")  # the kinds a status letter counts


def test_print_a_finished_letter_records_the_day(demo, records, tmp_path):
    from traumefokus.services.status_letters import save_status_letter, status_letter

    course = next(
        course
        for _client, course in courses(records)
        if sum(s["attendance"] == "held" and s["kind"] in WEEKLY for s in course["sessions"]) >= 4
    )
    out = tmp_path / "letter.pdf"
    args = ("print", "letter", "--course", course["id"], "--out", out, "--data-dir", demo,
            "--user", course["therapist"])  # fmt: skip
    with unlocked(demo).open() as db:
        actor = signed_in(db, demo, course["therapist"])
        held = sum(s["attendance"] == "held" and s["kind"] in WEEKLY for s in course["sessions"])
        after = held // 4 * 4
        letter = status_letter(actor, course["id"], after)
        if letter.printed:  # the demo printed it: reprinting keeps the text and the first day
            text, day = letter.text, letter.printed_on
        else:
            save_status_letter(
                actor, course["id"], after, "Det går fremad.", version=letter.version
            )
            text, day = "Det går fremad.", date.today()
    result = run(*args, "--after", after)
    assert result.code == 0, result.err
    assert "registreret som udskrevet" in result.out
    assert flat(text.split("\n\n")[0]) in flat(all_text(out.read_bytes()))
    with unlocked(demo).open() as db:
        again = status_letter(signed_in(db, demo, course["therapist"]), course["id"], after)
    assert again.printed_on == day


def test_a_letter_never_written_in_the_program_is_not_printed(tmp_path):
    from factories import planned_course
    from traumefokus.services.clients import add_client
    from traumefokus.services.courses import view_course
    from traumefokus.services.session_notes import sign_note

    data = tmp_path / "data"
    assert run("init", "--admin", "admin", "--data-dir", data).code == 0
    with unlocked(data).open() as db:
        admin = signed_in(db, data, "admin")
        therapist = person(admin, "mette.h", "therapist")
        client = add_client(admin, "K-0001")
        course_id = planned_course(therapist, client.id)
        for s in view_course(therapist, course_id).sessions[:5]:  # assessment + 4 weekly
            sign_note(therapist, s.id, attendance="held", day=s.planned_date)
    out = tmp_path / "letter.pdf"
    result = run("print", "letter", "--course", course_id, "--out", out, "--data-dir", data,
                 "--user", "mette.h")  # fmt: skip
    assert result.code == 2 and "ikke skrevet endnu" in result.err
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["print", "note", "--session", "no-such-id"], 2, "findes"),
        (["print", "plan", "--course", "no-such-id"], 2, "findes"),
        (["print", "note"], 2, "--session"),
    ],
)
def test_wrong_ids_are_one_line_and_exit_2(demo, tmp_path, argv, code, says):
    out = tmp_path / "x.pdf"
    result = run(*argv, "--out", out, "--data-dir", demo, "--user", "admin")
    assert result.code == code
    assert says in result.err and result.err.count("\n") == 1
    assert not out.exists()


def test_a_coder_may_not_print_client_documents(demo, records, tmp_path):
    _course, session = a_signed_trauma_session(records)
    out = tmp_path / "x.pdf"
    result = run("print", "note", "--session", session["id"], "--out", out, "--data-dir", demo,
                 "--user", "coder")  # fmt: skip
    assert result.code == 3 and not out.exists()


def test_an_unwritable_place_is_a_clear_problem(demo, records, tmp_path):
    course, _session = a_signed_trauma_session(records)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("print", "plan", "--course", course["id"], "--out", blocker / "plan.pdf",
                 "--data-dir", demo, "--user", "admin", "--lang", "en")  # fmt: skip
    assert result.code == 4 and "plan.pdf" in result.err


# --- worksheets' Markdown on paper -----------------------------------------------------------
def test_markdown_lines_to_write_on_lists_tables_and_no_html():
    source = (
        "<!-- demo -->\n## Titel\n\nTekst med **fed** og *kursiv* & <tag>.\n\n____\n\n"
        "1. ____\n2. to\n\n- punkt\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> citeret\n"
    )
    flowables = markdown_flowables(source, 400)
    kinds = [type(f) for f in flowables]
    assert kinds == [
        Paragraph,
        Paragraph,
        WritingLine,
        ListFlowable,
        ListFlowable,
        Table,
        Paragraph,
    ]
    text = flowables[1].text
    assert "<b>fed</b>" in text and "<i>kursiv</i>" in text
    assert "&amp;" in text and "tag" not in text  # inline HTML is left out
