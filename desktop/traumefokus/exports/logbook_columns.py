"""The logbook export's columns, defined once as data: each column's name, type, description,
the word list its values come from, and how its value is made in a pseudonymised export (the
default) and in an identifiable one. The CSV writer, the XLSX writer and the codebook all read
this table; nothing else decides what a column holds.

A pseudonymised value goes through the one pseudonymiser (`domain/pseudonyms.py`): clients,
courses, sessions and users become keyed-hash pseudonyms, a client's dates move by the
client's whole-week shift, and whatever identifies someone (client code, display name, user
name, full name, recording file name) or is free text is never written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from traumefokus.domain.isotime import local_day
from traumefokus.domain.pseudonyms import Pseudonymiser, moved
from traumefokus.domain.vocabulary import Attendance, CourseStatus, Method, NoteStatus, SessionKind
from traumefokus.services.logbook import LogbookRow

Value = str | int | float | bool | date | None
Words = tuple[str, str]  # (Danish, English)


class ColumnType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"  # YYYY-MM-DD
    BOOLEAN = "boolean"
    CATEGORY = "category"  # one value of the column's list
    CATEGORIES = "categories"  # values of the column's list, separated by spaces


class Pseudonyms:
    """The pseudonymiser of one export, remembering the names it has made (a client has many
    sessions; each hash is worked out once)."""

    def __init__(self, pseudonymiser: Pseudonymiser) -> None:
        self.client = lru_cache(maxsize=None)(pseudonymiser.client)
        self.user = lru_cache(maxsize=None)(pseudonymiser.user)
        self.course = lru_cache(maxsize=None)(pseudonymiser.course)
        self.session = pseudonymiser.session
        self._shift = lru_cache(maxsize=None)(pseudonymiser.shift_days)

    def day(self, client_id: str, day: date | None) -> date | None:
        """As Pseudonymiser.day, with the client's shift worked out once."""
        return moved(day, self._shift(client_id))


Maker = Callable[[LogbookRow, Pseudonyms], Value]


@dataclass(frozen=True)
class Making:
    """How a column's value is made: `pseudonymised` (None: left out of a pseudonymised
    export) and `identifiable`, each with the words the codebook says about it."""

    pseudonymised: Maker | None
    identifiable: Maker
    how: tuple[Words, Words]  # (pseudonymised, identifiable)


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: Words
    making: Making
    values: str | None = None  # the word list of its values (value_labels in exports/logbook)
    width: int = 12  # characters, for the spreadsheet

    def maker(self, identifiable: bool) -> Maker | None:
        return self.making.identifiable if identifiable else self.making.pseudonymised

    def how(self, identifiable: bool) -> Words:
        return self.making.how[1 if identifiable else 0]


AS_RECORDED: Words = ("som registreret", "as recorded")
LEFT_OUT: Words = ("udeladt", "left out")


def recorded(value: Callable[[LogbookRow], Value]) -> Making:
    """The same value in both exports: it identifies no one."""
    return Making(lambda r, _p: value(r), lambda r, _p: value(r), (AS_RECORDED, AS_RECORDED))


def inside_only(value: Callable[[LogbookRow], Value]) -> Making:
    """Only in an identifiable export: it identifies someone, or is free text."""
    return Making(None, lambda r, _p: value(r), (LEFT_OUT, AS_RECORDED))


def pseudonym(
    make: Maker, real: Callable[[LogbookRow], Value], what: Words, real_words: Words
) -> Making:
    da, en = what
    how = (f"pseudonym: nøglet hash af {da}s id", f"pseudonym: keyed hash of the {en}'s id")
    return Making(make, lambda r, _p: real(r), (how, real_words))


def shifted(day: Callable[[LogbookRow], date | None]) -> Making:
    """A date: moved by the client's shift (whole weeks) when pseudonymised, else real."""
    how: Words = (
        "flyttet med klientens forskydning (hele uger; ugedage og intervaller bevares)",
        "moved by the client's shift (whole weeks; weekdays and intervals are kept)",
    )
    return Making(
        lambda r, p: p.day(r.client_id, day(r)),
        lambda r, _p: day(r),
        (how, ("den rigtige dato", "the real date")),
    )


def _signed_day(r: LogbookRow) -> date | None:
    return local_day(r.signed_at) if r.signed_at else None


