"""Who may do what, and with whose courses: the one table of access rules.

A rule names a role, an action and the acting user's relation to the thing acted on. Services
work out the relation and enforce the rule (`services/access.py`); screens ask the same table
which actions to offer. Nothing else in the program decides about access.
"""

from __future__ import annotations

from enum import StrEnum

from traumefokus.domain.vocabulary import Role


class Action(StrEnum):
    # On a course and everything in it (sessions, notes, goals, ITQ, letters, flags)
    READ = "read"  # see the course and its notes
    PLAN = "plan"  # themes, dates, attendance, goals, ITQ, inclusion, ending the course
    RUN = "run"  # write a session's note, sign it, add addenda, raise safety flags
    PRINT = "print"  # notes, handouts and the plan on paper or as PDF
    LETTER = "letter"  # write and print status letters (printing is recorded on the course)
    CLEAR_FLAG = "clear_flag"
    COMMENT = "comment"  # a supervisor's comment on a course or a session
    CO_SIGN = "co_sign"  # a supervisor's co-signature on a signed note
    GRANT_COVER = "grant_cover"  # name a colleague as co-therapist on the course
    REASSIGN = "reassign"  # give the course to another therapist
    # On a client
    SEE_CLIENT = "see_client"
    EDIT_CLIENT = "edit_client"
    START_COURSE = "start_course"
    # On the installation
    ADD_CLIENT = "add_client"
    MANAGE_USERS = "manage_users"
    INSTALL_CONTENT = "install_content"
    EXPORT_RECORDS = "export_records"
    # the client's right to erasure, once the retention period has run (domain/retention.py)
    ERASE_CLIENT = "erase_client"
    EXPORT_LOGBOOK = "export_logbook"  # pseudonymised, of the courses the user may read
    EXPORT_IDENTIFIABLE = "export_identifiable"  # the logbook with codes and names
    SUPERVISE = "supervise"  # the supervision overview of all courses
    MANAGE_CODING = "manage_coding"  # draw a coding round, export it for coders, import
    CODING_RESULTS = "coding_results"  # a round's results and the comparison of rounds
    RATE = "rate"  # rate the pseudonymised sessions of rounds one is a coder of
    # The installation's settings: idle lock, backups, database, site, the centre's lists
    # (everyone sets their own language)
    CONFIGURE = "configure"
    BACKUP = "backup"  # a backup of the whole database to a file (automatic ones are nobody's)
    RESTORE = "restore"  # replace the database with a backup (checked against the backup)
    AUDIT = "audit"  # check the audit trail's chain and export it (entries name IDs only)


class Relation(StrEnum):
    """The acting user's relation to a course or a client."""

    OWN = "own"  # the course's therapist; a client with a course of theirs
    COVERING = "covering"  # named co-therapist on the course, covering a colleague
    UNASSIGNED = "unassigned"  # a client with no course yet
    OTHER = "other"  # another therapist's course or client
    NONE = "none"  # an action on the installation, not on a course or a client


COURSE_ACTIONS = frozenset(
    {
        Action.READ,
        Action.PLAN,
        Action.RUN,
        Action.PRINT,
        Action.LETTER,
        Action.CLEAR_FLAG,
        Action.COMMENT,
        Action.CO_SIGN,
        Action.GRANT_COVER,
        Action.REASSIGN,
    }
)

_EVERY = frozenset(Relation) - {Relation.NONE}
_MINE = frozenset({Relation.OWN, Relation.COVERING})
_CLIENTS_OF_MINE = frozenset({Relation.OWN, Relation.UNASSIGNED})
_INSTALLATION = frozenset({Relation.NONE})

RULES: dict[Role, dict[Action, frozenset[Relation]]] = {
    Role.THERAPIST: {
        Action.READ: _MINE,
        Action.PLAN: _MINE,
        Action.RUN: _MINE,
        Action.PRINT: _MINE,
        Action.LETTER: _MINE,
        Action.CLEAR_FLAG: _MINE,
        # Only the course's own therapist hands it to a colleague for cover.
        Action.GRANT_COVER: frozenset({Relation.OWN}),
        Action.SEE_CLIENT: _CLIENTS_OF_MINE,
        Action.EDIT_CLIENT: _CLIENTS_OF_MINE,
        Action.START_COURSE: _CLIENTS_OF_MINE,  # with themselves as the therapist
        Action.ADD_CLIENT: _INSTALLATION,
        Action.EXPORT_LOGBOOK: _INSTALLATION,  # their own courses only
    },
    # Supervisors review: they read everything and change nothing but their own remarks.
    Role.SUPERVISOR: {
        Action.READ: _EVERY,
        Action.PRINT: _EVERY,
        Action.CLEAR_FLAG: _EVERY,
        Action.COMMENT: _EVERY,
        Action.CO_SIGN: _EVERY,
        Action.SEE_CLIENT: _EVERY,
        Action.EXPORT_LOGBOOK: _INSTALLATION,
        Action.SUPERVISE: _INSTALLATION,
        Action.MANAGE_CODING: _INSTALLATION,
        Action.CODING_RESULTS: _INSTALLATION,
        Action.AUDIT: _INSTALLATION,
    },
    # Administrators run the installation: users, content, exports, who has which course.
    Role.ADMIN: {
        Action.READ: _EVERY,
        Action.PRINT: _EVERY,
        Action.GRANT_COVER: _EVERY,
        Action.REASSIGN: _EVERY,
        Action.SEE_CLIENT: _EVERY,
        Action.EDIT_CLIENT: _EVERY,
        Action.START_COURSE: _EVERY,  # for a therapist they name
        Action.ADD_CLIENT: _INSTALLATION,
        Action.MANAGE_USERS: _INSTALLATION,
        Action.INSTALL_CONTENT: _INSTALLATION,
        Action.EXPORT_RECORDS: _INSTALLATION,
        Action.ERASE_CLIENT: _INSTALLATION,
        Action.EXPORT_LOGBOOK: _INSTALLATION,
        Action.EXPORT_IDENTIFIABLE: _INSTALLATION,
        Action.SUPERVISE: _INSTALLATION,
        Action.CODING_RESULTS: _INSTALLATION,
        Action.CONFIGURE: _INSTALLATION,
        Action.BACKUP: _INSTALLATION,
        Action.RESTORE: _INSTALLATION,
        Action.AUDIT: _INSTALLATION,
    },
    # Coders rate the pseudonymised sessions of their rounds: no client records.
    Role.CODER: {
        Action.RATE: _INSTALLATION,
    },
}


def may(role: Role, action: Action, relation: Relation = Relation.NONE) -> bool:
    return relation in RULES[role].get(action, frozenset())


def allowed_on_course(role: Role, relation: Relation) -> frozenset[Action]:
    """Every course action `role` may take with a course of this relation."""
    return frozenset(a for a in COURSE_ACTIONS if may(role, a, relation))
