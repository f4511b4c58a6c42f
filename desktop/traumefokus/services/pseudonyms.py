"""The one way to pseudonymise data that leaves the centre (`domain/pseudonyms.py`): its key
is a secret made once per database and kept in it, so that every machine sharing the database
gives the same pseudonyms. Every export meant to leave the data controller goes through here.
"""

from __future__ import annotations

import secrets

from sqlalchemy.exc import IntegrityError

from traumefokus.domain.pseudonyms import Pseudonymiser
from traumefokus.storage.database import Database
from traumefokus.storage.models import InstallationSecret

KEY_NAME = "pseudonym_key"


def pseudonymiser(db: Database) -> Pseudonymiser:
    """The database's pseudonymiser; its key is made at the first use."""
    with db.reading() as tx:
        found = tx.get(InstallationSecret, KEY_NAME)
        if found is not None:
            return Pseudonymiser(bytes.fromhex(found.value))
    try:
        with db.transaction() as tx:
            tx.add(InstallationSecret(name=KEY_NAME, value=secrets.token_hex(32)))
    except IntegrityError:
        pass  # another program made it at the same moment: use theirs
    with db.reading() as tx:
        made = tx.get(InstallationSecret, KEY_NAME)
        assert made is not None
        return Pseudonymiser(bytes.fromhex(made.value))
