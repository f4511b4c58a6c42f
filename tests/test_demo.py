"""The demo centre: deterministic, complete, built through the services."""

import json
from collections import Counter
from datetime import date

import pytest

from cli_runner import run
from conftest import PASSWORD, postgres_database

TODAY = date(2026, 11, 23)


def export(folder):
    out = folder / "records.json"
    assert run("export", "records", "--out", out, "--user", "admin", "--data-dir", folder).code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = run("demo", "--data-dir", folder, "--seed", "7", "--today", TODAY, "--lang", "en")
    assert result.code == 0, result.err
    assert result.out.startswith(
        f"Built the demo centre in {folder / 'traumefokus.db'}: 7 users, 20 clients, 20 courses"
    )
    return folder


def test_the_same_seed_gives_the_same_data_ids_included(demo, tmp_path):
    again = tmp_path / "again"
    assert run("demo", "--data-dir", again, "--seed", "7", "--today", TODAY).code == 0
    assert export(again) == export(demo)


def test_a_postgresql_database_holds_the_same_centre(request, demo, tmp_path):
    """The command line on a server database: the same seed gives the same export, ids,
    moments, JSON and order included, as on SQLite."""
    url = postgres_database(request)
    built = run("demo", "--data-dir", tmp_path, "--database-url", url, "--seed", "7",
                "--today", TODAY)  # fmt: skip
    assert built.code == 0, built.err
    out = tmp_path / "records.json"
    exported = run("export", "records", "--out", out, "--user", "admin",
                   "--data-dir", tmp_path, "--database-url", url)  # fmt: skip
    assert exported.code == 0, exported.err
    document = json.loads(out.read_text(encoding="utf-8"))
    document.pop("exported_at")
    assert document == export(demo)
    checked = verify(tmp_path, "--database-url", url)
    assert checked.code == 0 and "audit trail is intact" in checked.out, checked.err


def test_another_seed_gives_another_centre(demo, tmp_path):
    other = tmp_path / "other"
    assert run("demo", "--data-dir", other, "--seed", "8", "--today", TODAY).code == 0
    assert export(other)["clients"] != export(demo)["clients"]


def test_the_demo_has_everything_the_design_names(demo):
    document = export(demo)
    assert {(u["name"], u["role"]) for u in document["users"]} == {
        ("admin", "admin"),
        ("supervisor", "supervisor"),
        ("coder", "coder"),
        ("coder2", "coder"),
        ("mette.h", "therapist"),
        ("jonas.k", "therapist"),
        ("sara.l", "therapist"),
    }
    assert {c["site"] for c in document["clients"]} == {"Center Nord", "Center Syd"}
    courses = [course for client in document["clients"] for course in client["courses"]]
    assert {(c["method"], c["status"]) for c in courses} == {
        (m, s) for m in ("SS", "CC") for s in ("planned", "active", "completed", "ended_early")
    }
    kinds = Counter(h["kind"] for c in courses for h in c["plan_history"])
    assert kinds["created"] == 20 and kinds["themes_chosen"] >= 16
    assert any(c["itq"] for c in courses)


def test_courses_follow_the_programme(demo):
    for client in export(demo)["clients"]:
        for course in client["courses"]:
            numbered = {s["number"]: s for s in course["sessions"] if s["number"] is not None}
            assert sorted(numbered) == list(range(13))
            assert numbered[0]["kind"] == "assessment"
            if course["chosen_themes"]:
                assert len(set(course["chosen_themes"])) == 6
                themed = [  # a theme has one session held or to come, unless it was missed
                    s["theme_id"]
                    for s in course["sessions"]
                    if s["kind"] == "trauma"
                    and s["theme_id"] in course["chosen_themes"]
                    and s["attendance"] in (None, "held")
                ]
                assert len(themed) == len(set(themed))
            follow_ups = sorted(
                s["follow_up_month"] for s in course["sessions"] if s["kind"] == "follow_up"
            )
            assert follow_ups == [1, 6]


def test_the_demo_is_not_built_over_real_data(demo):
    result = run("demo", "--data-dir", demo, "--lang", "en")
    assert result.code == 3
    assert "only in an empty data directory" in result.err


def test_the_demo_has_session_notes_drafts_addenda_and_sessions_today(demo):
    courses = [course for client in export(demo)["clients"] for course in client["courses"]]
    sessions = [s for c in courses for s in c["sessions"]]
    signed_trauma = [
        s
        for s in sessions
        if s["kind"] == "trauma" and s["note_status"] == "signed" and s["attendance"] == "held"
    ]
    assert len(signed_trauma) > 20
    for note in signed_trauma:
        assert set(note["agenda_seconds"]) == {"check_in", "quote", "theme", "check_out"}
        assert note["check_in"]["feeling"] and note["worksheets_used"] and note["commitment"]
    assert any(s["note_status"] == "draft" for s in sessions)
    assert any(s["addenda"] for s in sessions)
    not_held = [s for s in sessions if s["attendance"] not in (None, "held")]
    assert not_held and all(s["note_status"] == "signed" for s in not_held)
    assert any(s["planned_date"] == TODAY.isoformat() for s in sessions)


