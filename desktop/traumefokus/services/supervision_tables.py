"""The supervision overview as tables, in Danish or English: one definition for the screen,
the PDF report and the spreadsheet, so that the three always show the same figures under
the same headings. Cells keep their type (a count, a share, minutes); each output formats
them its own way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from traumefokus.domain.supervision import NINE, NOTE_DAYS
from traumefokus.labels import label_of
from traumefokus.messages import choose
from traumefokus.services.supervision import Overview
from traumefokus.services.table_words import Words


class Cell(StrEnum):
    TEXT = "text"
    COUNT = "count"  # a whole number
    SHARE = "share"  # a fraction, shown as a percentage
    MINUTES = "minutes"  # minutes with one decimal
    KRONER = "kroner"
    SCORE = "score"  # a rating's mean, SD or ICC: two decimals


@dataclass(frozen=True)
class Column:
    heading: str
    cell: Cell


Value = str | int | float | None


@dataclass(frozen=True)
class Table:
    key: str  # stable: "figures", "reasons", "therapists", "themes", "agenda"
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    note: str = ""


# key: (Danish, English)
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Supervisionsoverblik", "Supervision overview"),
    "period": ("Periode", "Period"),
    "period_from_to": ("{start} – {end}", "{start} – {end}"),
    "period_until": ("Til og med {end}", "Up to and including {end}"),
    "site": ("Sted", "Site"),
    "all_sites": ("Alle steder", "All sites"),
    "therapists": ("Behandlere", "Therapists"),
    "all_therapists": ("Alle behandlere", "All therapists"),
    "as_of": ("Opgjort", "As of"),
    "figures": ("Nøgletal", "Key figures"),
    "figure": ("Nøgletal", "Figure"),
    "number": ("Antal", "Number"),
    "share": ("Andel", "Share"),
    "started": ("Forløb startet", "Courses started"),
    "active": ("Forløb i gang ved periodens slutning", "Courses active at the period's end"),
    "completed": ("Forløb gennemført", "Courses completed"),
    "ended_early": ("Forløb afsluttet før tid", "Courses ended early"),
    "nine": (
        "Afsluttede forløb med mindst {nine} fremmøder",
        "Ended courses with at least {nine} attended sessions",
    ),
    "held": ("Sessioner afholdt", "Sessions held"),
    "rate": ("Fremmøde", "Attendance"),
    "late": (
        "Noter ikke underskrevet {days} dage efter",
        "Notes not signed {days} days after",
    ),
    "unsigned": ("– heraf stadig ikke underskrevet", "– of which still not signed"),
    "flags_open": ("Åbne sikkerhedsflag (nu)", "Open safety flags (now)"),
    "flags_raised": ("Sikkerhedsflag rejst i perioden", "Safety flags raised in the period"),
    "gift_cards": ("Gavekort givet", "Gift cards given"),
    "gift_cards_dkk": ("Gavekort i alt, kr.", "Gift cards in total, DKK"),
    "reasons": ("Afsluttet før tid, efter årsag", "Ended early, by reason"),
    "reason": ("Årsag", "Reason"),
    "courses": ("Forløb", "Courses"),
    "per_therapist": ("Pr. behandler", "Per therapist"),
    "therapist": ("Behandler", "Therapist"),
    "no_show": ("Udeblevet", "No-show"),
    "cancelled_client": ("Aflyst af klient", "Cancelled by client"),
    "cancelled_centre": ("Aflyst af centret", "Cancelled by centre"),
    "late_short": ("Sene noter", "Late notes"),
    "gift_short": ("Gavekort", "Gift cards"),
    "dkk": ("Kr.", "DKK"),
    "themes": ("Temaer", "Themes"),
    "method": ("Metode", "Method"),
    "theme": ("Tema", "Theme"),
    "chosen": ("Valgt", "Chosen"),
    "themes_held": ("Afholdt", "Held"),
    "never_done": ("Aldrig gennemført", "Never done"),
    "agenda": ("Tid pr. dagsordenspunkt (minutter)", "Time per agenda point (minutes)"),
    "kind": ("Sessionstype", "Session kind"),
    "point": ("Punkt", "Point"),
    "timed": ("Sessioner", "Sessions"),
    "median": ("Median", "Median"),
    "q1": ("1. kvartil", "1st quartile"),
    "q3": ("3. kvartil", "3rd quartile"),
    "target": ("Mål", "Target"),
    "maximum": ("Højst", "Maximum"),
    "over": ("Over højst", "Over maximum"),
    "how": ("Sådan er tallene opgjort", "How the figures are counted"),
    "rule.courses": (
        "Forløb startet: startdato i perioden (kun planlagte forløb tæller ikke). I gang: "
        "startet og ikke afsluttet på periodens sidste dag. Gennemført og afsluttet før tid: "
        "slutdato i perioden.",
        "Courses started: start date in the period (courses only planned do not count). "
        "Active: started and not ended on the period's last day. Completed and ended early: "
        "end date in the period.",
    ),
    "rule.nine": (
        "Mindst {nine} fremmøder: af forløbene, der sluttede i perioden, dem med mindst {nine} "
        "afholdte sessioner (afdækning og ekstra sessioner med, opfølgning ikke).",
        "At least {nine} attended sessions: of the courses that ended in the period, those "
        "with at least {nine} held sessions (assessment and extra sessions count, follow-ups "
        "do not).",
    ),
    "rule.rate": (
        "Fremmøde: afholdte sessioner delt med afholdte, udeblevne og dem, klienten aflyste. "
        "Sessioner, centret aflyste, tæller ikke med. Sessioner tælles på den dato, de blev "
        "registreret.",
        "Attendance: sessions held divided by those held, missed and cancelled by the client. "
        "Sessions the centre cancelled are left out. Sessions count on the day they were "
        "recorded.",
    ),
    "rule.late": (
        "Sene noter: afholdte sessioner i perioden (og påbegyndte noter på deres planlagte "
        "dag), hvis note ikke var underskrevet {days} dage efter.",
        "Late notes: sessions held in the period (and notes begun, on their planned day) "
        "whose note was not signed {days} days after.",
    ),
    "rule.themes": (
        "Temaer: valgt af forløb startet i perioden; afholdt i traumefokuserede sessioner i "
        "perioden; aldrig gennemført: valgt, men ikke afholdt, i forløb der sluttede i "
        "perioden.",
        "Themes: chosen by courses started in the period; held in trauma-focused sessions in "
        "the period; never done: chosen but not held, on courses that ended in the period.",
    ),
    "rule.agenda": (
        "Tid pr. punkt: de afholdte sessioner i perioden, der tog tid på punktet; median og "
        "kvartiler mod programmets mål og højeste antal minutter.",
        "Time per point: the sessions held in the period that timed the point; median and "
        "quartiles against the programme's target and maximum minutes.",
    ),
    "rule.who": (
        "Et forløb hører til sin behandler, også de sessioner en kollega dækkede. Rapporten "
        "indeholder ingen klientkoder eller navne.",
        "A course belongs to its therapist, also for sessions a colleague covered. The report "
        "holds no client codes or names.",
    ),
}


word = Words(WORDS)


def scope_lines(
    overview: Overview, lang: str, write: Callable[[date], str] = date.isoformat
) -> list[tuple[str, str]]:
    """(label, value) lines that say what the overview covers; `write` writes a date."""
    period = overview.period
    span = (
        word("period_from_to", lang, start=write(period.start), end=write(period.end))
        if period.start is not None
        else word("period_until", lang, end=write(period.end))
    )
    query = overview.query
    names = {r.name: r.label for r in overview.therapists}
    chosen = ", ".join(names.get(n, n) for n in query.therapists)
    return [
        (word("period", lang), span),
        (word("site", lang), query.site or word("all_sites", lang)),
        (word("therapists", lang), chosen or word("all_therapists", lang)),
        (word("as_of", lang), write(overview.today)),
    ]


def counting_rules(lang: str) -> list[str]:
    return [
        word("rule.courses", lang),
        word("rule.nine", lang, nine=NINE),
        word("rule.rate", lang),
        word("rule.late", lang, days=NOTE_DAYS),
        word("rule.themes", lang),
        word("rule.agenda", lang),
        word("rule.who", lang),
    ]


def overview_tables(overview: Overview, lang: str) -> list[Table]:
    return [
        figures_table(overview, lang),
        reasons_table(overview, lang),
        therapists_table(overview, lang),
        themes_table(overview, lang),
        agenda_table(overview, lang),
    ]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def figures_table(o: Overview, lang: str) -> Table:
    w = word.of(lang)
    rows: list[tuple[Value, ...]] = [
        (w("started"), o.started, None),
        (w("active"), o.active, None),
        (w("completed"), o.completed, _share(o.completed, o.ended)),
        (w("ended_early"), o.ended_early, _share(o.ended_early, o.ended)),
        (w("nine", nine=NINE), o.nine_or_more, _share(o.nine_or_more, o.ended)),
        (w("held"), o.attendance.held, None),
        (w("rate"), None, o.attendance.rate),
        (w("late", days=NOTE_DAYS), o.notes_late, _share(o.notes_late, o.notes_begun)),
        (w("unsigned"), o.notes_unsigned, _share(o.notes_unsigned, o.notes_begun)),
        (w("flags_open"), o.flags_open, None),
        (w("flags_raised"), o.flags_raised, None),
        (w("gift_cards"), o.gift_cards, None),
        (w("gift_cards_dkk"), o.gift_cards_dkk, None),
    ]
    columns = (
        Column(w("figure"), Cell.TEXT),
        Column(w("number"), Cell.COUNT),
        Column(w("share"), Cell.SHARE),
    )
    return Table("figures", w("figures"), columns, tuple(rows))


def reasons_table(o: Overview, lang: str) -> Table:
    columns = (
        Column(word("reason", lang), Cell.TEXT),
        Column(word("courses", lang), Cell.COUNT),
        Column(word("share", lang), Cell.SHARE),
    )
    rows = tuple(
        (r.label(lang), r.courses, _share(r.courses, o.ended_early)) for r in o.ended_by_reason
    )
    return Table("reasons", word("reasons", lang), columns, rows)


def therapists_table(o: Overview, lang: str) -> Table:
    w = word.of(lang)
    headings = [
        (w("therapist"), Cell.TEXT),
        (_short("started", lang), Cell.COUNT),
        (_short("active", lang), Cell.COUNT),
        (_short("completed", lang), Cell.COUNT),
        (_short("ended_early", lang), Cell.COUNT),
        (label_of("attendance", "held", lang), Cell.COUNT),
        (w("no_show"), Cell.COUNT),
        (w("cancelled_client"), Cell.COUNT),
        (w("cancelled_centre"), Cell.COUNT),
        (w("rate"), Cell.SHARE),
        (w("late_short"), Cell.COUNT),
        (w("gift_short"), Cell.COUNT),
        (w("dkk"), Cell.KRONER),
    ]
    rows = tuple(
        (
            r.label,
            r.started,
            r.active,
            r.completed,
            r.ended_early,
            r.attendance.held,
            r.attendance.no_show,
            r.attendance.cancelled_client,
            r.attendance.cancelled_centre,
            r.attendance.rate,
            r.notes_late,
            r.gift_cards,
            r.gift_cards_dkk,
        )
        for r in o.therapists
    )
    cols = tuple(Column(h, c) for h, c in headings)
    return Table("therapists", w("per_therapist"), cols, rows)


_SHORT = {
    "started": ("Startet", "Started"),
    "active": ("I gang", "Active"),
    "completed": ("Gennemført", "Completed"),
    "ended_early": ("Før tid", "Ended early"),
}


def _short(key: str, lang: str) -> str:
    return choose(_SHORT[key], lang)


def themes_table(o: Overview, lang: str) -> Table:
    w = word.of(lang)
    columns = (
        Column(w("method"), Cell.TEXT),
        Column(w("theme"), Cell.TEXT),
        Column(w("chosen"), Cell.COUNT),
        Column(w("themes_held"), Cell.COUNT),
        Column(w("never_done"), Cell.COUNT),
    )
    rows = tuple(
        (
            label_of("method", r.method.value, lang, default=r.method.value),
            r.title_en if lang == "en" else r.title,
            r.chosen,
            r.held,
            r.never_done,
        )
        for r in o.themes
    )
    return Table("themes", w("themes"), columns, rows)


def agenda_table(o: Overview, lang: str) -> Table:
    w = word.of(lang)
    columns = (
        Column(w("kind"), Cell.TEXT),
        Column(w("point"), Cell.TEXT),
        Column(w("timed"), Cell.COUNT),
        Column(w("median"), Cell.MINUTES),
        Column(w("q1"), Cell.MINUTES),
        Column(w("q3"), Cell.MINUTES),
        Column(w("target"), Cell.MINUTES),
        Column(w("maximum"), Cell.MINUTES),
        Column(w("over"), Cell.COUNT),
    )
    rows = []
    for r in o.agenda:
        m = r.minutes
        point = r.title_en if lang == "en" else r.title
        if r.programmes:
            point = f"{point} ({r.programmes})"
        rows.append(
            (
                label_of("session_kind", r.kind.value, lang),
                point,
                m.n if m else 0,
                m.median if m else None,
                m.q1 if m else None,
                m.q3 if m else None,
                r.target,
                r.maximum,
                r.over_maximum,
            )
        )
    return Table("agenda", w("agenda"), columns, tuple(rows))


def formatted(value: Value, cell: Cell, lang: str) -> str:
    """A cell as text: 87,5 % and 12,3 in Danish, 87.5% and 12.3 in English; an empty cell
    for a figure that cannot be given (a share of nothing)."""
    if value is None:
        return ""
    if cell is Cell.TEXT or isinstance(value, str):
        return str(value)
    if cell is Cell.SHARE:
        text = f"{value * 100:.1f}"
        return f"{text.replace('.', ',')} %" if lang != "en" else f"{text}%"
    if cell is Cell.MINUTES:
        text = f"{value:.1f}" if isinstance(value, float) else str(value)
        return text.replace(".", ",") if lang != "en" else text
    if cell is Cell.SCORE:
        text = f"{value:.2f}".replace("-0.00", "0.00")
        return text.replace(".", ",") if lang != "en" else text
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang != "en" else text
