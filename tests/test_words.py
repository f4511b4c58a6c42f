"""One catalogue of the records vocabulary's words (labels.py) that the screens, the paper and
the command line all read; dates and numbers written out by Babel, which the screens' QLocale
agrees with."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, time, timedelta
from pathlib import Path

from traumefokus.documents.wording import Wording
from traumefokus.domain.itq import CLUSTER_ORDER
from traumefokus.domain.vocabulary import (
    Attendance,
    CourseStatus,
    ItqOccasion,
    ItqResult,
    Method,
    NoteStatus,
    Role,
    SessionKind,
)
from traumefokus.errors import Refused
from traumefokus.labels import LABELS, in_sentence, label
from traumefokus.messages import Term, describe, text
from traumefokus.paths import shipped_dir
from traumefokus.services.plan_history import describe_change
from traumefokus.ui import labels as screen

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "traumefokus"
WORD_LISTS = {
    "method": Method,
    "status": CourseStatus,
    "role": Role,
    "session_kind": SessionKind,
    "attendance": Attendance,
    "note_status": NoteStatus,
    "itq_occasion": ItqOccasion,
    "itq_result": ItqResult,
}


def needed() -> set[str]:
    """Every value of the vocabulary, less a note that is not there (an empty cell), plus an
    attendance not recorded (null in the records, "Not recorded" on paper)."""
    codes = {f"{name}.{value.value}" for name, enum in WORD_LISTS.items() for value in enum}
    codes |= {f"itq_cluster.{cluster}" for cluster in CLUSTER_ORDER}
    return codes - {"note_status.none"} | {"attendance.none"}


def test_every_word_the_vocabulary_needs_is_in_both_languages_and_no_other():
    assert set(LABELS) == needed()
    for code, (danish, english) in LABELS.items():
        assert danish.strip() and english.strip(), code


def test_a_word_inside_a_sentence_starts_small_unless_it_is_an_abbreviation():
    assert in_sentence("status.ended_early", "en") == "ended early"
    assert in_sentence("attendance.cancelled_client", "da") == "aflyst af klienten"
    assert in_sentence("session_kind.move", "da") == "MOVE"
    assert in_sentence("itq_result.ptsd", "en") == "PTSD"
    assert in_sentence("itq_result.cptsd", "da") == "kompleks PTSD"


def test_the_screens_the_paper_and_the_command_line_say_the_same_words(lang):
    words = Wording(lang)  # the paper
    for kind in SessionKind:
        assert (
            screen.session_kind_label(kind)
            == words.kind(kind)
            == label(f"session_kind.{kind}", lang)
        )
    for attendance in Attendance:
        assert screen.attendance_label(attendance) == words.attendance(attendance)
    assert words.attendance(None) == ("Not recorded" if lang == "en" else "Ikke registreret")
    assert screen.attendance_label(None) == ""  # an empty cell on screen
    names = {"SS": "Seeking Safety", "CC": "Creating Change"}  # in Danish too
    for method in Method:
        assert screen.method_label(method) == words.method(method) == names[method]
    # the command line and the typed errors put the same word inside their sentences
    for status in CourseStatus:
        said = describe(Refused("course.not_open", status=Term(f"status.{status}")), lang)
        word = screen.course_status_label(status)
        assert word and word[0].lower() + word[1:] in said
    for role in Role:
        said = text("user.added", lang, name="bo", role=Term(f"role.{role}"))
        assert f"({screen.role_label(role)})" in said
    for kind in (SessionKind.TRAUMA, SessionKind.MOVE):
        said = describe_change("extra_added", {"kind": kind.value, "date": "-", "theme": "-"}, lang)
        assert in_sentence(f"session_kind.{kind}", lang) in said
        assert screen.session_kind_label(kind).lower() in said.lower()


def test_the_english_of_the_plan_history_is_unchanged_by_the_move():
    """The history keeps its change in English words (exported), as before."""
    assert (
        describe_change(
            "extra_added", {"kind": "trauma", "date": "2026-02-02", "theme": "safety"}, "en"
        )
        == "Extra trauma-focused session added on 2026-02-02 (theme: safety)"
    )
    assert "ended early" in describe_change(
        "ended", {"date": "2026-03-01", "status": "ended_early", "end_reason": "moved"}, "en"
    )


def test_the_qt_catalogue_no_longer_carries_the_vocabulary():
    tree = ET.parse(shipped_dir("resources") / "translations" / "traumefokus_da.ts")
    sources = {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }
    englishes = {english for _danish, english in LABELS.values() if english != "MOVE"}
    assert {source for name, source in sources if name == "Labels"} & englishes == set()
    assert ("Labels", "Held") not in sources and ("ItqDialog", "Assessment") not in sources


def test_the_itq_dialog_offers_the_occasions_in_the_catalogues_words(
    qtbot, workspace, therapist, admin, lang
):
    from factories import planned_course
    from traumefokus.content.itq_items import itq_file, load_itq_form
    from traumefokus.services.clients import add_client
    from traumefokus.services.courses import view_course
    from traumefokus.ui.itq_dialog import ItqDialog
    from ui_helpers import make_context

    client = add_client(admin, "K-0001")
    course = view_course(therapist, planned_course(therapist, client.id, themes=None))
    ctx = make_context(workspace, lang, acting=therapist)
    form = load_itq_form(itq_file(workspace.data_dir, lang))
    dialog = ItqDialog(ctx, course, form)
    qtbot.addWidget(dialog)
    shown = [dialog.occasion.itemText(i) for i in range(dialog.occasion.count())]
    assert shown == (["Assessment", "Follow-up"] if lang == "en" else ["Afdækning", "Opfølgning"])
    assert [dialog.occasion.itemData(i) for i in range(2)] == [o.value for o in ItqOccasion]


# --- Babel: dates, times and numbers on paper and in the command line ------------------------


def test_dates_and_times_on_paper_read_as_before():
    da, en = Wording("da"), Wording("en")
    day = date(2026, 12, 1)
    assert da.long_date(day) == "1. december 2026"
    assert en.long_date(day) == "1 December 2026"
    assert da.day_and_date(day) == "tirsdag 1. december 2026"
    assert en.day_and_date(day) == "Tuesday 1 December 2026"
    assert da.short_date(date(2026, 5, 3)) == "03.05.2026"
    assert en.short_date(date(2026, 9, 3)) == "3 Sep 2026"
    assert da("at_time", time=da.clock(time(13, 0))) == "kl. 13.00"
    assert en("at_time", time=en.clock(time(9, 5))) == "at 09:05"


def test_every_month_and_weekday_is_written_out_in_both_languages():
    da, en = Wording("da"), Wording("en")
    months_da = [da.long_date(date(2026, m, 1)).split(" ")[1] for m in range(1, 13)]
    months_en = [en.long_date(date(2026, m, 1)).split(" ")[1] for m in range(1, 13)]
    assert months_da[0] == "januar" and months_da[4] == "maj" and months_da[11] == "december"
    assert months_en[2] == "March" and months_en[7] == "August"
    assert len(set(months_da)) == len(set(months_en)) == 12
    monday = date(2026, 11, 30)
    assert [da.day_and_date(monday + timedelta(n)).split(" ")[0] for n in (0, 5, 6)] == [
        "mandag",
        "lørdag",
        "søndag",
    ]


def test_the_screens_qlocale_and_babel_write_the_same_dates(lang):
    """The screens write dates with QLocale (ui/forms.py day_label, weekday names); Babel
    with the same patterns gives the same text, every day of a year."""
    from babel.dates import format_date

    from traumefokus.ui.forms import day_label

    day = date(2026, 1, 1)
    while day.year == 2026:
        assert day_label(day) == format_date(day, "EEE dd.MM.y", locale=lang)
        assert day_label(day, weekday=False) == format_date(day, "dd.MM.y", locale=lang)
        day += timedelta(1)
    assert day_label(date(2026, 12, 1)) == (
        "Tue 01.12.2026" if lang == "en" else "tirs. 01.12.2026"
    )
    monday = date(2026, 11, 30)
    assert screen.weekday_names() == [
        format_date(monday + timedelta(n), "EEEE", locale=lang) for n in range(7)
    ]


def test_a_measured_number_in_a_message_takes_the_languages_decimal_sign():
    facts = {"where": "x", "users": 7, "clients": 20, "courses": 20, "sessions": 300}
    assert "(3,4 s)" in text("demo.done", "da", seconds=3.4, **facts)
    assert "(3.4 s)" in text("demo.done", "en", seconds=3.4, **facts)
    assert "300 sessioner" in text("demo.done", "da", seconds=3.4, **facts)  # counts as they are


def test_no_month_or_weekday_names_are_written_by_hand():
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8").lower()
        for a, b in (("januar", "februar"), ("mandag", "tirsdag"), ("monday", "tuesday")):
            assert not (a in source and b in source), f"{path.name}: {a}, {b}"
