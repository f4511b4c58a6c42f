"""`coding export`: a coding round for its coders, as a folder (or one ZIP file) of

- `sample.csv` (UTF-8 with a BOM) and `sample.json`: one row per drawn session, in draw order,
  pseudonymised (the session's pseudonym, the client's shifted date; no client code, name,
  therapist, recording file name or free text);
- `codebook.csv`: each column of sample.csv and ratings.csv, its type, description and values;
- `ratings.csv`: the empty rating sheet, one row per session and coder (the coder as their
  user pseudonym, `P-...`: the command tells each coder theirs), one column per rating of the
  round's scale, then the notes `strengths` and `weaknesses`;
- `manifest.json`: the round, the export's time, the scale's id and version, the counts.

The same round and data give byte-identical sample.csv, sample.json and codebook.csv (in one
language) on every machine: no time in them, rows in draw order, numbers written one way.
A session's length is the time its agenda points were timed (`minutes`, the sum of the
agenda's seconds, one decimal; empty if none were timed) beside its planned length
(`planned_minutes`).

`recordings_key`: a CSV for the supervisor only, from each session pseudonym to its recording's
file name (which often carries the client code), so that recordings can be renamed before they
go out; never inside the export. Every file appears whole (0600) and only once the export is
in the audit trail.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from traumefokus.content.scales import scale_by_id
from traumefokus.domain.content import Version
from traumefokus.domain.scales import Scale
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.errors import InvalidInput
from traumefokus.exports.logbook_columns import Pseudonyms, Words
from traumefokus.fileio import atomic_writer, checked_output
from traumefokus.labels import label
from traumefokus.messages import choose
from traumefokus.services.acting import Acting
from traumefokus.services.coding_facts import SessionFacts, session_facts
from traumefokus.services.coding_rounds import (
    RoundView,
    SampledSession,
    record_export,
    round_for_export,
)
from traumefokus.services.pseudonyms import pseudonymiser

FILES = ("sample.csv", "sample.json", "codebook.csv", "ratings.csv", "manifest.json")
NOTES = ("strengths", "weaknesses")
CODEBOOK_HEADER = ("file", "column", "type", "description", "values")
FORMAT = "traumefokus-coding-sample"
TRAUMA_POINTS = ("check_in", "quote", "theme", "check_out")  # when no programme says


@dataclass(frozen=True)
class CodingExport:
    round_name: str
    path: Path
    sessions: int
    rating_rows: int
    coders: tuple[tuple[str, str], ...]  # (user name, pseudonym): for the supervisor's eyes
    key: Path | None


def export_coding(
    acting: Acting,
    round_name: str,
    out: Path,
    *,
    as_zip: bool = False,
    recordings_key: Path | None = None,
    lang: str = "da",
    now: datetime | None = None,
) -> CodingExport:
    """Write the round's export to the folder `out` (or the ZIP file `out`), and the
    recordings key if asked for."""
    out = Path(out)
    key = _checked_key(out, recordings_key)
    found, sessions = round_for_export(acting, round_name)
    protected = acting.protected_paths()
    if as_zip:
        checked_output(out, protected)
    else:
        for name in FILES:
            checked_output(out / name, protected)
    if key is not None:
        checked_output(key, protected)
    names = Pseudonyms(pseudonymiser(acting.db))
    scale = scale_by_id(found.scale_id, found.scale_version, acting.data_dir)
    points = trauma_points(acting, sessions)
    titles = theme_titles(acting, sessions)
    rows = [sample_row(s, session_facts(acting, names, s), points) for s in sessions]
    coders = tuple((c.name, names.user(c.id)) for c in found.coders)
    sheet = [[names.session(s.session_id), p] for s in sessions for _name, p in coders]
    keys = scale.rating_keys()
    files = {
        "sample.csv": _csv([sample_columns(points), *([_cell(v) for v in r] for r in rows)]),
        "sample.json": _json(sample_json(found, scale, sample_columns(points), rows)),
        "codebook.csv": _csv(codebook(found, scale, points, titles, lang)),
        "ratings.csv": _csv(
            [
                ["session", "coder", *keys, *NOTES],
                *([*r, *[""] * (len(keys) + len(NOTES))] for r in sheet),
            ]
        ),
        "manifest.json": _json(manifest(found, scale, len(rows), coders, len(sheet), now)),
    }
    key_lines = [["session", "recording_file"]]
    key_lines += [[names.session(s.session_id), s.recording_file or ""] for s in sessions]
    counts = {"sessions": len(rows), "coders": len(coders), "rating_rows": len(sheet)}
    with ExitStack() as stack:
        if as_zip:
            _zip(stack.enter_context(atomic_writer(out)), files)
        else:
            for name, data in files.items():
                stack.enter_context(atomic_writer(out / name)).write(data)
        if key is not None:
            stack.enter_context(atomic_writer(key)).write(_csv(key_lines))
        record_export(acting, found, **counts, zip=as_zip, recordings_key=key is not None)
    return CodingExport(found.name, out, len(rows), len(sheet), coders, key)


def _checked_key(out: Path, key: Path | None) -> Path | None:
    """The recordings key must stay with the supervisor: never the export, never inside it."""
    if key is None:
        return None
    key, place = Path(key).resolve(), out.resolve()
    if key == place or place in key.parents:
        raise InvalidInput("coding.key_inside_out", path=key)
    return key


# --- the sample -----------------------------------------------------------------------------
def trauma_points(acting: Acting, sessions: Sequence[SampledSession]) -> tuple[str, ...]:
    """The agenda points of a trauma session in the programmes the sessions followed, in the
    agenda's order (each once)."""
    points: dict[str, None] = {}
    for programme_id, version in sorted({(s.programme, s.programme_version) for s in sessions}):
        programme = acting.library.programme(programme_id, Version.parse(version))
        for point in programme.agenda.get(SessionKind.TRAUMA, ()) if programme else ():
            points.setdefault(point.id, None)
    return tuple(points) or TRAUMA_POINTS


