"""Problems found in a pack or programme: every one of them, each naming file and field."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traumefokus.errors import InvalidInput
from traumefokus.messages import shown, text


@dataclass(frozen=True)
class Problem:
    file: Path
    field: str
    code: str
    facts: dict[str, Any] = dataclasses.field(default_factory=dict)

    def describe(self, lang: str) -> str:
        # The field's place names keys of the file as written (an unknown one too).
        where = f"{shown(self.file)}: {shown(self.field)}"
        return f"{where}: {text(self.code, lang, **self.facts)}"


class InvalidContent(InvalidInput):
    """A pack or programme with problems is refused whole, never half-loaded."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__("content.invalid", path=path, count=len(problems))
        self.problems = problems


class Problems:
    """Collects problems while a file is read, then refuses the whole file if any."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, file: Path, where: str, code: str, **facts: Any) -> None:
        self.found.append(Problem(file, where, code, facts))

    def raise_if_any(self, path: Path) -> None:
        if self.found:
            raise InvalidContent(path, self.found)
