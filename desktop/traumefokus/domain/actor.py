"""The user on whose behalf a service acts."""

from __future__ import annotations

from dataclasses import dataclass

from traumefokus.domain.vocabulary import Role


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    role: Role