def test_every_completed_course_held_or_dropped_all_six_themes(demo):
    courses = [course for client in export(demo)["clients"] for course in client["courses"]]
    completed = [c for c in courses if c["status"] == "completed"]
    assert completed
    for course in completed:
        held = {
            s["theme_id"]
            for s in course["sessions"]
            if s["kind"] == "trauma" and s["attendance"] == "held"
        }
        dropped = {d["theme"]: d["reason"] for d in course["dropped_themes"]}
        assert all(dropped.values())
        assert set(course["chosen_themes"]) <= held | set(dropped), course["id"]
    kinds = Counter(h["kind"] for c in courses for h in c["plan_history"])
    assert kinds["theme_deferred"] + kinds["theme_replaced"] + kinds["theme_dropped"] > 0


def test_letters_fall_after_the_4th_8th_and_12th_weekly_session(demo):
    courses = [course for client in export(demo)["clients"] for course in client["courses"]]
    letters = [(c, letter) for c in courses for letter in c["status_letters"]]
    assert {letter["after_sessions"] for _c, letter in letters} >= {4, 8, 12}
    for course, letter in letters:
        weekly = sorted(
            s["date"]
            for s in course["sessions"]
            if s["kind"] in ("move", "trauma") and s["attendance"] == "held"
        )
        assert letter["counted_kinds"] == ["move", "trauma"]
        assert letter["printed_on"] > weekly[letter["after_sessions"] - 1]


def test_the_demo_has_flags_raised_in_sessions_some_cleared_by_the_supervisor(demo):
    courses = [course for client in export(demo)["clients"] for course in client["courses"]]
    flags = [(c, f) for c in courses for f in c["safety_flags"]]
    assert flags
    for course, flag in flags:
        assert flag["session_id"] in {s["id"] for s in course["sessions"]}
        assert flag["cleared_at"] is None or flag["clear_note"]


def test_one_therapist_rushes_check_out_until_supervision_took_it_up(demo):
    """The overview's record items have something to show: jonas.k's check-out is mostly
    rushed before the last months and mostly not after; the others' seldom is."""
    from datetime import timedelta

    from raw_database import unlocked
    from traumefokus.content.library import ContentLibrary
    from traumefokus.domain.record_chart import total
    from traumefokus.paths import DataDir
    from traumefokus.services.acting import Acting
    from traumefokus.services.auth import sign_in
    from traumefokus.services.record_chart import record_chart
    from traumefokus.services.supervision import OverviewQuery

    with unlocked(demo).open() as db:
        acting = Acting(
            db,
            ContentLibrary.for_data_dir(DataDir(demo)),
            sign_in(db, "supervisor", PASSWORD),
            DataDir(demo),
        )
        chart = record_chart(acting, OverviewQuery(end=TODAY), today=TODAY)
    rushed = next(c for c in chart.items if c.rule == "check_out_not_rushed")
    supervised = TODAY - timedelta(days=120)
    share = {}
    for row in rushed.rows:
        months = list(zip(chart.months, row.months, strict=True))
        share[row.therapist, "before"] = total(t for m, t in months if m < supervised).share_met
        share[row.therapist, "after"] = total(t for m, t in months if m > supervised).share_met
    assert share["jonas.k", "before"] < 0.5 < share["jonas.k", "after"]
    for other in ("mette.h", "sara.l"):
        assert share[other, "before"] > 0.8 and share[other, "after"] > 0.8


# --- the audit trail's chain -------------------------------------------------------------------
def verify(folder, *more):
    return run("audit", "verify", "--user", "supervisor", "--data-dir", folder, "--lang", "en",
               *more)  # fmt: skip


def test_the_audit_trail_of_the_demo_verifies(demo):
    result = verify(demo)
    assert result.code == 0, result.err
    assert result.out.startswith("The audit trail is intact: ")


def test_an_audit_entry_altered_in_the_database_is_named(demo, tmp_path):
    """Changed with SQL past the program (the demo is encrypted: opened with the key)."""
    import shutil

    from raw_database import raw_connect

    copy = tmp_path / "copy"
    shutil.copytree(demo, copy)
    with raw_connect(copy / "traumefokus.db", "admin") as connection:
        seq = connection.execute(
            "SELECT seq FROM audit_events WHERE action = 'note.sign' ORDER BY seq LIMIT 1 OFFSET 3"
        ).fetchone()[0]
        connection.execute(
            "UPDATE audit_events SET details = '{\"attendance\": \"no_show\"}' WHERE seq = ?",
            (seq,),
        )
    result = verify(copy)
    assert result.code == 4
    assert result.err.strip() == (
        f"traumefokus: The audit trail is broken at entry {seq}: the entry's content does not "
        "match its hash (the entry was altered). The entries before it are intact."
    )


def test_a_removed_last_audit_entry_is_found(demo, tmp_path):
    import shutil

    from raw_database import raw_connect

    copy = tmp_path / "copy"
    shutil.copytree(demo, copy)
    assert verify(copy).code == 0  # its own sign-in is the last entry now
    with raw_connect(copy / "traumefokus.db", "admin") as connection:
        last = connection.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
        connection.execute("DELETE FROM audit_events WHERE seq = ?", (last,))
    result = verify(copy)
    assert result.code == 4
    # The head still names it; the checker's own sign-in is chained after it, so the walk
    # finds it missing in the middle (with no write after, the head names it: test_audit_trail)
    assert f"broken at entry {last}: the entry is missing." in result.err
