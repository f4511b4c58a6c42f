"""The audit trail's actions: stable codes, `thing.verb`, each with what it records.

A code, once written to a trail, is never renamed (the entries' hashes cover it, and a search
for it would miss the old entries); a new kind of entry gets a new code here, and the trail
refuses a code that is not listed. Objects are named by ID only, never by a client's code or
any content, so that erasing a client leaves the trail whole.
"""

from __future__ import annotations

ACTIONS: dict[str, str] = {
    # Sign-in and accounts (object: the user)
    "user.sign_in": "signed in",
    "user.sign_in_failed": "a wrong password was given for the user",
    "user.create": "a user was added",
    "user.update": "a user's role, names or active state were changed",
    "user.password_set": "a user chose their password at their first sign-in",
    "user.password_change": "a user changed their own password",
    "user.password_reset": "an administrator gave a user a new password",
    "user.password_recovered": "an administrator's password was set with the recovery key",
    "encryption.recovery_key_kept": "the administrator confirmed keeping the recovery key",
    # Reading (object: the client, course or session opened on screen)
    "record.open": "a client's record was opened: the client, a course or a session",
    # Clients (object: the client)
    "client.create": "a client was added",
    "client.update": "a client's code, name or site was changed",
    "consent.record": "the client's consent to audio recording was noted",
    "consent.withdraw": "the client's consent to audio recording was withdrawn",
    "client.erase": "the client and all their data were erased (a tombstone: the id only)",
    # Courses (object: the course)
    "course.create": "a course was started",
    "course.inclusion_confirm": "the course's inclusion was confirmed",
    "course.cover_grant": "a colleague was named co-therapist",
    "course.cover_withdraw": "a co-therapist's cover was withdrawn",
    "course.reassign": "the course was given to another therapist",
    "goal.add": "a treatment goal was added",
    "goal.update": "a treatment goal was changed",
    "goal.remove": "a treatment goal was removed",
    "itq.save": "ITQ scores were saved",
    "flag.raise": "a safety flag was raised",
    "flag.clear": "a safety flag was cleared",
    "letter.save": "a status letter's text was saved",
    "letter.print": "a status letter was printed (or saved as PDF) for the first time",
    "letter.reprint": "a printed status letter was printed again",
    # Sessions (object: the session)
    "session.attendance": "a session's attendance was noted",
    "note.sign": "a session note was signed",
    "note.addendum": "an addendum was added to a signed note",
    "note.cosign": "a supervisor co-signed a note",
    # Supervision (object: the session or course commented on; the comment when read)
    "comment.add": "a supervisor commented on a course or a session",
    "comment.read": "the therapist read a supervisor's comment",
    # Paper (object: the session or the course)
    "print.note": "a session note was printed or saved as PDF",
    "print.notes": "every note of a course was printed or saved as PDF",
    "print.handout": "a session's handout was printed or saved as PDF",
    "print.plan": "the course plan was printed or saved as PDF",
    # Exports (no object, or the client or the coding round)
    "export.records": "the records were exported (all, or one client's)",
    "export.logbook": "the logbook was exported",
    "export.supervision": "the supervision overview was exported or printed",
    "export.coding_results": "a coding round's results were exported or printed",
    "audit.export": "the audit trail was exported (all, or about one client)",
    # Coding rounds (object: the round)
    "coding.sample": "a coding round was drawn",
    "coding.export": "a coding round's files for the coders were written",
    "coding.import": "a coder's rating sheet was imported",
    "coding.submit": "a coder submitted ratings",
    "coding.close": "a coding round was closed",
    # The installation
    "content.install": "a content pack or programme was installed",
    "settings.list_saved": "the centre's own choice list was saved",
    "settings.list_restored": "a choice list was set back to the shipped one",
    "backup.made": "a backup was made by hand",
    "backup.restore": "the database was restored from a backup",
}

KNOWN = frozenset(ACTIONS)
