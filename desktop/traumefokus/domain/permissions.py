"""Who may do what, by role. Services check these before they touch data."""

from __future__ import annotations

from enum import StrEnum

from traumefokus.domain.vocabulary import Role


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    VIEW_CLIENTS = "view_clients"
    EDIT_CLIENTS = "edit_clients"
    PLAN_COURSES = "plan_courses"
    WRITE_NOTES = "write_notes"
    EXPORT_RECORDS = "export_records"
    INSTALL_CONTENT = "install_content"


_STAFF = {
    Permission.VIEW_CLIENTS,
    Permission.EDIT_CLIENTS,
    Permission.PLAN_COURSES,
    Permission.WRITE_NOTES,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    # Supervisors review: they see clients and courses but change nothing.
    Role.SUPERVISOR: frozenset({Permission.VIEW_CLIENTS}),
    Role.THERAPIST: frozenset(_STAFF),
    # Coders rate sessions from pseudonymised exports; they see no client records.
    Role.CODER: frozenset(),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
