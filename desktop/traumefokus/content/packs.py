"""Loading and validating a content pack folder (format: manuals/README.md).

A pack with any problem is refused whole: InvalidContent lists every problem found.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from traumefokus.content.fields import TomlFile, entry_place
from traumefokus.content.problems import Problems
from traumefokus.domain.content import Pack, Quote, Theme, Worksheet
from traumefokus.domain.vocabulary import Method
from traumefokus.messages import Term

PACK_FILE = "pack.toml"
INTRODUCTION = "introduction.md"
WORKSHEET_FILES = (".guidance.md", ".client.md")  # after the worksheet's id
FORMAT = 1
LANGUAGES = ("da", "en")
MIN_WORKSHEETS, MAX_WORKSHEETS = 2, 8
# Limits of manuals/README.md: the shipped packs have 13 and 25 themes and about 400 kB of
# text (UTF-8 bytes); each file is at most regular_files.MAX_TEXT_BYTES.
MAX_THEMES = 100
MAX_PACK_BYTES = 20_000_000
THEME_CONTENT = ("quote", "commitments", "worksheets")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def load_pack(folder: Path) -> Pack:
    problems = Problems()
    pack = _read_pack(folder, problems)
    problems.raise_if_any(folder)
    assert pack is not None
    return pack


def pack_files(pack: Pack) -> list[Path]:
    """The files a valid pack is made of: pack.toml and the texts its complete themes name.
    Nothing else in the folder is part of the pack (nor copied when it is installed)."""
    texts = []
    for theme in pack.themes:
        if theme.introduction is None:  # a title only
            continue
        theme_dir = pack.path / "themes" / theme.id
        texts.append(theme_dir / INTRODUCTION)
        for sheet in theme.worksheets:
            texts += [theme_dir / f"{sheet.id}{part}" for part in WORKSHEET_FILES]
    return [pack.path / PACK_FILE, *sorted(texts)]  # the order the digests were made in


def _read_pack(folder: Path, problems: Problems) -> Pack | None:
    toml = TomlFile(folder / PACK_FILE, problems, root=folder)
    data = toml.load()
    if data is None:
        return None
    toml.only(data, {"format", "pack", "themes"}, "")
    toml.format_version(data, FORMAT)
    info = toml.table(data, "pack", "") or {}
    toml.only(
        info,
        {"id", "method", "language", "version", "name", "licence", "demo", "official_titles"},
        "pack",
    )
    pack_id = toml.ident(info, "id", "pack")
    method = toml.choice(info, "method", "pack", tuple(m.value for m in Method))
    language = toml.choice(info, "language", "pack", LANGUAGES)
    version = toml.version(info, "version", "pack")
    name = toml.text(info, "name", "pack")
    licence = toml.text(info, "licence", "pack")
    demo = toml.boolean(info, "demo", "pack")
    official = toml.boolean(info, "official_titles", "pack", default=True)

    themes: list[Theme] = []
    seen: set[str] = set()
    entries = toml.tables(data, "themes", "") or []
    if len(entries) > MAX_THEMES:  # refused before a single theme's files are read
        toml.note("themes", "content.too_many_themes", count=len(entries), maximum=MAX_THEMES)
        entries = []
    for index, entry in enumerate(entries):
        theme = _read_theme(toml, folder, entry, entry_place("themes", entry, index))
        if theme is None:
            continue
        if theme.id in seen:
            toml.note(entry_place("themes", entry, index), "content.duplicate_id", value=theme.id)
        seen.add(theme.id)
        themes.append(theme)

    if (
        pack_id is None
        or method is None
        or language is None
        or version is None
        or name is None
        or licence is None
        or problems.found
    ):
        return None
    return Pack(
        pack_id, method, language, version, name, licence, demo, official, tuple(themes), folder
    )


def _read_theme(toml: TomlFile, folder: Path, entry: dict[str, Any], where: str) -> Theme | None:
    toml.only(entry, {"id", "title_en", "title", *THEME_CONTENT}, where)
    theme_id = toml.ident(entry, "id", where)
    title_en = toml.text(entry, "title_en", where)
    title = toml.text(entry, "title", where)
    if theme_id is None:
        return None
    theme_dir = folder / "themes" / theme_id
    intro_file = theme_dir / INTRODUCTION
    has_content = any(key in entry for key in THEME_CONTENT) or intro_file.exists()
    if not has_content:
        return Theme(theme_id, title_en or "", title or "")

    # A theme with any content must be complete: say what is missing, all of it.
    for key in THEME_CONTENT:
        if key not in entry:
            toml.note(where, "content.theme_part_missing", part=Term(f"part.{key}"))
    introduction = _read_markdown(toml, intro_file, where)
    quote = _read_quote(toml, entry, where)
    commitments = toml.texts(entry, "commitments", where)
    if commitments is not None and not commitments:
        toml.note(f"{where}.commitments", "content.required")
    worksheets = _read_worksheets(toml, theme_dir, entry, where)
    return Theme(
        theme_id,
        title_en or "",
        title or "",
        introduction,
        quote,
        tuple(worksheets or ()),
        tuple(commitments or ()),
    )


def _read_quote(toml: TomlFile, entry: dict[str, Any], where: str) -> Quote | None:
    quote = toml.table(entry, "quote", where, required=False)
    if quote is None:
        return None
    place = f"{where}.quote"
    toml.only(quote, {"text", "author", "work", "demo"}, place)
    text = toml.text(quote, "text", place)
    author = toml.text(quote, "author", place)
    demo = toml.boolean(quote, "demo", place)
    # A real quote names the work it comes from, so that anyone can check it.
    work = toml.text(quote, "work", place, required=not demo)
    if text is None or author is None:
        return None
    return Quote(text, author, work, demo)


def _read_worksheets(
    toml: TomlFile, theme_dir: Path, entry: dict[str, Any], where: str
) -> list[Worksheet] | None:
    entries = toml.tables(entry, "worksheets", where, required=False)
    if entries is None:
        return None
    if not MIN_WORKSHEETS <= len(entries) <= MAX_WORKSHEETS:
        toml.note(
            f"{where}.worksheets",
            "content.worksheet_count",
            count=len(entries),
            minimum=MIN_WORKSHEETS,
            maximum=MAX_WORKSHEETS,
        )
        if len(entries) > MAX_WORKSHEETS:  # their files are not read
            return None
    worksheets: list[Worksheet] = []
    seen: set[str] = set()
    for index, sheet in enumerate(entries):
        place = entry_place(f"{where}.worksheets", sheet, index)
        toml.only(sheet, {"id", "title"}, place)
        sheet_id = toml.ident(sheet, "id", place)
        title = toml.text(sheet, "title", place)
        if sheet_id is None:
            continue
        if sheet_id in seen:
            toml.note(place, "content.duplicate_id", value=sheet_id)
        seen.add(sheet_id)
        guidance, client = (
            _read_markdown(toml, theme_dir / f"{sheet_id}{part}", place) for part in WORKSHEET_FILES
        )
        if title and guidance and client:
            worksheets.append(Worksheet(sheet_id, title, guidance, client))
    return worksheets


def _read_markdown(toml: TomlFile, path: Path, where: str) -> str | None:
    """The text without HTML comments (they mark files for editors, not for readers)."""
    if toml.bytes_read > MAX_PACK_BYTES:
        return None  # said once, when the limit was passed
    text = toml.read_text(path, where)
    if toml.bytes_read > MAX_PACK_BYTES:
        toml.problems.add(path, where, "content.pack_too_large", limit=MAX_PACK_BYTES)
        return None
    if text is None:
        return None
    text = _COMMENT.sub("", text).strip()
    if not text:
        toml.problems.add(path, where, "content.empty_text")
        return None
    return text
