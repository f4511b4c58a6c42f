"""Clients: a code (never a CPR number), an optional identifying display name, a site."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select

from traumefokus.domain.actor import Actor
from traumefokus.domain.clients import clean_client_code
from traumefokus.domain.permissions import Permission
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.auth import require
from traumefokus.services.editing import for_edit
from traumefokus.storage.database import Database
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


def _clean_rest(display_name: str | None, site: str | None) -> tuple[str | None, str]:
    name = (display_name or "").strip() or None
    place = (site or "").strip()
    if name and len(name) > MAX_NAME:
        raise InvalidInput("client.name_too_long", max=MAX_NAME)
    if len(place) > MAX_SITE:
        raise InvalidInput("client.site_too_long", max=MAX_SITE)
    return name, place


def add_client(
    db: Database,
    actor: Actor,
    code: str,
    *,
    display_name: str | None = None,
    site: str | None = None,
) -> ClientInfo:
    require(actor, Permission.EDIT_CLIENTS)
    code = clean_client_code(code)
    name, place = _clean_rest(display_name, site)
    with db.transaction() as session:
        if session.scalar(select(exists().where(Client.code == code))):
            raise InvalidInput("client.exists", code=code)
        client = Client(code=code, display_name=name, site=place)
        session.add(client)
        session.flush()
        audit.record(session, actor, "client.create", object_type="client", object_id=client.id)
        return _info(client)


def update_client(
    db: Database,
    actor: Actor,
    client_id: str,
    *,
    code: str,
    display_name: str | None,
    site: str | None,
    version: int,
) -> ClientInfo:
    require(actor, Permission.EDIT_CLIENTS)
    code = clean_client_code(code)
    name, place = _clean_rest(display_name, site)
    with db.transaction() as session:
        client = for_edit(session, Client, client_id, version, "client")
        if code != client.code and session.scalar(select(exists().where(Client.code == code))):
            raise InvalidInput("client.exists", code=code)
        client.code, client.display_name, client.site = code, name, place
        audit.record(session, actor, "client.update", object_type="client", object_id=client.id)
        return _info(client)


def get_client(db: Database, actor: Actor, client_id: str) -> ClientInfo:
    require(actor, Permission.VIEW_CLIENTS)
    with db.reading() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise InvalidInput("client.unknown_id")
        return _info(client)


def known_sites(db: Database) -> list[str]:
    with db.reading() as session:
        return [
            s
            for s in session.scalars(
                select(Client.site).distinct().where(Client.site != "").order_by(Client.site)
            )
        ]
