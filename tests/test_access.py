"""Who may see and change what: one table of (user, relation to the course, action) against
allowed or refused, run through the services that read or write client data.

The centre: Mette's course for K-0001, which Jonas covers (named co-therapist); Sara, another
therapist, whose own course for K-0003 has ended; K-0002 has no course yet. A supervisor, an
administrator and a coder. Each case runs on a fresh copy of the centre; a refused action
raises Refused and leaves every table exactly as it was.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from conftest import PASSWORD, copy_workspace, fresh_workspace
from factories import SS_THEMES, person, planned_course, signed_in
from traumefokus.content.choice_lists import END_REASONS, centre_list
from traumefokus.content.library import ContentLibrary
from traumefokus.documents.render import DocumentKind, DocumentRequest, save_pdf
from traumefokus.domain.access import Action, Relation, may
from traumefokus.domain.coding_ratings import RatingDraft
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import InvalidInput, Refused
from traumefokus.exports.audit import export_audit
from traumefokus.exports.coding import export_coding
from traumefokus.exports.coding_results import export_results
from traumefokus.exports.logbook import export_logbook
from traumefokus.exports.rating_sheet import import_sheet
from traumefokus.exports.records import export_records
from traumefokus.exports.supervision import export_supervision
from traumefokus.paths import DataDir
from traumefokus.services import planning, treatment
from traumefokus.services.acting import Acting
from traumefokus.services.audit_trail import verify_chain
from traumefokus.services.audit_view import AuditQuery, audit_page
from traumefokus.services.backups import make_backup
from traumefokus.services.centre_lists import save_centre_list
from traumefokus.services.clients import add_client, get_client, update_client
from traumefokus.services.coding_ratings import (
    coder_queue,
    open_rating,
    save_rating,
    submit_rating,
)
from traumefokus.services.coding_results import coding_results, rounds_progress
from traumefokus.services.coding_round_admin import close_round, coder_choices, eligible_count
from traumefokus.services.coding_rounds import RoundSpec, create_round, list_rounds
from traumefokus.services.content import install_content
from traumefokus.services.course_team import grant_cover, reassign_course, withdraw_cover
from traumefokus.services.courses import create_course, end_course, view_course
from traumefokus.services.erasure import check_erasure, erase_client
from traumefokus.services.inclusion import confirm_inclusion
from traumefokus.services.missed_themes import drop_missed_theme, replace_missed_theme
from traumefokus.services.overview import client_courses, list_clients
from traumefokus.services.record_chart import record_chart
from traumefokus.services.record_opening import Opened, record_opened
from traumefokus.services.recording_consent import (
    list_consents,
    record_consent,
    withdraw_consent,
)
from traumefokus.services.safety_flags import clear_safety_flag, open_flags, raise_safety_flag
from traumefokus.services.session_notes import (
    add_addendum,
    open_note,
    save_draft,
    sign_note,
    todays_sessions,
)
from traumefokus.services.status_letters import save_status_letter, status_letter
from traumefokus.services.supervision import OverviewQuery, overview_choices, supervision_overview
from traumefokus.services.supervision_comments import (
    add_comment,
    cosign_note,
    course_comments,
    mark_read,
    open_supervision,
)
from traumefokus.services.users import add_user, create_first_admin, list_users
from traumefokus.services.workspace import Workspace
from traumefokus.storage.models import CodingRound, CodingSample

START = date(2026, 1, 5)
USERS = ("mette", "jonas", "sara", "sup", "admin", "coder")
# mette: the course's therapist; jonas: covering (co-therapist); sara: another therapist.


pytestmark = pytest.mark.both_databases


@pytest.fixture(scope="module")
def centre(request, backend, tmp_path_factory) -> tuple[Workspace, dict[str, str]]:
    """The centre, built once per module and database; each case works on a copy."""
    data_dir = DataDir(tmp_path_factory.mktemp("centre") / "data")
    workspace = fresh_workspace(request, backend, data_dir)
    with workspace.open() as db:
        library = ContentLibrary.for_data_dir(data_dir)
        admin = Acting(db, library, create_first_admin(db, "admin", PASSWORD), data_dir)
        mette, jonas, sara = (person(admin, n, "therapist") for n in ("mette", "jonas", "sara"))
        sup = person(admin, "sup", "supervisor")
        coder = person(admin, "coder", "coder")
        k1, k2, k3 = (add_client(admin, f"K-000{n}") for n in (1, 2, 3))
        course = planned_course(mette, k1.id, start=START)
        grant_cover(mette, course, jonas.actor.id)
        sessions = {s.number: s.id for s in view_course(mette, course).sessions}
        for number in range(4):
            sign_note(mette, sessions[number], attendance="held", day=START)
        save_draft(mette, sessions[4], NoteDraft(commitment="Gå en tur"))
        extra = planning.add_extra_session(
            mette, course, kind="move", theme=None, day=START, at=None
        )
        sign_note(mette, extra, attendance="held", day=START)  # the 4th weekly session
        planning.record_attendance(mette, sessions[7], "no_show")  # its theme still open
        goal = treatment.add_goal(mette, course, "Sove bedre", START)
        no_ptsd = {f"{part}{n}": 0 for part in "PC" for n in range(1, 10)}
        treatment.record_itq(mette, course, occasion="assessment", day=START, items=no_ptsd)
        flag = raise_safety_flag(mette, sessions[4], "Kørte bil efter at have drukket")
        save_status_letter(mette, course, 4, "Det går godt.", version=None)
        consent = record_consent(mette, k1.id, START, today=START)
        comment = add_comment(sup, course, "Se på tjek-ud.", session_id=sessions[3])
        ended = planned_course(sara, k3.id, start=START)
        end_course(
            sara, ended, status="ended_early", end_date=START, reason="moved", reasons=("moved",)
        )
        planned = view_course(mette, course).sessions
        coding_round = _rating_round(db, sup, coder, sessions[3])
    ids = {
        "course": course,
        "k1": k1.id,
        "k2": k2.id,
        "k3": k3.id,
        "s3": sessions[3],
        "s4": sessions[4],
        "s5": sessions[5],
        "s6": sessions[6],
        "s7": sessions[7],
        "goal": goal,
        "consent": consent,
        "flag": flag,
        "comment": comment,
        "round": coding_round,
        "jonas": jonas.actor.id,
        "sara": sara.actor.id,
        "mette": mette.actor.id,
        "day5": next(s.planned_date for s in planned if s.number == 5).isoformat(),
    }
    return workspace, ids


def _rating_round(db, sup: Acting, coder: Acting, session_id: str) -> str:
    """An open round of one session, with the coder, written straight through the models."""
    with db.transaction() as tx:
        round_ = CodingRound(name="R1", method="SS", scale_id="ss-adherence", scale_version="1.0.0",
                             start=START, end=START, size=1, seed="1",
                             coder_ids=[coder.actor.id], created_by_id=sup.actor.id)  # fmt: skip
        tx.add(round_)
        tx.flush()
        tx.add(CodingSample(round_id=round_.id, session_id=session_id, position=1))
        return round_.id


def _submit_rating(a: Acting, ids: dict[str, str]):
    keys = open_rating(a, ids["round"], ids["s3"]).scale.rating_keys()
    return submit_rating(a, ids["round"], ids["s3"], RatingDraft(dict.fromkeys(keys, 2)), None)


def _import_sheet(a: Acting, ids: dict[str, str], out: Path):
    sheet = out / "ratings.csv"
    sheet.write_text("session,coder\n", encoding="utf-8")
    return import_sheet(a, "R1", sheet)


def _pdf(kind: DocumentKind, key: str):
    def probe(a: Acting, ids: dict[str, str], out: Path):
        return save_pdf(a, DocumentRequest(kind, ids[key]), out / "x.pdf", today=START)

    return probe


def _start_course(client: str):
    def probe(a: Acting, ids: dict[str, str], out: Path):
        therapist = ids["mette"] if a.actor.role is Role.ADMIN else a.actor.id
        return create_course(
            a,
            client_id=ids[client],
            therapist_id=therapist,
            programme_id="move-ss",
            start=START,
            weekday=0,
            at=time(10),
        )

    return probe


def _draw_round(a: Acting, ids: dict[str, str], out: Path):
    """No session of the centre was recorded: whoever may draw gets as far as counting."""
    try:
        create_round(a, RoundSpec("Runde", "SS", START, START, 1, "frø"), today=START)
    except InvalidInput as invalid:
        assert invalid.code == "coding.size_too_large"


def _results_file(suffix: str):
    """R1 has no ratings yet: whoever may see results gets as far as "nothing to write"."""

    def probe(a: Acting, ids: dict[str, str], out: Path):
        try:
            if suffix == ".pdf":
                request = DocumentRequest(DocumentKind.CODING_RESULTS, "R1")
                save_pdf(a, request, out / "x.pdf", today=START)
            else:
                export_results(a, coding_results(a, "R1"), out / f"x{suffix}", lang="da")
        except InvalidInput as invalid:
            assert invalid.code == "coding.no_ratings"

    return probe


def _back_up(acting, _ids, out) -> None:
    """A server database is backed up by its server's tools: said once access is granted."""
    try:
        make_backup(acting, out / "x.tfbackup")
    except InvalidInput as error:
        assert error.code == "backup.server_database" and acting.db.target.file is None


