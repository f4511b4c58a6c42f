"""Client data never cross a network in the clear: a shared database on another machine is
reached over TLS; one on this machine may be reached without."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from traumefokus.errors import InvalidInput
from traumefokus.paths import DataDir
from traumefokus.storage.server_tls import is_local, with_tls
from traumefokus.storage.target import DatabaseTarget

BASE = "postgresql+psycopg://anna@"


@pytest.mark.parametrize(
    "host", [None, "localhost", "127.0.0.1", "127.0.0.9", "[::1]", "/var/run/postgresql"]
)
def test_a_server_on_this_machine_needs_no_tls(host):
    assert is_local(host.strip("[]") if host else host)


def test_another_host_gets_tls_required_unless_the_url_asks_for_more():
    assert with_tls(make_url(BASE + "db.centre.local/tf")).query["sslmode"] == "require"
    full = make_url(BASE + "db.centre.local/tf?sslmode=verify-full&sslrootcert=/etc/ca.pem")
    assert with_tls(full).query["sslmode"] == "verify-full"
    assert "sslmode" not in with_tls(make_url(BASE + "localhost/tf")).query
    assert "sslmode" not in with_tls(make_url(BASE + "127.0.0.1:5432/tf")).query


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer"])
def test_a_url_that_lets_tls_go_to_another_host_is_refused(mode, tmp_path):
    with pytest.raises(InvalidInput) as raised:
        DatabaseTarget.choose(DataDir(tmp_path), BASE + f"10.0.0.5/tf?sslmode={mode}")
    assert raised.value.code == "db.tls_required" and raised.value.exit_code == 2


def test_the_target_connects_with_tls_and_shows_no_password(tmp_path):
    target = DatabaseTarget.choose(
        DataDir(tmp_path), "postgresql+psycopg://anna:hemmelig@db.centre.local/tf"
    )
    assert make_url(target.url).query["sslmode"] == "require"
    assert "hemmelig" not in target.where and "hemmelig" not in repr(target)
