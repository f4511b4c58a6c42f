"""Clients: a code (never a CPR number), an optional identifying display name, a site.

A therapist sees the clients with a course of theirs and those with no course yet; supervisors
and administrators see all (`domain/access.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select

from traumefokus.domain.access import Action
from traumefokus.domain.clients import clean_client_code, looks_like_cpr
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.editing import check_version, load
from traumefokus.storage.models import Client

MAX_NAME, MAX_SITE = 200, 100


@dataclass(frozen=True)
class ClientInfo:
    id: str
    code: str
    display_name: str | None
    site: str
    version: int


def _info(client: Client) -> ClientInfo:
    return ClientInfo(client.id, client.code, client.display_name, client.site, client.version)


def clean_client_details(display_name: str | None, site: str | None) -> tuple[str | None, str]:
    """The display name and site as stored; a CPR number has no place in either."""
    name = " ".join((display_name or "").split()) or None
    place = " ".join((site or "").split())
    if name and len(name) > MAX_NAME:
        raise InvalidInput("client.name_too_long", max=MAX_NAME)
    if len(place) > MAX_SITE:
        raise InvalidInput("client.site_too_long", max=MAX_SITE)
    if (name and looks_like_cpr(name)) or looks_like_cpr(place):
        raise InvalidInput("client.name_cpr")
    return name, place


def add_client(
    acting: Acting,
    code: str,
    *,
    display_name: str | None = None,
    site: str | None = None,
) -> ClientInfo:
    code = clean_client_code(code)
    name, place = clean_client_details(display_name, site)
    acting.require(Action.ADD_CLIENT)
    with acting.transaction() as tx:
        if tx.scalar(select(exists().where(Client.code == code))):
            raise InvalidInput("client.exists", code=code)
        client = Client(code=code, display_name=name, site=place)
        tx.add(client)
        tx.flush()
        audit.record(tx, acting.actor, "client.create", object_type="client", object_id=client.id)
        return _info(client)


def update_client(
    acting: Acting,
    client_id: str,
    *,
    code: str,
    display_name: str | None,
    site: str | None,
    version: int,
) -> ClientInfo:
    code = clean_client_code(code)
    name, place = clean_client_details(display_name, site)
    with acting.transaction() as tx:
        client = load(tx, Client, client_id, "client")
        acting.require_client(tx, client.id, Action.EDIT_CLIENT)
        check_version(client, version, "client")
        if code != client.code and tx.scalar(select(exists().where(Client.code == code))):
            raise InvalidInput("client.exists", code=code)
        client.code, client.display_name, client.site = code, name, place
        audit.record(tx, acting.actor, "client.update", object_type="client", object_id=client.id)
        return _info(client)


def get_client(acting: Acting, client_id: str) -> ClientInfo:
    with acting.db.reading() as tx:
        client = load(tx, Client, client_id, "client")
        acting.require_client(tx, client.id, Action.SEE_CLIENT)
        return _info(client)


def known_sites(acting: Acting) -> list[str]:
    """The sites of the clients this user may see, to choose from."""
    query = (
        select(Client.site)
        .distinct()
        .where(Client.site != "", acting.visible_clients())
        .order_by(Client.site)
    )
    with acting.db.reading() as tx:
        return list(tx.scalars(query))