Y, N = True, False
# action: (probe, allowed for) mette jonas sara sup admin coder
MATRIX = {
    "read: the course": (lambda a, i, o: view_course(a, i["course"]), (Y, Y, N, Y, Y, N)),
    "read: a note": (lambda a, i, o: open_note(a, i["s4"]), (Y, Y, N, Y, Y, N)),
    "read: safety flags": (lambda a, i, o: open_flags(a, i["course"]), (Y, Y, N, Y, Y, N)),
    "read: a status letter": (lambda a, i, o: status_letter(a, i["course"]), (Y, Y, N, Y, Y, N)),
    "read: the client": (lambda a, i, o: get_client(a, i["k1"]), (Y, Y, N, Y, Y, N)),
    "open: the client (audited)": (
        lambda a, i, o: record_opened(a, Opened.CLIENT, i["k1"]), (Y, Y, N, Y, Y, N)
    ),
    "open: the course (audited)": (
        lambda a, i, o: record_opened(a, Opened.COURSE, i["course"]), (Y, Y, N, Y, Y, N)
    ),
    "open: a session (audited)": (
        lambda a, i, o: record_opened(a, Opened.SESSION, i["s4"]), (Y, Y, N, Y, Y, N)
    ),
    "read: the client's courses": (
        lambda a, i, o: client_courses(a, i["k1"]),
        (Y, Y, N, Y, Y, N),
    ),
    "plan: choose themes": (
        lambda a, i, o: planning.choose_themes(a, i["course"], [SS_THEMES[0], *SS_THEMES[:0:-1]]),
        (Y, Y, N, N, N, N),
    ),
    "plan: move a session": (
        lambda a, i, o: planning.reschedule(a, i["s5"], day=date(2026, 3, 1), at=None),
        (Y, Y, N, N, N, N),
    ),
    "plan: swap themes": (
        lambda a, i, o: planning.swap_themes(a, i["s5"], i["s6"]),
        (Y, Y, N, N, N, N),
    ),
    "plan: put a theme aside": (
        lambda a, i, o: planning.defer_theme(a, i["s5"]),
        (Y, Y, N, N, N, N),
    ),
    "plan: move a missed theme on": (
        lambda a, i, o: planning.defer_theme(a, i["s7"]),
        (Y, Y, N, N, N, N),
    ),
    "plan: replace a missed theme": (
        lambda a, i, o: replace_missed_theme(a, i["s7"], "anger"),
        (Y, Y, N, N, N, N),
    ),
    "plan: drop a missed theme": (
        lambda a, i, o: drop_missed_theme(a, i["s7"], "Klienten ønskede det ikke"),
        (Y, Y, N, N, N, N),
    ),
    "plan: an extra session": (
        lambda a, i, o: planning.add_extra_session(
            a, i["course"], kind="move", theme=None, day=date(2026, 5, 1), at=None
        ),
        (Y, Y, N, N, N, N),
    ),
    "plan: move the rest": (
        lambda a, i, o: planning.shift_dates(a, i["s5"], 7),
        (Y, Y, N, N, N, N),
    ),
    "plan: attendance": (
        lambda a, i, o: planning.record_attendance(a, i["s5"], "no_show"),
        (Y, Y, N, N, N, N),
    ),
    "plan: add a goal": (
        lambda a, i, o: treatment.add_goal(a, i["course"], "Et mål", START),
        (Y, Y, N, N, N, N),
    ),
    "plan: change a goal": (
        lambda a, i, o: treatment.update_goal(a, i["goal"], "Sove godt", START, 1),
        (Y, Y, N, N, N, N),
    ),
    "plan: remove a goal": (
        lambda a, i, o: treatment.remove_goal(a, i["goal"]),
        (Y, Y, N, N, N, N),
    ),
    "plan: an ITQ": (
        lambda a, i, o: treatment.record_itq(
            a, i["course"], occasion="assessment", day=START, items={"P1": 2}
        ),
        (Y, Y, N, N, N, N),
    ),
    "plan: confirm inclusion (the ITQ at assessment shows no PTSD)": (
        lambda a, i, o: confirm_inclusion(a, i["course"], "Klinisk vurdering"),
        (Y, Y, N, N, N, N),
    ),
    "plan: end the course": (
        lambda a, i, o: end_course(
            a, i["course"], status="ended_early", end_date=START, reason="moved", reasons=("moved",)
        ),
        (Y, Y, N, N, N, N),
    ),
    "run: save a draft": (
        lambda a, i, o: save_draft(a, i["s4"], NoteDraft(commitment="Ringe")),
        (Y, Y, N, N, N, N),
    ),
    "run: sign a note": (
        lambda a, i, o: sign_note(a, i["s4"], attendance="held", day=START),
        (Y, Y, N, N, N, N),
    ),
    "run: an addendum": (
        lambda a, i, o: add_addendum(a, i["s3"], "Rettelse"),
        (Y, Y, N, N, N, N),
    ),
    "run: raise a safety flag": (
        lambda a, i, o: raise_safety_flag(a, i["s4"], "Uro"),
        (Y, Y, N, N, N, N),
    ),
    "clear a safety flag": (
        lambda a, i, o: clear_safety_flag(a, i["flag"], "Talt igennem"),
        (Y, Y, N, Y, N, N),
    ),
    "read: supervisors' comments": (
        lambda a, i, o: course_comments(a, i["course"]),
        (Y, Y, N, Y, Y, N),
    ),
    "comment on a session": (
        lambda a, i, o: add_comment(a, i["course"], "Godt", session_id=i["s3"]),
        (N, N, N, Y, N, N),
    ),
    "comment on a course": (
        lambda a, i, o: add_comment(a, i["course"], "Godt forløb"),
        (N, N, N, Y, N, N),
    ),
    "co-sign a signed note": (lambda a, i, o: cosign_note(a, i["s3"]), (N, N, N, Y, N, N)),
    "mark a comment read": (lambda a, i, o: mark_read(a, i["comment"]), (Y, Y, N, N, N, N)),
    "read: a session's comments and co-signature": (
        lambda a, i, o: open_supervision(a, i["s3"]),
        (Y, Y, N, Y, Y, N),
    ),
    "print: a note": (_pdf(DocumentKind.NOTE, "s4"), (Y, Y, N, Y, Y, N)),
    "print: a handout": (_pdf(DocumentKind.HANDOUT, "s4"), (Y, Y, N, Y, Y, N)),
    "print: the course plan": (_pdf(DocumentKind.PLAN, "course"), (Y, Y, N, Y, Y, N)),
    "print: all notes": (_pdf(DocumentKind.NOTES, "course"), (Y, Y, N, Y, Y, N)),
    "letter: write": (
        lambda a, i, o: save_status_letter(a, i["course"], 4, "Nyt brev.", version=1),
        (Y, Y, N, N, N, N),
    ),
    "letter: print": (_pdf(DocumentKind.LETTER, "course"), (Y, Y, N, N, N, N)),
    "name a co-therapist": (
        lambda a, i, o: grant_cover(a, i["course"], i["sara"]),
        (Y, N, N, N, Y, N),
    ),
    "withdraw a co-therapist": (
        lambda a, i, o: withdraw_cover(a, i["course"], i["jonas"]),
        (Y, N, N, N, Y, N),
    ),
    "give the course to another therapist": (
        lambda a, i, o: reassign_course(a, i["course"], i["sara"]),
        (N, N, N, N, Y, N),
    ),
    "edit the client": (
        lambda a, i, o: update_client(
            a, i["k1"], code="K-0001", display_name="Bo", site="Nord", version=1
        ),
        (Y, Y, N, N, Y, N),
    ),
    "read: the client's recording consents": (
        lambda a, i, o: list_consents(a, i["k1"]),
        (Y, Y, N, Y, Y, N),
    ),
    "record a client's recording consent": (
        lambda a, i, o: record_consent(a, i["k3"], START, today=START),
        (N, N, Y, N, Y, N),
    ),
    "withdraw a client's recording consent": (
        lambda a, i, o: withdraw_consent(a, i["consent"], START, today=START),
        (Y, Y, N, N, Y, N),
    ),
    "see a client with no course": (lambda a, i, o: get_client(a, i["k2"]), (Y, Y, Y, Y, Y, N)),
    "edit a client with no course": (
        lambda a, i, o: update_client(
            a, i["k2"], code="K-0002", display_name=None, site="Syd", version=1
        ),
        (Y, Y, Y, N, Y, N),
    ),
    "start a course for a client with no course": (_start_course("k2"), (Y, Y, Y, N, Y, N)),
    "start a course for another therapist's client": (
        _start_course("k3"),
        (N, N, Y, N, Y, N),
    ),
    "add a client": (lambda a, i, o: add_client(a, "K-0099"), (Y, Y, Y, N, Y, N)),
    "export all records": (
        lambda a, i, o: export_records(a, o / "records.json"),
        (N, N, N, N, Y, N),
    ),
    "back up the database": (_back_up, (N, N, N, N, Y, N)),
    "erase a client whose course ended over ten years ago": (
        lambda a, i, o: erase_client(a, "K-0003", today=date(2036, 1, 5)),
        (N, N, N, N, Y, N),
    ),
    "see whether a client may be erased": (
        lambda a, i, o: check_erasure(a, "K-0001", today=START),
        (N, N, N, N, Y, N),
    ),
    "export the logbook (pseudonymised)": (
        lambda a, i, o: export_logbook(a, o / "logbook.csv"),
        (Y, Y, Y, Y, Y, N),
    ),
    "export the logbook with codes and names": (
        lambda a, i, o: export_logbook(a, o / "logbook.xlsx", identifiable=True),
        (N, N, N, N, Y, N),
    ),
    "see the supervision overview": (
        lambda a, i, o: supervision_overview(a, OverviewQuery(), today=START),
        (N, N, N, Y, Y, N),
    ),
    "see the supervision overview's record items per therapist and month": (
        lambda a, i, o: record_chart(a, OverviewQuery(), today=START),
        (N, N, N, Y, Y, N),
    ),
    "see the supervision overview's sites and therapists": (
        lambda a, i, o: overview_choices(a),
        (N, N, N, Y, Y, N),
    ),
    "save the supervision overview as a workbook": (
        lambda a, i, o: export_supervision(a, OverviewQuery(), o / "x.xlsx", lang="da"),
        (N, N, N, Y, Y, N),
    ),
    "print: the supervision report": (
        lambda a, i, o: save_pdf(
            a,
            DocumentRequest(DocumentKind.SUPERVISION, "", supervision=OverviewQuery()),
            o / "x.pdf",
            today=START,
        ),
        (N, N, N, Y, Y, N),
    ),
    "draw a coding round": (_draw_round, (N, N, N, Y, N, N)),
    "count the sessions a new coding round may draw": (
        lambda a, i, o: eligible_count(a, "SS", START, START, today=START),
        (N, N, N, Y, N, N),
    ),
    "list the coders a new coding round may name": (
        lambda a, i, o: coder_choices(a),
        (N, N, N, Y, N, N),
    ),
    "close a coding round": (lambda a, i, o: close_round(a, "R1"), (N, N, N, Y, N, N)),
    "list the coding rounds": (lambda a, i, o: list_rounds(a), (N, N, N, Y, Y, Y)),
    "export a coding round for its coders": (
        lambda a, i, o: export_coding(a, "R1", o / "coding", recordings_key=o / "key.csv"),
        (N, N, N, Y, N, N),
    ),
    "see a coding round's results": (
        lambda a, i, o: coding_results(a, "R1"),
        (N, N, N, Y, Y, N),
    ),
    "see the coding rounds with their progress": (
        lambda a, i, o: rounds_progress(a),
        (N, N, N, Y, Y, N),
    ),
    "save a coding round's results as a workbook": (_results_file(".xlsx"), (N, N, N, Y, Y, N)),
    "print: a coding round's results": (_results_file(".pdf"), (N, N, N, Y, Y, N)),
    "rate: the coder's queue": (lambda a, i, o: coder_queue(a), (N, N, N, N, N, Y)),
    "rate: open a session": (
        lambda a, i, o: open_rating(a, i["round"], i["s3"]),
        (N, N, N, N, N, Y),
    ),
    "rate: save a draft": (
        lambda a, i, o: save_rating(a, i["round"], i["s3"], RatingDraft({}), None),
        (N, N, N, N, N, Y),
    ),
    "rate: submit": (lambda a, i, o: _submit_rating(a, i), (N, N, N, N, N, Y)),
    "import a rating sheet": (_import_sheet, (N, N, N, Y, N, N)),
    "install content": (
        lambda a, i, o: install_content(
            a, Path(__file__).parents[1] / "manuals" / "seeking-safety"
        ),
        (N, N, N, N, Y, N),
    ),
    "list the users": (lambda a, i, o: list_users(a), (N, N, N, N, Y, N)),
    "audit: check the chain": (lambda a, i, o: verify_chain(a), (N, N, N, Y, Y, N)),
    "audit: read the trail, a client's entries": (
        lambda a, i, o: audit_page(a, AuditQuery(client_code="K-0001")),
        (N, N, N, Y, Y, N),
    ),
    "audit: export the trail": (
        lambda a, i, o: export_audit(a, o / "trail.jsonl"),
        (N, N, N, Y, Y, N),
    ),
    "audit: export a client's entries": (
        lambda a, i, o: export_audit(a, o / "k1.jsonl", client_code="K-0001"),
        (N, N, N, Y, Y, N),
    ),
    "add a user": (
        lambda a, i, o: add_user(a, "new.user", "therapist", PASSWORD),
        (N, N, N, N, Y, N),
    ),
    "configure: save the centre's list of end reasons": (
        lambda a, i, o: save_centre_list(a, END_REASONS, centre_list(END_REASONS, a.data_dir)),
        (N, N, N, N, Y, N),
    ),
}


