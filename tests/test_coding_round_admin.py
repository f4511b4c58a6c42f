"""Closing a coding round: it leaves the coders' queues, its ratings no longer change, its
results stay; closing it again is refused; audited by id only. `coding close` on the command
line. Beside it, what a supervisor needs to draw a round: how many sessions are eligible, and
which coders there are."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from cli_runner import run
from coding_fixtures import FULL, coding_centre, use_scale
from round_fixtures import END, ROUND_DAY, START, acting_as, build, eligible_ids
from traumefokus.domain.coding_ratings import RatingDraft
from traumefokus.domain.vocabulary import Method
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.coding_ratings import coder_queue, save_rating, submit_rating
from traumefokus.services.coding_results import coding_results
from traumefokus.services.coding_round_admin import close_round, coder_choices, eligible_count
from traumefokus.services.coding_rounds import get_round
from traumefokus.storage.models import AuditEvent, CodingRating

pytestmark = pytest.mark.both_databases


@pytest.fixture
def centre(admin, monkeypatch):
    use_scale(monkeypatch)
    found = coding_centre(admin)
    s1, s2 = found.sessions
    submit_rating(found.coder, found.round_id, s1, RatingDraft(FULL), None)
    save_rating(found.coder, found.round_id, s2, RatingDraft({"F1.adherence": 1}), None)
    return found


def test_closing_takes_the_round_out_of_the_queue_and_keeps_its_results(centre):
    assert coder_queue(centre.coder)
    closed = close_round(centre.supervisor, " maj 2026 ")
    assert (closed.name, closed.submitted, closed.drafts) == ("Maj 2026", 1, 1)
    assert get_round(centre.supervisor, "Maj 2026").status.value == "closed"
    assert coder_queue(centre.coder) == [] and coder_queue(centre.other_coder) == []
    results = coding_results(centre.supervisor, "Maj 2026")
    assert (results.submitted, results.drafts) == (1, 1)
    with centre.admin.db.reading() as tx:
        statuses = sorted(tx.scalars(select(CodingRating.status)))
    assert statuses == ["draft", "submitted"]  # the draft stays as it was, not counted


def test_a_closed_round_s_ratings_no_longer_change(centre):
    s1, s2 = centre.sessions
    close_round(centre.supervisor, "Maj 2026")
    with centre.admin.db.reading() as tx:
        version = tx.scalar(select(CodingRating.version).where(CodingRating.session_id == s2))
    for write in (save_rating, submit_rating):
        with pytest.raises(Refused) as refused:
            write(centre.coder, centre.round_id, s2, RatingDraft(FULL), version)
        assert refused.value.code == "rating.round_closed"
    with pytest.raises(Refused) as refused:
        save_rating(centre.other_coder, centre.round_id, s1, RatingDraft(FULL), None)
    assert refused.value.code == "rating.round_closed"


def test_a_closed_round_is_not_closed_again(centre):
    close_round(centre.supervisor, "Maj 2026")
    with pytest.raises(Refused) as refused:
        close_round(centre.supervisor, "MAJ 2026")
    assert refused.value.code == "coding.already_closed"
    assert refused.value.facts == {"name": "Maj 2026"}
    with pytest.raises(InvalidInput) as unknown:
        close_round(centre.supervisor, "Juni 2026")
    assert unknown.value.code == "coding.round_unknown"


def test_closing_is_audited_by_id_and_counts_only(centre):
    close_round(centre.supervisor, "Maj 2026")
    with centre.admin.db.reading() as tx:
        events = tx.scalars(select(AuditEvent).where(AuditEvent.action == "coding.close")).all()
    assert [(e.user_name, e.object_type, e.object_id, e.details) for e in events] == [
        ("sup", "coding_round", centre.round_id, {"submitted": 1, "drafts": 1})
    ]


@pytest.mark.parametrize("who", ["admin", "therapist", "coder"])
def test_only_a_supervisor_closes_a_round(centre, who):
    acting = {"admin": centre.admin, "therapist": centre.therapist, "coder": centre.coder}[who]
    with pytest.raises(Refused) as refused:
        close_round(acting, "Maj 2026")
    assert refused.value.code == "access.denied"
    assert get_round(centre.supervisor, "Maj 2026").status.value == "open"


def test_eligible_count_follows_the_rules_of_drawing(admin):
    build(admin.db)
    sup = acting_as(admin, "sup.visor")
    count = eligible_count(sup, "SS", START, END, today=ROUND_DAY)
    assert count == len(eligible_ids())
    assert eligible_count(sup, Method.SEEKING_SAFETY, START, date(2023, 4, 30)) < count
    assert eligible_count(sup, "SS", END, START) == 0  # a reversed period: nothing yet
    with pytest.raises(InvalidInput):
        eligible_count(sup, "XX", START, END)
    with pytest.raises(Refused):
        eligible_count(acting_as(admin, "behandler.t1"), "SS", START, END)


def test_the_coders_to_choose_are_the_active_ones(admin):
    build(admin.db)
    sup = acting_as(admin, "sup.visor")
    assert [(c.name, c.full_name) for c in coder_choices(sup)] == [
        ("coder.anna", "Anna Koder"),
        ("coder.bent", "Bent Koder"),
    ]  # not coder.old, who may no longer sign in
    with pytest.raises(Refused):
        coder_choices(admin)


@pytest.mark.sqlite_only
def test_coding_close_on_the_command_line(centre):
    from conftest import PASSWORD
    from traumefokus.services.users import reset_password

    reset_password(centre.admin, centre.supervisor.actor.id, PASSWORD)
    folder = centre.admin.data_dir.root

    def close(*args, user="sup", lang="da"):
        return run("coding", "close", *args, "--data-dir", folder, "--user", user, "--lang", lang)

    done = close("--round", "maj 2026")
    assert done.code == 0, done.err
    assert "»Maj 2026« er lukket" in done.out and "1 indsendte, 1 kladder" in done.out
    again = close("--round", "Maj 2026", lang="en")
    assert again.code == 3
    assert again.err.strip() == "traumefokus: The coding round “Maj 2026” is already closed."
    assert close("--round", "Nope").code == 2
    assert close("--round", "Maj 2026", user="admin").code == 3
    assert close().code == 2  # --round is required
