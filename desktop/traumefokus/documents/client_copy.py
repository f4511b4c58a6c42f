"""The client's copy of their data, readable: a PDF beside the JSON of `export records
--client` (the right of access). It says what is kept about them and lists it course by
course: the dates and what happened at each session, goals, questionnaires, letters and safety
notes; the notes' full text is in the JSON file, which the PDF names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from reportlab.platypus import Flowable

from traumefokus.documents.page import TEXT_WIDTH, Pdf, Section, build_pdf
from traumefokus.documents.styles import SUBHEADING, facts, gap, grid, heading, paragraphs
from traumefokus.documents.wording import Wording
from traumefokus.domain.content import Version
from traumefokus.labels import label_of
from traumefokus.messages import choose
from traumefokus.services.acting import Acting

ThemeTitle = Callable[[dict[str, Any], str | None], str]

WORDS = {
    "title": ("Dine oplysninger i Traumefokus", "Your data in Traumefokus"),
    "intro": (
        "Her er de oplysninger, centret har registreret om dig i Traumefokus, det program "
        "behandlerne bruger til forløbene. Alt, også notaternes fulde tekst, står i filen "
        "{json} (en fil, der kan læses af et program). Spørg centret, hvis noget er forkert "
        "eller uklart.",
        "These are the data the centre has recorded about you in Traumefokus, the program the "
        "therapists use for the courses. Everything, including the full text of the notes, is "
        "in the file {json} (a file a program can read). Ask the centre if anything is wrong or "
        "unclear.",
    ),
    "code": ("Klientkode", "Client code"),
    "name": ("Navn", "Name"),
    "site": ("Sted", "Site"),
    "made": ("Udleveret", "Handed out"),
    "consent": ("Samtykke til optagelse", "Consent to recording"),
    "consent_given": ("givet {given}", "given {given}"),
    "consent_withdrawn": (
        "givet {given}, trukket tilbage {withdrawn}",
        "given {given}, withdrawn {withdrawn}",
    ),
    "course": ("Forløb: {method}", "Course: {method}"),
    "therapist": ("Behandler", "Therapist"),
    "period": ("Periode", "Period"),
    "status": ("Status", "Status"),
    "end_reason": ("Afsluttet fordi", "Ended because"),
    "goals": ("Mål", "Goals"),
    "sessions": ("Sessioner", "Sessions"),
    "date": ("Dato", "Date"),
    "session": ("Session", "Session"),
    "theme": ("Tema", "Theme"),
    "attendance": ("Fremmøde", "Attendance"),
    "note": ("Notat", "Note"),
    "itq": ("Spørgeskema (ITQ)", "Questionnaire (ITQ)"),
    "itq_result": ("Resultat", "Result"),
    "letters": ("Statusbreve", "Status letters"),
    "flags": ("Sikkerhedsnoter", "Safety notes"),
    "none": ("Ingen", "None"),
}


def client_copy(
    client: dict[str, Any], json_name: str, lang: str, today: date, theme_title: ThemeTitle
) -> Pdf:
    """The PDF of one client's part of the records document."""
    words = Wording(lang)
    say = {key: choose(pair, lang) for key, pair in WORDS.items()}
    flowables: list[Flowable] = [
        heading(say["title"]),
        *paragraphs(say["intro"].format(json=json_name)),
        gap(3),
        facts(
            [
                (say["code"], client["code"]),
                (say["name"], client.get("display_name") or ""),
                (say["site"], client.get("site") or ""),
                (say["made"], words.day_and_date(today)),
                (say["consent"], _consents(client, say, words)),
            ],
            TEXT_WIDTH,
        ),
    ]
    for course in client["courses"]:
        flowables += _course(course, say, words, lang, theme_title)
    section = Section(header=f"{say['title']} · {client['code']}", flowables=flowables)
    return build_pdf([section], title=say["title"], words=words, printed_on=today)


def _consents(client: dict[str, Any], say: dict[str, str], words: Wording) -> str:
    lines = []
    for c in client.get("recording_consent", []):
        given = words.day_and_date(date.fromisoformat(c["given_on"]))
        if c.get("withdrawn_on"):
            withdrawn = words.day_and_date(date.fromisoformat(c["withdrawn_on"]))
            lines.append(say["consent_withdrawn"].format(given=given, withdrawn=withdrawn))
        else:
            lines.append(say["consent_given"].format(given=given))
    return "; ".join(lines) or say["none"]


def _course(
    course: dict[str, Any], say: dict[str, str], words: Wording, lang: str, title: ThemeTitle
) -> list[Flowable]:
    def day(text: str | None) -> str:
        return words.day_and_date(date.fromisoformat(text)) if text else ""

    period = " – ".join(d for d in (day(course["start_date"]), day(course["end_date"])) if d)
    found: list[Flowable] = [
        gap(6),
        heading(say["course"].format(method=label_of("method", course["method"], lang))),
        facts(
            [
                (say["therapist"], course.get("therapist") or ""),
                (say["period"], period),
                (say["status"], label_of("status", course["status"], lang, course["status"])),
                (say["end_reason"], course.get("end_reason_text") or ""),
                (say["goals"], "; ".join(g["text"] for g in course["goals"])),
            ],
            TEXT_WIDTH,
        ),
        gap(3),
        heading(say["sessions"], SUBHEADING),
    ]
    rows: list[list[str]] = [[say["date"], say["session"], say["theme"], say["attendance"]]]
    for s in course["sessions"]:
        when = s.get("date") or s.get("planned_date")
        rows.append(
            [
                day(when),
                label_of("session_kind", s["kind"], lang, s["kind"])
                + (f" {s['number']}" if s.get("number") else ""),
                title(course, s.get("theme_id")),
                label_of("attendance", s.get("attendance") or "none", lang, ""),
            ]
        )
    found.append(grid(rows, _widths(), header=True))
    if course["itq"]:
        found += [gap(3), heading(say["itq"], SUBHEADING)]
        found.append(
            grid(
                [[say["date"], say["itq_result"]]]
                + [
                    [day(r["date"]), label_of("itq_result", r["result"], lang, r["result"])]
                    for r in course["itq"]
                ],
                (0.3 * TEXT_WIDTH, 0.7 * TEXT_WIDTH),
                header=True,
            )
        )
    for key, items, text in (
        ("letters", course["status_letters"], "text"),
        ("flags", course["safety_flags"], "text"),
    ):
        if items:
            found += [gap(3), heading(say[key], SUBHEADING)]
            for item in items:
                found += paragraphs(item.get(text) or "")
    return found


def _widths() -> tuple[float, ...]:
    return tuple(share * TEXT_WIDTH for share in (0.28, 0.22, 0.3, 0.2))


def copy_maker(acting: Acting, lang: str, today: date) -> Callable[[dict[str, Any], str], bytes]:
    """What `export records --client` calls to make the PDF (exports/records.py CopyMaker)."""

    def make(client: dict[str, Any], json_name: str) -> bytes:
        return client_copy(client, json_name, lang, today, _theme_titles(acting)).data

    return make


def _theme_titles(acting: Acting) -> ThemeTitle:
    """A theme's title from the pack version the course started with (its id otherwise)."""

    def title(course: dict[str, Any], theme_id: str | None) -> str:
        if theme_id is None:
            return ""
        version = Version.parse(course["pack"]["version"] or "")
        pack = acting.library.pack(course["pack"]["id"], version) if version else None
        theme = pack.theme(theme_id) if pack else None
        return theme.title if theme else theme_id

    return title
