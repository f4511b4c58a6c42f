"""The password of a shared PostgreSQL database: never in a file. It comes from the URL given on
the command line (for that run only), from the system's credential store (Windows Credential
Manager, macOS Keychain, the Secret Service on Linux, through `keyring`), or from the user when
the server asks for one, who may have it remembered in the credential store.

The account in the store is the database's address without a password (user@host:port/db),
under the service name "Traumefokus". A store that is missing or fails is the same as an
empty one: the password is asked for.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

SERVICE = "Traumefokus"


def account(url: URL) -> str:
    """The store's name for the database: its address, never its password."""
    host = url.host or url.query.get("host") or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{url.username or ''}@{host}{port}/{url.database or ''}"


def stored_password(url: URL) -> str | None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        return keyring.get_password(SERVICE, account(url))
    except NoKeyringError:  # a machine without one (a server, a bare Linux): nothing stored
        return None
    except KeyringError as exc:
        log.warning("Credential store not read (%s)", type(exc).__name__)
        return None


def remember_password(url: URL, password: str) -> bool:
    """Keep `password` in the credential store; False if there is none that works."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account(url), password)
        return True
    except KeyringError as exc:
        log.warning("Credential store not written (%s)", type(exc).__name__)
        return False


def with_password(url: URL, given: str | None) -> URL:
    """`url` with its password: its own, else `given`, else the stored one (else none)."""
    if url.password:
        return url
    password = given if given is not None else stored_password(url)
    return url.set(password=password) if password else url


def needs_password(error: BaseException) -> bool:
    """Whether the server refused the connection for want of the right password."""
    state = getattr(error, "sqlstate", None)
    text = str(error).lower()
    return (
        state in ("28P01", "28000")
        or "no password supplied" in text
        or ("password authentication failed" in text)
    )
