"""The user on whose behalf a service acts."""

from __future__ import annotations

from dataclasses import dataclass

from traumefokus.domain.vocabulary import Role


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    role: Role
    label: str = ""  # full name and title, as shown and printed; the user name if unknown

    @property
    def shown(self) -> str:
        return self.label or self.name