def _digest(db) -> str:
    """Every row of every table, in a stable order."""
    digest = hashlib.sha256()
    with db.engine.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            rows = connection.execute(text(f"SELECT * FROM {table}")).all()
            digest.update(table.encode() + repr(sorted(map(repr, rows))).encode())
    return digest.hexdigest()


CASES = [
    pytest.param(action, user, allowed[index], id=f"{action} | {user}")
    for action, (_probe, allowed) in MATRIX.items()
    for index, user in enumerate(USERS)
]


@pytest.mark.parametrize(("action", "user", "allowed"), CASES)
def test_access_matrix(request, centre, tmp_path, action, user, allowed):
    template, ids = centre
    folder = tmp_path / "data"
    copy = copy_workspace(request, template, folder)
    probe = MATRIX[action][0]
    with copy.open() as db:
        acting = signed_in(db, folder, user)
        before = _digest(db)
        if allowed:
            probe(acting, ids, tmp_path)
            return
        with pytest.raises(Refused) as refused:
            probe(acting, ids, tmp_path)
        assert refused.value.code in ("access.denied", "access.not_yours")
        assert _digest(db) == before, "a refused action changed something"
    for name in ("x.pdf", "x.xlsx", "records.json", "logbook.csv", "logbook.xlsx", "coding",
                 "key.csv", "x.tfbackup"):  # fmt: skip
        assert not (tmp_path / name).exists(), f"a refused action wrote {name}"


