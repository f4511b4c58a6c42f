"""Who may do what, by role. Services check these before they touch data."""

from __future__ import annotations

from enum import StrEnum

from traumefokus.domain.vocabulary import Role


class Permission(StrEnum):
    EXPORT_RECORDS = "export_records"
    INSTALL_CONTENT = "install_content"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset({Permission.EXPORT_RECORDS, Permission.INSTALL_CONTENT}),
    Role.SUPERVISOR: frozenset(),
    Role.THERAPIST: frozenset(),
    Role.CODER: frozenset(),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
