"""Every other edit of a course or a session takes the version the user saw: a change by a
colleague since is refused with their name ("changed by NAME at TIME"), their change stays,
and the same edit made from the version now on screen goes through. Without a version (the
CLI, the demo) nothing is checked."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

import pytest

from factories import person, planned_course
from traumefokus.errors import Refused
from traumefokus.services import planning, treatment
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover, reassign_course, withdraw_cover
from traumefokus.services.courses import end_course, view_course
from traumefokus.services.session_notes import sign_note
from traumefokus.services.status_letters import save_status_letter, status_letter

pytestmark = pytest.mark.both_databases

START = date(2026, 1, 5)
THEMES = ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"]
ITQ = {f"{part}{n}": 1 for part in "PC" for n in range(1, 10)}


@dataclass
class Centre:
    owner: Any  # the course's therapist
    colleague: Any  # Jonas Krogh, who covers the course
    admin: Any
    other: Any  # a third therapist, to cover or take over the course
    course_id: str

    def session(self, number: int) -> Any:
        course = view_course(self.owner, self.course_id)
        return next(s for s in course.sessions if s.number == number)

    def course_version(self) -> int:
        return view_course(self.owner, self.course_id).version


@pytest.fixture
def centre(admin, therapist):
    colleague = person(admin, "jonas.k", "therapist", full_name="Jonas Krogh")
    other = person(admin, "sara.b", "therapist", full_name="Sara Berg")
    client = add_client(admin, "K-0001")
    course_id = planned_course(therapist, client.id, start=START)
    grant_cover(therapist, course_id, colleague.actor.id)
    return Centre(therapist, colleague, admin, other, course_id)


def move(c: Centre, number: int) -> None:
    """The colleague moves session `number` a day later: its row changes."""
    s = c.session(number)
    day = s.planned_date + timedelta(days=1)
    planning.reschedule(c.colleague, s.id, day=day, at=s.planned_time)


def rechoose(c: Centre, _number: int = 0) -> None:
    """The colleague puts the themes in another order: the course's row changes."""
    planning.choose_themes(c.colleague, c.course_id, list(reversed(THEMES)))


def colleague_changed(c: Centre) -> Callable[[], Any]:
    """The course as the colleague's change left it: the user's refused edit must not alter
    it (read by the administrator, who sees it whoever has it)."""
    return lambda: view_course(c.admin, c.course_id)


@dataclass
class Case:
    name: str
    number: int  # the session the user has on screen
    change: Callable[[Centre, int], None]  # the colleague's change while the user looks
    seen: Callable[[Centre, int], Any]  # what the user saw: the version(s) they pass
    edit: Callable[[Centre, int, Any], Any]  # the user's edit from what they saw


def session_version(c: Centre, number: int) -> int:
    return c.session(number).version