def _held_by(r: LogbookRow, p: Pseudonyms) -> str | None:
    return p.user(r.held_by.id) if r.held_by else None


T = ColumnType
COLUMNS: tuple[Column, ...] = (
    Column(
        "session",
        T.TEXT,
        ("Sessionen", "The session"),
        pseudonym(
            lambda r, p: p.session(r.session_id),
            lambda r: r.session_id,
            ("sessionen", "session"),
            ("sessionens id (som i export records)", "the session's id (as in export records)"),
        ),
        width=14,
    ),
    Column(
        "course",
        T.TEXT,
        ("Forløbet", "The course"),
        pseudonym(
            lambda r, p: p.course(r.course_id),
            lambda r: r.course_id,
            ("forløbet", "course"),
            ("forløbets id (som i export records)", "the course's id (as in export records)"),
        ),
        width=14,
    ),
    Column(
        "client",
        T.TEXT,
        ("Klienten", "The client"),
        pseudonym(
            lambda r, p: p.client(r.client_id),
            lambda r: r.client_code,
            ("klienten", "client"),
            ("klientkoden", "the client code"),
        ),
    ),
    Column(
        "client_name",
        T.TEXT,
        ("Klientens navn (identificerende)", "The client's name (identifying)"),
        inside_only(lambda r: r.display_name),
        width=20,
    ),
    Column("site", T.TEXT, ("Stedet", "The site"), recorded(lambda r: r.site), width=14),
    Column(
        "therapist",
        T.TEXT,
        ("Forløbets behandler", "The course's therapist"),
        pseudonym(
            lambda r, p: p.user(r.therapist.id),
            lambda r: r.therapist.name,
            ("brugeren", "user"),
            ("brugernavnet", "the user name"),
        ),
    ),
    Column(
        "held_by",
        T.TEXT,
        (
            "Hvem holdt sessionen, når det ikke var forløbets behandler (tom: behandleren)",
            "Who held the session when it was not the course's therapist (empty: the therapist)",
        ),
        pseudonym(
            _held_by,
            lambda r: r.held_by.name if r.held_by else None,
            ("brugeren", "user"),
            ("brugernavnet", "the user name"),
        ),
    ),
    Column(
        "method",
        T.CATEGORY,
        ("Metoden", "The method"),
        recorded(lambda r: r.method.value),
        values="method",
        width=8,
    ),
    Column(
        "programme",
        T.TEXT,
        ("Programmet (id)", "The programme (id)"),
        recorded(lambda r: r.programme),
    ),
    Column(
        "course_status",
        T.CATEGORY,
        ("Forløbets status i dag", "The course's status today"),
        recorded(lambda r: r.course_status.value),
        values="status",
    ),
    Column(
        "end_reason",
        T.CATEGORY,
        ("Hvorfor forløbet sluttede før tid", "Why the course ended early"),
        recorded(lambda r: r.course_end_reason),
        values="end_reason",
    ),
    Column(
        "session_number",
        T.INTEGER,
        (
            "Sessionens nummer i forløbet (0-12; tom for ekstra sessioner og opfølgninger)",
            "The session's number in the course (0-12; empty for extra sessions and follow-ups)",
        ),
        recorded(lambda r: r.number),
        width=8,
    ),
    Column(
        "kind",
        T.CATEGORY,
        ("Sessionens art", "The kind of session"),
        recorded(lambda r: r.kind.value),
        values="session_kind",
    ),
    Column(
        "extra",
        T.BOOLEAN,
        ("En ekstra session", "An extra session"),
        recorded(lambda r: r.extra),
        width=8,
    ),
    Column(
        "follow_up_month",
        T.INTEGER,
        ("Opfølgning efter måned (1 eller 6)", "Follow-up after month (1 or 6)"),
        recorded(lambda r: r.follow_up_month),
        width=8,
    ),
    Column(
        "theme_id",
        T.CATEGORY,
        ("Sessionens tema", "The session's theme"),
        recorded(lambda r: r.theme_id),
        values="theme",
        width=16,
    ),
    Column(
        "day",
        T.DATE,
        (
            "Sessionens dato (den planlagte, indtil en dato er registreret)",
            "The session's date (the planned one until a date is recorded)",
        ),
        shifted(lambda r: r.day),
    ),
    Column(
        "attendance",
        T.CATEGORY,
        ("Fremmøde (tom: ikke registreret)", "Attendance (empty: not recorded)"),
        recorded(lambda r: r.attendance.value if r.attendance else None),
        values="attendance",
        width=16,
    ),
    Column(
        "not_held_reason",
        T.CATEGORY,
        ("Hvorfor sessionen ikke blev holdt", "Why the session was not held"),
        recorded(lambda r: r.not_held_reason),
        values="not_held_reason",
        width=16,
    ),
    Column(
        "note_status",
        T.CATEGORY,
        ("Notatets status", "The note's status"),
        recorded(lambda r: r.note_status.value),
        values="note_status",
    ),
    Column(
        "signed_day",
        T.DATE,
        ("Dagen, notatet blev underskrevet", "The day the note was signed"),
        shifted(_signed_day),
    ),
    Column(
        "cosigned",
        T.BOOLEAN,
        ("Notatet er medunderskrevet af en supervisor", "The note is co-signed by a supervisor"),
        recorded(lambda r: r.cosigned_at is not None),
        width=8,
    ),
    Column(
        "planned_minutes",
        T.INTEGER,
        ("Sessionens planlagte længde i minutter", "The session's planned length in minutes"),
        recorded(lambda r: r.planned_minutes),
        width=8,
    ),
)