def theme_titles(acting: Acting, sessions: Sequence[SampledSession]) -> dict[str, str]:
    """Each theme's title in the pack the session's course follows (the pack's language)."""
    titles: dict[str, str] = {}
    for s in sorted(sessions, key=lambda s: s.position):
        if s.theme_id and s.theme_id not in titles:
            pack = acting.library.pack(s.pack_id, Version.parse(s.pack_version))
            theme = pack.theme(s.theme_id) if pack else None
            titles[s.theme_id] = theme.title if theme else s.theme_id
    return titles


def sample_columns(points: Sequence[str]) -> list[str]:
    return [
        "position", "session", "method", "theme_id", "theme", "session_number", "day",
        "minutes", "planned_minutes", *(f"minutes_{p}" for p in points), "worksheets",
    ]  # fmt: skip


def sample_row(
    s: SampledSession, facts: SessionFacts, points: Sequence[str]
) -> list[Any]:
    """The session's row of sample.csv: its facts for coders (services/coding_facts.py), the
    worksheets by id."""
    return [
        s.position,
        facts.pseudonym,
        facts.method.value,
        facts.theme_id,
        facts.theme if facts.theme_id else None,
        facts.number,
        facts.day,
        facts.minutes,
        facts.planned_minutes,
        *(facts.minutes_at(p) for p in points),
        " ".join(facts.worksheet_ids),
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def sample_json(
    found: RoundView, scale: Scale, columns: list[str], rows: list[list[Any]]
) -> dict[str, Any]:
    sessions = []
    for row in rows:
        entry = dict(zip(columns, row, strict=True))
        entry["day"] = _cell(entry["day"]) or None
        entry["worksheets"] = entry["worksheets"].split() if entry["worksheets"] else []
        sessions.append(entry)
    return {
        "format": FORMAT,
        "version": 1,
        "round": found.name,
        "method": found.method.value,
        "scale": {"id": scale.id, "version": str(scale.version)},
        "sessions": sessions,
    }


# --- the codebook ---------------------------------------------------------------------------
SAMPLE_WORDS: dict[str, tuple[str, Words]] = {
    "position": (
        "integer",
        (
            "Sessionens plads i trækningen (1, 2, ...)",
            "The session's place in the draw (1, 2, ...)",
        ),
    ),
    "session": (
        "text",
        (
            "Sessionen: pseudonym (nøglet hash af sessionens id)",
            "The session: pseudonym (keyed hash of the session's id)",
        ),
    ),
    "method": ("category", ("Metoden", "The method")),
    "theme_id": ("category", ("Sessionens tema (id)", "The session's theme (id)")),
    "theme": (
        "text",
        ("Temaets titel i forløbets manual", "The theme's title in the course's manual"),
    ),
    "session_number": (
        "integer",
        (
            "Sessionens nummer i forløbet (3-8: traumesessioner)",
            "The session's number in the course (3-8: trauma sessions)",
        ),
    ),
    "day": (
        "date",
        (
            "Sessionens dato, flyttet med klientens forskydning (hele uger)",
            "The session's date, moved by the client's shift (whole weeks)",
        ),
    ),
    "minutes": (
        "decimal",
        (
            "Sessionens længde i minutter: summen af den tid, dagsordenens punkter blev taget "
            "tid på (tom: ikke taget tid på)",
            "The session's length in minutes: the sum of the time its agenda points were timed "
            "(empty: not timed)",
        ),
    ),
    "planned_minutes": (
        "integer",
        ("Sessionens planlagte længde i minutter", "The session's planned length in minutes"),
    ),
    "worksheets": (
        "categories",
        (
            "De brugte arbejdsark (id'er adskilt af mellemrum)",
            "The worksheets used (ids separated by spaces)",
        ),
    ),
}


def codebook(
    found: RoundView, scale: Scale, points: Sequence[str], titles: dict[str, str], lang: str
) -> list[list[str]]:
    lines = [list(CODEBOOK_HEADER)]
    for column in sample_columns(points):
        if column.startswith("minutes_"):
            point = column.removeprefix("minutes_")
            kind, words = "decimal", (f"Minutter brugt på dagsordenspunktet {point}",
                                      f"Minutes spent on the agenda point {point}")  # fmt: skip
        else:
            kind, words = SAMPLE_WORDS[column]
        values = ""
        if column == "method":
            values = f"{found.method.value} = {label(f'method.{found.method.value}', lang)}"
        elif column == "theme_id":
            values = " | ".join(f"{t} = {titles[t]}" for t in sorted(titles))
        lines.append(["sample.csv", column, kind, choose(words, lang), values])
    who = ("Koderen: pseudonym (P-...)", "The coder: pseudonym (P-...)")
    lines.append(["ratings.csv", "session", "text", choose(SAMPLE_WORDS["session"][1], lang), ""])
    lines.append(["ratings.csv", "coder", "text", choose(who, lang), ""])
    values = _rating_values(scale, lang)
    items = {i.id: i for i in scale.items}
    for key in scale.rating_keys():
        item_id, rating = key.split(".", 1)
        text = f"{items[item_id].text} ({rating}; {scale.part_of(key)})"
        lines.append(["ratings.csv", key, "rating", text, values])
    for note, words in zip(NOTES, (("Styrker", "Strengths"), ("Svagheder", "Weaknesses")),
                           strict=True):  # fmt: skip
        lines.append(["ratings.csv", note, "text", choose(words, lang), ""])
    return lines


def _rating_values(scale: Scale, lang: str) -> str:
    step = choose(("halve point tilladt", "half points allowed"), lang)
    parts = [f"{scale.minimum}-{scale.maximum}" + (f" ({step})" if scale.half_points else "")]
    parts.append(choose(("tom = ikke ratet", "empty = not rated"), lang))
    if scale.allows_cant_rate:
        parts.append(choose(("NA = kan ikke rates", "NA = can't rate"), lang))
    parts.append(choose(("decimalpunktum eller -komma", "decimal point or comma"), lang))
    return " | ".join(parts)


# --- the manifest and the files -------------------------------------------------------------
def manifest(
    found: RoundView,
    scale: Scale,
    sessions: int,
    coders: Iterable[tuple[str, str]],
    rating_rows: int,
    now: datetime | None,
) -> dict[str, Any]:
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return {
        "format": "traumefokus-coding-export",
        "version": 1,
        "round": found.name,
        "method": found.method.value,
        "period": {"start": found.start.isoformat(), "end": found.end.isoformat()},
        "exported_at": moment.isoformat().replace("+00:00", "Z"),
        "scale": {"id": scale.id, "version": str(scale.version)},
        "counts": {"sessions": sessions, "coders": len(list(coders)), "rating_rows": rating_rows},
        "files": list(FILES[:4]),
    }


def _csv(lines: Iterable[Sequence[object]]) -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(lines)
    return text.getvalue().encode("utf-8-sig")


def _json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _zip(stream: Any, files: dict[str, bytes]) -> None:
    """The files in one ZIP, each with a fixed time and 0600, in a fixed order."""
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o600 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
