"""A shared database on another machine is reached only over TLS: client data never cross a
network in the clear. A server on this machine (loopback, or a Unix socket) may be reached
without it. A URL that asks for no or optional TLS to another host is refused; one that says
nothing gets `sslmode=require` (encrypted; `verify-full` with the centre's CA, set in the URL,
also checks the server's certificate, and is what the README recommends)."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING

from traumefokus.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENCRYPTED = ("require", "verify-ca", "verify-full")
WEAK = ("disable", "allow", "prefer")


def is_local(host: str | None) -> bool:
    """This machine: no host (a Unix socket), a socket folder, localhost or a loopback IP."""
    if not host or host.startswith("/") or host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def with_tls(url: URL) -> URL:
    """`url` as it is used: TLS required unless the server is on this machine."""
    if url.get_backend_name() != "postgresql":
        return url
    host = url.host or _query_host(url)
    if is_local(host):
        return url
    mode = url.query.get("sslmode")
    if isinstance(mode, tuple):
        mode = mode[-1]
    if mode in WEAK:
        raise InvalidInput("db.tls_required", host=host or "", mode=mode)
    if mode is None:
        return url.update_query_dict({"sslmode": "require"})
    return url


def _query_host(url: URL) -> str | None:
    found = url.query.get("host")
    return found[-1] if isinstance(found, tuple) else found