AFTER_AGENDA: tuple[Column, ...] = (
    Column(
        "worksheets_used",
        T.INTEGER,
        ("Antal arbejdsark brugt i sessionen", "Number of worksheets used in the session"),
        recorded(lambda r: r.worksheets_used),
        width=8,
    ),
    Column(
        "gift_card_given",
        T.BOOLEAN,
        ("Gavekort givet (tom: ikke noteret)", "Gift card given (empty: not noted)"),
        recorded(lambda r: r.gift_card_given),
        width=8,
    ),
    Column(
        "gift_card_dkk",
        T.INTEGER,
        ("Gavekortets beløb i kroner", "The gift card's amount in kroner"),
        recorded(lambda r: r.gift_card_dkk),
        width=8,
    ),
    Column(
        "other_treatment",
        T.CATEGORIES,
        (
            "Anden behandling siden sidst, adskilt af mellemrum (noterne er fritekst og udelades)",
            "Other treatment since last time, separated by spaces (its notes are free text and "
            "left out)",
        ),
        recorded(lambda r: " ".join(t.get("kind", "") for t in r.other_treatment) or None),
        values="other_treatment",
        width=16,
    ),
    Column(
        "recorded",
        T.BOOLEAN,
        ("Sessionen blev lydoptaget", "The session was audio recorded"),
        recorded(lambda r: r.recorded),
        width=8,
    ),
    Column(
        "recording_file",
        T.TEXT,
        ("Optagelsens filnavn (identificerende)", "The recording's file name (identifying)"),
        inside_only(lambda r: r.recording_file),
        width=20,
    ),
)


def agenda_column(point_id: str, title: Words) -> Column:
    """Minutes spent on one agenda point of the programmes (empty: not timed)."""
    da, en = title
    return Column(
        f"minutes_{point_id}",
        T.DECIMAL,
        (
            f"Minutter brugt på dagsordenspunktet »{da}«",
            f"Minutes spent on the agenda point “{en}”",
        ),
        recorded(lambda r: _minutes(r.agenda_seconds.get(point_id))),
        width=8,
    )


def _minutes(seconds: object) -> float | None:
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return None
    return round(seconds / 60, 1)


def columns(agenda: Iterable[tuple[str, Words]], *, identifiable: bool) -> tuple[Column, ...]:
    """The export's columns in order: those of this kind of export (a pseudonymised one leaves
    out what identifies), with a minutes column per agenda point id."""
    every = (*COLUMNS, *(agenda_column(i, t) for i, t in agenda), *AFTER_AGENDA)
    return tuple(c for c in every if c.maker(identifiable) is not None)


# The word lists of the records vocabulary, their values in order (labels: traumefokus.labels)
VOCABULARY: dict[str, tuple[str, ...]] = {
    "method": tuple(m.value for m in Method),
    "status": tuple(s.value for s in CourseStatus),
    "session_kind": tuple(k.value for k in SessionKind),
    "attendance": tuple(a.value for a in Attendance),
    "note_status": tuple(n.value for n in NoteStatus),
}
