"""What every table of the database shares: the declarative base with its naming
convention, string ids, closed word lists as CHECK constraints, and optimistic concurrency
(a `version` column) for rows that users edit."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, Integer, MetaData, String, Time
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from traumefokus.storage.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UtcDateTime(),
        date: Date(),
        time: Time(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


def one_of(column: str, values: type[StrEnum], *, nullable: bool = False) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    condition = f"{column} IN ({allowed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=column)


class Versioned:
    """Optimistic concurrency: an UPDATE names the version it read and bumps it. Who saved the
    row last, and when, is kept beside it so that the one whose change is refused can be told
    ("changed by NAME at TIME"). `changed_by_id` is a user's id without a foreign key: adding
    one would rebuild every large table on SQLite, and the name is only looked up to be shown."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)
    changed_by_id: Mapped[str | None] = mapped_column(ID)
    changed_at: Mapped[datetime | None]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # the mixin has no table of its own: each mapped class that uses it does
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