@pytest.mark.parametrize(
    ("user", "codes"),
    [
        ("mette", ["K-0001", "K-0002"]),
        ("jonas", ["K-0001", "K-0002"]),
        ("sara", ["K-0002", "K-0003"]),
        ("sup", ["K-0001", "K-0002", "K-0003"]),
        ("admin", ["K-0001", "K-0002", "K-0003"]),
    ],
)
def test_each_user_lists_the_clients_they_may_see(centre, user, codes):
    workspace, ids = centre
    folder = workspace.data_dir
    with workspace.open() as db:
        acting = signed_in(db, folder, user)
        assert [row.code for row in list_clients(acting)] == codes
        today = todays_sessions(acting, date.fromisoformat(ids["day5"]))
        assert [row.session_id for row in today] == ([] if user == "sara" else [ids["s5"]])


def test_a_coder_lists_no_clients_and_no_sessions(centre):
    workspace, ids = centre
    folder = workspace.data_dir
    with workspace.open() as db:
        coder = signed_in(db, folder, "coder")
        with pytest.raises(Refused):
            list_clients(coder)
        assert todays_sessions(coder, date.fromisoformat(ids["day5"])) == []


@pytest.mark.parametrize("user", USERS)
def test_input_is_checked_before_permissions(centre, user):
    """A malformed value is invalid input (exit 2) for every role, refused or not."""
    workspace, _ids = centre
    folder = workspace.data_dir
    with workspace.open() as db:
        acting = signed_in(db, folder, user)
        with pytest.raises(InvalidInput) as invalid:
            add_client(acting, "010190-1234")
        assert invalid.value.code == "client.code_cpr"
        with pytest.raises(InvalidInput):
            view_course(acting, "no-such-course")


