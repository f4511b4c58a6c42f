"""Reading TOML and Markdown files field by field, noting every problem instead of stopping at
the first, so that a centre fixing a pack sees all that is wrong at once."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from traumefokus.content.problems import Problems
from traumefokus.content.regular_files import NotReadable, inside, read_regular, resolved_folder
from traumefokus.domain.content import Version
from traumefokus.messages import Term

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")
_TYPE = {
    str: Term("type.text"),
    int: Term("type.integer"),
    bool: Term("type.boolean"),
    dict: Term("type.table"),
    list: Term("type.list"),
}

T = TypeVar("T")


def read_text_file(
    path: Path, problems: Problems, *, where: str = "-", root: Path | None = None
) -> str | None:
    """A UTF-8 text file (a byte-order mark is allowed), or None with the problem noted.
    Only a regular file of at most MAX_TEXT_BYTES is read; with `root` (its links resolved:
    `regular_files.resolved_folder`), only one inside that folder."""
    if root is not None and not inside(path, root):
        problems.add(path, where, "content.outside_pack")
        return None
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        problems.add(path, where, "content.file_missing")
        return None
    except NotReadable as refused:
        problems.add(path, where, refused.code, **refused.facts)
        return None
    except OSError as exc:
        problems.add(path, where, "content.unreadable", detail=exc.strerror or str(exc))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add(path, where, "content.bad_encoding", position=exc.start + 1)
        return None


def parse_toml(source: str, path: Path, problems: Problems) -> dict[str, Any] | None:
    """The TOML document in `source`, or None with the problem noted. tomllib's own limits
    are problems of the file too: a nesting deeper than Python's recursion allows, an
    integer of more than 4300 digits."""
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        place = _TOML_PLACE.search(message)
        where = f"line {place.group(1)}" if place else "-"
        detail = _TOML_PLACE.sub("", message).strip()
        problems.add(path, where, "content.toml_syntax", detail=detail)
    except RecursionError:
        problems.add(path, "-", "content.toml_too_deep")
    except ValueError:  # a number too long to convert
        problems.add(path, "-", "content.toml_number")
    return None


class TomlFile:
    """One TOML file and typed access to its fields. Places are written like
    `themes[safety].worksheets[2].id`, so that a message points at the field to fix."""

    def __init__(self, path: Path, problems: Problems, *, root: Path | None = None) -> None:
        self.path = path
        self.problems = problems
        # the folder every file read must lie in (a pack's), its links resolved
        self.root = resolved_folder(root) if root is not None else None
        self.bytes_read = 0  # by this file and every text read through it

    def load(self) -> dict[str, Any] | None:
        source = self.read_text(self.path, "-")
        if source is None:
            return None
        return parse_toml(source, self.path, self.problems)

    def read_text(self, path: Path, where: str) -> str | None:
        """Another text file of the same content (a pack's Markdown), under the same rules."""
        text = read_text_file(path, self.problems, where=where, root=self.root)
        self.bytes_read += len((text or "").encode("utf-8"))
        return text

    def note(self, where: str, code: str, **facts: Any) -> None:
        self.problems.add(self.path, where, code, **facts)


    def value(
        self, table: dict[str, Any], key: str, where: str, kind: type[T], *, required: bool = True
    ) -> T | None:
        place = f"{where}.{key}" if where else key
        if key not in table:
            if required:
                self.note(place, "content.required")
            return None
        value = table[key]
        if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
            self.note(place, "content.wrong_type", expected=_TYPE[kind])
            return None
        return value

    def text(
        self, table: dict[str, Any], key: str, where: str, *, required: bool = True
    ) -> str | None:
        value = self.value(table, key, where, str, required=required)
        if value is not None and not value.strip():
            self.note(f"{where}.{key}", "content.required")
            return None
        return value.strip() if value is not None else None

    def integer(
        self,
        table: dict[str, Any],
        key: str,
        where: str,
        *,
        minimum: int = 0,
        required: bool = True,
    ) -> int | None:
        value = self.value(table, key, where, int, required=required)
        if value is not None and value < minimum:
            self.note(f"{where}.{key}", "content.too_small", value=value, minimum=minimum)
            return None
        return value

    def boolean(
        self, table: dict[str, Any], key: str, where: str, *, default: bool = False
    ) -> bool:
        value = self.value(table, key, where, bool, required=False)
        return default if value is None else value

    def choice(
        self, table: dict[str, Any], key: str, where: str, choices: tuple[str, ...]
    ) -> str | None:
        value = self.text(table, key, where)
        if value is not None and value not in choices:
            self.note(f"{where}.{key}", "content.choice", value=value, choices=", ".join(choices))
            return None
        return value

    def ident(self, table: dict[str, Any], key: str, where: str) -> str | None:
        value = self.text(table, key, where)
        if value is not None and not ID_PATTERN.match(value):
            self.note(f"{where}.{key}", "content.bad_id", value=value)
            return None
        return value

    def version(self, table: dict[str, Any], key: str, where: str) -> Version | None:
        value = self.text(table, key, where)
        if value is None:
            return None
        version = Version.parse(value)
        if version is None:
            self.note(f"{where}.{key}", "content.bad_version", value=value)
        return version

    def table(
        self, table: dict[str, Any], key: str, where: str, *, required: bool = True
    ) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.value(table, key, where, dict, required=required)
        return found

    def texts(self, table: dict[str, Any], key: str, where: str) -> list[str] | None:
        values = self.value(table, key, where, list, required=False)
        if values is None:
            return None
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.note(f"{where}.{key}", "content.wrong_type", expected=Term("type.text_list"))
            return None
        return [v.strip() for v in values]

    def tables(
        self, table: dict[str, Any], key: str, where: str, *, required: bool = True
    ) -> list[dict[str, Any]] | None:
        values: list[dict[str, Any]] | None = self.value(table, key, where, list, required=required)
        if values is None:
            return None
        if not all(isinstance(v, dict) for v in values):
            self.note(
                f"{where}.{key}" if where else key,
                "content.wrong_type",
                expected=Term("type.table_list"),
            )
            return None
        return values

    def only(self, table: dict[str, Any], allowed: set[str], where: str) -> None:
        """Unknown keys are most often typing errors: say so rather than ignore them."""
        for key in sorted(set(table) - allowed):
            self.note(f"{where}.{key}" if where else key, "content.unknown_field")

    def format_version(self, data: dict[str, Any], supported: int) -> bool:
        value = self.integer(data, "format", "")
        if value is not None and value != supported:
            self.note("format", "content.format_unsupported", value=value, supported=supported)
            return False
        return value is not None


def entry_place(collection: str, entry: dict[str, Any], index: int) -> str:
    """`themes[safety]` when the entry has a usable id, else `themes[3]` (counting from 1)."""
    key = entry.get("id")
    if isinstance(key, str) and ID_PATTERN.match(key):
        return f"{collection}[{key}]"
    return f"{collection}[{index + 1}]"