CASES = [
    Case(
        "reschedule",
        5,
        move,
        session_version,
        lambda c, n, v: planning.reschedule(
            c.owner, c.session(n).id, day=date(2026, 3, 30), at=time(9), version=v
        ),
    ),
    Case(
        "swap",
        6,
        move,
        lambda c, n: (session_version(c, 5), session_version(c, n)),
        lambda c, n, v: planning.swap_themes(
            c.owner, c.session(5).id, c.session(n).id, "Bytter", versions=v
        ),
    ),
    Case(
        "defer",
        5,
        move,
        session_version,
        lambda c, n, v: planning.defer_theme(c.owner, c.session(n).id, "Ikke klar", version=v),
    ),
    Case(
        "shift",
        5,
        move,
        session_version,
        lambda c, n, v: planning.shift_dates(c.owner, c.session(n).id, 7, "Syg", version=v),
    ),
    Case(
        "attendance",
        5,
        move,
        session_version,
        lambda c, n, v: planning.record_attendance(c.owner, c.session(n).id, "no_show", version=v),
    ),
    Case(
        "grant cover",
        0,
        rechoose,
        lambda c, n: c.course_version(),
        lambda c, n, v: grant_cover(c.owner, c.course_id, c.other.actor.id, version=v),
    ),
    Case(
        "reassign",
        0,
        rechoose,
        lambda c, n: c.course_version(),
        lambda c, n, v: reassign_course(c.admin, c.course_id, c.other.actor.id, version=v),
    ),
    Case(
        "end",
        0,
        rechoose,
        lambda c, n: c.course_version(),
        lambda c, n, v: end_course(
            c.owner,
            c.course_id,
            status="ended_early",
            end_date=date(2026, 2, 2),
            reason="moved",
            reasons=("moved",),
            version=v,
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_edit_from_an_older_version_names_who_changed_it(db, centre, case):
    seen = case.seen(centre, case.number)
    case.change(centre, case.number)
    left = colleague_changed(centre)
    before = left()
    with pytest.raises(Refused) as refused:
        case.edit(centre, case.number, seen)
    assert refused.value.code == "db.conflict_by"
    assert refused.value.facts["name"] == "Jonas Krogh"
    assert left() == before  # the colleague's change is there, nothing of the refused edit
    case.edit(centre, case.number, case.seen(centre, case.number))  # reloaded: it goes through
    assert left() != before


def test_withdrawing_a_cover_from_an_older_course_is_refused(db, centre):
    grant_cover(centre.owner, centre.course_id, centre.other.actor.id)
    seen = centre.course_version()
    rechoose(centre)
    with pytest.raises(Refused) as refused:
        withdraw_cover(centre.owner, centre.course_id, centre.other.actor.id, version=seen)
    assert refused.value.facts["name"] == "Jonas Krogh"
    assert "Sara Berg" in {
        c.name.split(",")[0] for c in view_course(centre.owner, centre.course_id).covers
    }
    withdraw_cover(
        centre.owner, centre.course_id, centre.other.actor.id, version=centre.course_version()
    )
    assert not [c for c in view_course(centre.owner, centre.course_id).covers
                if c.user_id == centre.other.actor.id]  # fmt: skip


def test_an_itq_corrected_by_a_colleague_is_not_corrected_over(db, centre):
    owner, colleague, course_id = centre.owner, centre.colleague, centre.course_id
    itq_id = treatment.record_itq(owner, course_id, occasion="assessment", day=START, items=ITQ)
    seen = view_course(owner, course_id).itq[0].version
    theirs = {**ITQ, "P1": 4}
    treatment.record_itq(colleague, course_id, occasion="assessment", day=START, items=theirs,
                         itq_id=itq_id, version=seen)  # fmt: skip
    with pytest.raises(Refused) as refused:
        treatment.record_itq(owner, course_id, occasion="assessment", day=START,
                             items={**ITQ, "P1": 0}, itq_id=itq_id, version=seen)  # fmt: skip
    assert refused.value.code == "db.conflict_by"
    assert refused.value.facts["name"] == "Jonas Krogh"
    assert view_course(owner, course_id).itq[0].items["P1"] == 4


def test_a_status_letter_saved_by_a_colleague_names_them(db, centre):
    owner, colleague, course_id = centre.owner, centre.colleague, centre.course_id
    for number in range(5):
        s = centre.session(number)
        sign_note(owner, s.id, attendance="held", day=s.planned_date)
    seen = status_letter(owner, course_id)
    save_status_letter(colleague, course_id, 4, "Jonas' brev.", version=seen.version)
    with pytest.raises(Refused) as refused:  # both began before there was a letter
        save_status_letter(owner, course_id, 4, "Mettes brev.", version=seen.version)
    assert refused.value.code == "db.conflict_by"
    assert refused.value.facts["name"] == "Jonas Krogh"
    now = status_letter(owner, course_id)
    with pytest.raises(Refused):
        save_status_letter(colleague, course_id, 4, "Igen.", version=now.version - 1)
    assert status_letter(owner, course_id).text == "Jonas' brev."
    save_status_letter(owner, course_id, 4, "Mettes brev.", version=now.version)
    assert status_letter(owner, course_id).text == "Mettes brev."


def test_without_a_version_nothing_is_checked(db, centre):
    """The CLI and the demo act on what they have just read."""
    move(centre, 5)
    planning.reschedule(centre.owner, centre.session(5).id, day=date(2026, 3, 30), at=None)
    assert centre.session(5).planned_date == date(2026, 3, 30)


def test_what_is_added_to_a_course_leaves_its_version(db, centre):
    """A goal, an ITQ or a plan history line added to the course is not a change of the
    course's own row: a colleague's theme choice from the course as seen still goes through."""
    seen = centre.course_version()
    treatment.add_goal(centre.owner, centre.course_id, "Sove bedre", START)
    treatment.record_itq(centre.owner, centre.course_id, occasion="assessment", day=START,
                         items=ITQ)  # fmt: skip
    move(centre, 5)  # a line in the plan history
    assert centre.course_version() == seen
    planning.choose_themes(centre.colleague, centre.course_id, THEMES[1:] + THEMES[:1],
                           version=seen)  # fmt: skip
    assert centre.course_version() == seen + 1