def test_the_course_view_says_what_each_user_may_do(centre):
    workspace, ids = centre
    folder = workspace.data_dir
    with workspace.open() as db:
        may_do = {
            u: view_course(signed_in(db, folder, u), ids["course"]).may
            for u in ("mette", "jonas", "sup", "admin")
        }
    assert Action.PLAN in may_do["jonas"] and Action.GRANT_COVER not in may_do["jonas"]
    assert may_do["sup"] == {
        Action.READ,
        Action.PRINT,
        Action.CLEAR_FLAG,
        Action.COMMENT,
        Action.CO_SIGN,
    }
    assert may_do["admin"] == {Action.READ, Action.PRINT, Action.GRANT_COVER, Action.REASSIGN}


@pytest.mark.parametrize(
    ("role", "relation", "allowed"),
    [
        # Supervisors comment on and co-sign any course's notes (the matrix above runs the
        # services); nobody else does.
        (Role.SUPERVISOR, Relation.OTHER, True),
        (Role.THERAPIST, Relation.OWN, False),
        (Role.ADMIN, Relation.OTHER, False),
        (Role.CODER, Relation.OTHER, False),
    ],
)
def test_only_supervisors_comment_and_co_sign(role, relation, allowed):
    assert may(role, Action.COMMENT, relation) is allowed
    assert may(role, Action.CO_SIGN, relation) is allowed


@pytest.mark.sqlite_only  # the command line's own tests cover --database-url
def test_another_therapist_cannot_print_the_courses_letter_from_the_command_line(centre, tmp_path):
    from cli_runner import run

    template, ids = centre
    folder = tmp_path / "data"
    shutil.copytree(template.data_dir.root, folder)  # printing records the day on the course
    out = tmp_path / "letter.pdf"
    for user, code in (("sara", 3), ("sup", 3), ("coder", 3), ("mette", 0)):
        result = run("print", "letter", "--course", ids["course"], "--after", "4", "--out", out,
                     "--data-dir", folder, "--user", user)  # fmt: skip
        assert result.code == code, (user, result.err)
        assert out.exists() == (code == 0)
