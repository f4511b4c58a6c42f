import json

import pytest
from sqlalchemy import select

from factories import ITQ_CPTSD, add_client, add_course, add_user
from schema import validate_records
from traumefokus.errors import InvalidInput, Refused
from traumefokus.exports.records import export_records
from traumefokus.services.records import collect_records
from traumefokus.storage.models import AuditEvent

pytestmark = pytest.mark.both_databases


@pytest.fixture
def centre(db, admin):
    therapist = add_user(db, "mette", "therapist")
    add_user(db, "old.timer", "therapist", active=False)
    first = add_client(db, "K-0001", display_name="Bo Æblegård")
    second = add_client(db, "K-0002", site="Syd")
    add_course(db, first, therapist, method="SS")
    add_course(db, second, therapist, method="CC", status="planned")
    return db


def test_an_empty_database_exports_valid_records(db, admin):
    document = collect_records(admin)
    validate_records(document)
    assert document["users"] == [
        {"name": "admin", "role": "admin", "active": True, "full_name": None, "title": None}
    ]
    assert document["clients"] == []


def test_a_full_export_holds_the_vocabulary_and_validates(centre, admin):
    document = collect_records(admin)
    validate_records(document)
    assert [u["name"] for u in document["users"]] == ["admin", "mette", "old.timer"]
    client = document["clients"][0]
    assert client["code"] == "K-0001" and client["display_name"] == "Bo Æblegård"
    course = client["courses"][0]
    assert course["method"] == "SS" and course["therapist"] == "mette"
    assert course["pack"] == {"id": "seeking-safety", "version": "1.0.0"}
    assert course["itq"] == [
        {
            "id": course["itq"][0]["id"],
            "occasion": "assessment",
            "date": "2026-01-05",
            "items": dict(sorted(ITQ_CPTSD.items())),
            "result": "cptsd",
        }
    ]
    assert course["plan_history"][0]["by"] == "mette"
    sessions = course["sessions"]
    assert [s["number"] for s in sessions] == [0, 1, 2, 3, 4]
    trauma = sessions[3]
    assert trauma["kind"] == "trauma" and trauma["theme_id"] == "safety"
    assert trauma["agenda_seconds"] == {
        "check_in": 290,
        "check_out": 400,
        "quote": 420,
        "theme": 2100,
    }
    assert trauma["signed_at"] == "2026-01-26T11:00:00Z"
    assert trauma["planned_time"] == "10:00"
    assert trauma["addenda"] == [
        {"at": "2026-01-27T11:00:00Z", "by": "mette", "text": "Tilføjelse: aftalen er ændret."}
    ]
    assert sessions[4]["attendance"] is None and sessions[4]["note_status"] == "none"


def test_two_exports_differ_only_in_exported_at(centre, admin, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    export_records(admin, first)
    export_records(admin, second)
    a = json.loads(first.read_text(encoding="utf-8"))
    b = json.loads(second.read_text(encoding="utf-8"))
    a.pop("exported_at")
    b.pop("exported_at")
    assert a == b
    assert first.read_text(encoding="utf-8").count("\n") == second.read_text(
        encoding="utf-8"
    ).count("\n")


def test_one_clients_copy_names_only_the_users_it_mentions(centre, admin):
    document = collect_records(admin, client_code="K-0002")
    validate_records(document)
    assert [c["code"] for c in document["clients"]] == ["K-0002"]
    assert document["users"] == [
        {"name": "mette", "role": "therapist", "active": True, "full_name": None, "title": None}
    ]


def test_an_unknown_client_is_invalid_input(centre, admin):
    with pytest.raises(InvalidInput) as error:
        collect_records(admin, client_code="K-9999")
    assert error.value.facts == {"code": "K-9999"}


def test_only_an_administrator_may_export_records(centre, therapist):
    with pytest.raises(Refused) as error:
        collect_records(therapist)
    assert error.value.code == "access.denied"


def test_every_export_is_in_the_audit_trail(centre, admin):
    collect_records(admin, client_code="K-0001")
    with centre.reading() as tx:
        event = tx.scalars(select(AuditEvent).where(AuditEvent.action == "export.records")).one()
    assert event.user_name == "admin"
    assert event.details == {"clients": 1, "sessions": 5}


def test_the_file_is_utf8_with_danish_letters_intact(centre, admin, tmp_path):
    out = tmp_path / "records.json"
    summary = export_records(admin, out)
    assert (summary.clients, summary.sessions) == (2, 10)
    assert "Bo Æblegård" in out.read_text(encoding="utf-8")


def test_supervisors_comments_and_co_signatures_are_in_the_export(centre, admin):
    from datetime import UTC, datetime

    from traumefokus.storage.models import CourseSession, SupervisorComment

    sup = add_user(centre, "sup", "supervisor")
    with centre.transaction() as tx:
        signed = tx.scalars(select(CourseSession).where(CourseSession.number == 3)).first()
        signed.cosigned_at, signed.cosigned_by_id = datetime(2026, 1, 28, 9, tzinfo=UTC), sup.id
        tx.add_all(
            [
                SupervisorComment(
                    course_id=signed.course_id,
                    session_id=signed.id,
                    at=datetime(2026, 1, 27, 14, tzinfo=UTC),
                    by_id=sup.id,
                    text="Fin brug af citatet.",
                    read_at=datetime(2026, 1, 28, 8, tzinfo=UTC),
                    read_by_id=signed.signed_by_id,
                ),
                SupervisorComment(
                    course_id=signed.course_id,
                    at=datetime(2026, 1, 29, 14, tzinfo=UTC),
                    by_id=sup.id,
                    text="Husk statusbrevet.",
                ),
            ]
        )
    document = collect_records(admin, client_code="K-0001")
    validate_records(document)
    course = document["clients"][0]["courses"][0]
    session = next(s for s in course["sessions"] if s["number"] == 3)
    assert (session["cosigned_at"], session["cosigned_by"]) == ("2026-01-28T09:00:00Z", "sup")
    assert [s["cosigned_by"] for s in course["sessions"]].count(None) == 4
    assert course["comments"] == [
        {
            "at": "2026-01-27T14:00:00Z",
            "by": "sup",
            "session_id": session["id"],
            "text": "Fin brug af citatet.",
            "read_at": "2026-01-28T08:00:00Z",
            "read_by": "mette",
        },
        {
            "at": "2026-01-29T14:00:00Z",
            "by": "sup",
            "session_id": None,
            "text": "Husk statusbrevet.",
            "read_at": None,
            "read_by": None,
        },
    ]
    assert "sup" in [u["name"] for u in document["users"]]  # the copy names who commented
