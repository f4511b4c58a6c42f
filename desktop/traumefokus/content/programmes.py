"""Loading and validating a programme file (format: resources/programmes/README.md).

Every number about a course comes from its programme. A programme is checked against the pack
it names: the themes it offers must exist there and be complete.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from traumefokus.content.fields import ID_PATTERN, TomlFile, entry_place
from traumefokus.content.problems import Problems
from traumefokus.domain.content import (
    TRAUMA_AGENDA,
    AgendaPoint,
    Measure,
    Pack,
    Programme,
    Slot,
)
from traumefokus.domain.vocabulary import Method, SessionKind

FORMAT = 1
# The records vocabulary (DESIGN.md): sessions numbered 0-12, follow-ups at 1 and 6 months.
MAX_SESSION_NUMBER = 12
FOLLOW_UP_MONTHS = (1, 6)
LAYOUT_KINDS = (SessionKind.ASSESSMENT, SessionKind.MOVE, SessionKind.TRAUMA)
KIND_NAMES = tuple(k.value for k in SessionKind)

PackFinder = Callable[[str], Pack | None]

# What `[status_letters] counts` means when a programme file leaves it out: the weekly
# sessions. Programme files from before the field existed (such as the copy of a programme a
# course keeps in the data directory) must keep loading, and by the corrected rule.
WEEKLY_KINDS = (SessionKind.MOVE, SessionKind.TRAUMA)


def load_programme(path: Path, find_pack: PackFinder) -> Programme:
    problems = Problems()
    programme = _read(path, problems, find_pack)
    problems.raise_if_any(path)
    assert programme is not None
    return programme


def _read(path: Path, problems: Problems, find_pack: PackFinder) -> Programme | None:
    toml = TomlFile(path, problems)
    data = toml.load()
    if data is None:
        return None
    toml.only(
        data,
        {
            "format",
            "programme",
            "layout",
            "themes",
            "lengths",
            "agenda",
            "gift_cards",
            "status_letters",
            "measures",
        },
        "",
    )
    toml.format_version(data, FORMAT)
    info = toml.table(data, "programme", "") or {}
    toml.only(info, {"id", "version", "name", "method", "pack"}, "programme")
    programme_id = toml.ident(info, "id", "programme")
    version = toml.version(info, "version", "programme")
    name = toml.text(info, "name", "programme")
    method = toml.choice(info, "method", "programme", tuple(m.value for m in Method))
    pack_id = toml.ident(info, "pack", "programme")

    slots, interval, months = _read_layout(toml, toml.table(data, "layout", "") or {})
    offered, choose = _read_themes(toml, toml.table(data, "themes", "") or {})
    if slots is not None and choose is not None:
        trauma = sum(1 for s in slots if s.kind is SessionKind.TRAUMA)
        if trauma != choose:
            toml.note("layout.sessions", "content.trauma_slots", count=trauma, choose=choose)
    used_kinds = {s.kind for s in slots or ()} | ({SessionKind.FOLLOW_UP} if months else set())
    lengths = _read_lengths(toml, toml.table(data, "lengths", "") or {}, used_kinds)
    agenda = _read_agenda(toml, toml.table(data, "agenda", "") or {}, used_kinds, lengths)
    gift = toml.table(data, "gift_cards", "") or {}
    toml.only(gift, {"every", "amount_dkk", "count", "counts"}, "gift_cards")
    gift_every = toml.integer(gift, "every", "gift_cards", minimum=1)
    gift_amount = toml.integer(gift, "amount_dkk", "gift_cards", minimum=0)
    gift_count = toml.integer(gift, "count", "gift_cards", minimum=0)
    letters = toml.table(data, "status_letters", "") or {}
    toml.only(letters, {"every", "counts"}, "status_letters")
    letter_every = toml.integer(letters, "every", "status_letters", minimum=1)
    letter_counts = (
        _read_kinds(toml, letters, "counts", "status_letters")
        if "counts" in letters
        else WEEKLY_KINDS
    )
    gift_counts = _read_kinds(toml, gift, "counts", "gift_cards") if "counts" in gift else None
    measures = _read_measures(toml, data)

    pack = find_pack(pack_id) if pack_id else None
    if pack_id and pack is None:
        toml.note("programme.pack", "content.unknown_pack", pack=pack_id)
    if pack is not None and method and pack.method != method:
        toml.note(
            "programme.method",
            "content.method_mismatch",
            method=method,
            pack=pack.id,
            pack_method=pack.method,
        )
    if pack is not None:
        for theme_id in offered or ():
            theme = pack.theme(theme_id)
            if theme is None:
                toml.note(
                    "themes.offered",
                    "content.unknown_theme",
                    theme=theme_id,
                    pack=pack.id,
                    version=str(pack.version),
                )
            elif not theme.complete:
                toml.note(
                    "themes.offered",
                    "content.offered_incomplete",
                    theme=theme_id,
                    pack=pack.id,
                    version=str(pack.version),
                )

    if problems.found:
        return None
    assert programme_id and version and name and method and pack_id and slots is not None
    assert interval and offered is not None and choose is not None and lengths is not None
    assert agenda is not None and measures is not None
    return Programme(
        programme_id,
        version,
        name,
        method,
        pack_id,
        tuple(slots),
        interval,
        tuple(months),
        tuple(offered),
        choose,
        lengths,
        agenda,
        gift_every or 1,
        gift_amount or 0,
        gift_count or 0,
        letter_every or 1,
        letter_counts,
        tuple(measures),
        path,
        letter_counts if gift_counts is None else gift_counts,
    )


def _read_layout(
    toml: TomlFile, layout: dict[str, Any]
) -> tuple[list[Slot] | None, int | None, list[int]]:
    toml.only(layout, {"interval_days", "follow_up_months", "sessions"}, "layout")
    interval = toml.integer(layout, "interval_days", "layout", minimum=1)
    months_raw = toml.value(layout, "follow_up_months", "layout", list, required=False) or []
    # The records vocabulary knows follow-ups 1 and 6 months after the last session.
    months = [m for m in months_raw if m in FOLLOW_UP_MONTHS and not isinstance(m, bool)]
    if len(months) != len(months_raw) or len(set(months)) != len(months):
        toml.note(
            "layout.follow_up_months",
            "content.follow_up_months",
            allowed=", ".join(map(str, FOLLOW_UP_MONTHS)),
        )
    entries = toml.tables(layout, "sessions", "layout")
    if entries is None:
        return None, interval, months
    slots: list[Slot] = []
    for index, entry in enumerate(entries):
        place = f"layout.sessions[{index + 1}]"
        toml.only(entry, {"number", "kind"}, place)
        number = toml.integer(entry, "number", place)
        kind = toml.choice(entry, "kind", place, tuple(k.value for k in LAYOUT_KINDS))
        if number is not None and kind is not None:
            slots.append(Slot(number, SessionKind(kind)))
    numbers = [s.number for s in slots]
    if numbers and max(numbers) > MAX_SESSION_NUMBER:
        toml.note(
            "layout.sessions",
            "content.too_many_sessions",
            last=max(numbers),
            maximum=MAX_SESSION_NUMBER,
        )
    if len(slots) == len(entries) and numbers != list(range(len(numbers))):
        toml.note("layout.sessions", "content.numbers", numbers=", ".join(map(str, numbers)) or "-")
    return slots, interval, months


def _read_themes(toml: TomlFile, themes: dict[str, Any]) -> tuple[list[str] | None, int | None]:
    toml.only(themes, {"offered", "choose"}, "themes")
    choose = toml.integer(themes, "choose", "themes", minimum=1)
    offered = toml.texts(themes, "offered", "themes")
    if offered is None:
        if "offered" not in themes:
            toml.note("themes.offered", "content.required")
        return None, choose
    for theme_id in sorted({t for t in offered if offered.count(t) > 1}):
        toml.note("themes.offered", "content.duplicate_id", value=theme_id)
    for theme_id in offered:
        if not ID_PATTERN.match(theme_id):
            toml.note("themes.offered", "content.bad_id", value=theme_id)
    if choose is not None and len(set(offered)) < choose:
        toml.note(
            "themes.offered", "content.offered_too_few", offered=len(set(offered)), choose=choose
        )
    return offered, choose


def _read_lengths(
    toml: TomlFile, lengths: dict[str, Any], used: set[SessionKind]
) -> dict[SessionKind, tuple[int, int]] | None:
    toml.only(lengths, set(KIND_NAMES), "lengths")
    result: dict[SessionKind, tuple[int, int]] = {}
    for kind in sorted(used):
        entry = toml.table(lengths, kind.value, "lengths")
        if entry is None:
            continue
        place = f"lengths.{kind.value}"
        toml.only(entry, {"min", "max"}, place)
        low = toml.integer(entry, "min", place, minimum=1)
        high = toml.integer(entry, "max", place, minimum=1)
        if low is not None and high is not None:
            if low > high:
                toml.note(place, "content.min_over_max", min=low, max=high)
            result[kind] = (low, high)
    return result


def _read_agenda(
    toml: TomlFile,
    agenda: dict[str, Any],
    used: set[SessionKind],
    lengths: dict[SessionKind, tuple[int, int]] | None,
) -> dict[SessionKind, tuple[AgendaPoint, ...]] | None:
    toml.only(agenda, set(KIND_NAMES), "agenda")
    result: dict[SessionKind, tuple[AgendaPoint, ...]] = {}
    for kind in sorted(used):
        entries = toml.tables(agenda, kind.value, "agenda")
        if entries is None:
            continue
        place = f"agenda.{kind.value}"
        points = [
            _read_point(toml, entry, entry_place(place, entry, i))
            for i, entry in enumerate(entries)
        ]
        ids = [p.id for p in points if p is not None]
        for point_id in sorted({i for i in ids if ids.count(i) > 1}):
            toml.note(place, "content.duplicate_id", value=point_id)
        if not entries:
            toml.note(place, "content.required")
        if kind is SessionKind.TRAUMA and tuple(ids) != TRAUMA_AGENDA:
            toml.note(
                place,
                "content.trauma_agenda",
                expected=", ".join(TRAUMA_AGENDA),
                found=", ".join(ids) or "-",
            )
        complete = [p for p in points if p is not None]
        total = sum(p.target_minutes for p in complete)
        if lengths and kind in lengths and total > lengths[kind][1]:
            toml.note(place, "content.agenda_over_length", total=total, length=lengths[kind][1])
        result[kind] = tuple(complete)
    return result


def _read_point(toml: TomlFile, entry: dict[str, Any], place: str) -> AgendaPoint | None:
    toml.only(entry, {"id", "title", "title_en", "target", "max", "min"}, place)
    point_id = toml.ident(entry, "id", place)
    title = toml.text(entry, "title", place)
    title_en = toml.text(entry, "title_en", place)
    target = toml.integer(entry, "target", place, minimum=1)
    high = toml.integer(entry, "max", place, minimum=1)
    low = toml.integer(entry, "min", place, minimum=1, required=False)
    if target is not None and high is not None and target > high:
        toml.note(place, "content.target_over_max", target=target, max=high)
    if low is not None and target is not None and low > target:
        toml.note(place, "content.min_over_target", min=low, target=target)
    if point_id is None or title is None or title_en is None or target is None or high is None:
        return None
    return AgendaPoint(point_id, title, title_en, target, high, low)


def _read_kinds(
    toml: TomlFile, table: dict[str, Any], key: str, place: str
) -> tuple[SessionKind, ...]:
    """A list of session kinds, each one the program knows."""
    kinds = toml.texts(table, key, place) or []
    for kind in kinds:
        if kind not in KIND_NAMES:
            toml.note(f"{place}.{key}", "content.choice", value=kind, choices=", ".join(KIND_NAMES))
    return tuple(SessionKind(k) for k in kinds if k in KIND_NAMES)


def _read_measures(toml: TomlFile, data: dict[str, Any]) -> list[Measure]:
    measures: list[Measure] = []
    for index, entry in enumerate(toml.tables(data, "measures", "", required=False) or []):
        place = entry_place("measures", entry, index)
        toml.only(entry, {"id", "title", "title_en", "kinds", "scale"}, place)
        measure_id = toml.ident(entry, "id", place)
        title = toml.text(entry, "title", place)
        title_en = toml.text(entry, "title_en", place)
        kinds = _read_kinds(toml, entry, "kinds", place)
        scale = toml.table(entry, "scale", place, required=False)
        low = high = None
        if scale is not None:
            toml.only(scale, {"min", "max"}, f"{place}.scale")
            low = toml.integer(scale, "min", f"{place}.scale")
            high = toml.integer(scale, "max", f"{place}.scale")
            if low is not None and high is not None and low >= high:
                toml.note(f"{place}.scale", "content.min_over_max", min=low, max=high)
        if measure_id and title and title_en:
            measures.append(
                Measure(
                    measure_id,
                    title,
                    title_en,
                    kinds,
                    low,
                    high,
                )
            )
    return measures
