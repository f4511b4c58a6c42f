"""`user add` and `client add` from the command line, and the rules behind them."""

import pytest

from cli_runner import run
from factories import person
from traumefokus.domain.clients import clean_client_code
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.clients import add_client, update_client
from traumefokus.services.users import list_users, update_user

pytestmark = pytest.mark.both_databases


@pytest.fixture
def initialised(tmp_path):
    folder = tmp_path / "data"
    run("init", "--admin", "anna", "--data-dir", folder)
    return folder


@pytest.mark.parametrize(
    "code",
    [
        "010190-1234",
        "0101901234",
        "010190 1234",
        "K0101901234",
        "x-010190-1234-y",
        "010190_1234",
        "010190.1234",
        "010190/1234",
        "01.01.90-1234",
        "01-01-90 1234",
    ],
)
def test_a_cpr_shaped_code_is_refused_and_says_why(code):
    with pytest.raises(InvalidInput) as refused:
        clean_client_code(code)
    assert refused.value.code == "client.code_cpr"


@pytest.mark.parametrize("code", ["K-0001", "NORD/2024/17", "12345", "0101901234567", "Å-12"])
def test_ordinary_codes_are_accepted(code):
    assert clean_client_code(f"  {code} ") == code


def test_client_add_from_the_command_line(initialised):
    result = run(
        "client",
        "add",
        "K-0001",
        "--site",
        "Nord",
        "--display-name",
        "Bo Æ.",
        "--user",
        "anna",
        "--data-dir",
        initialised,
    )
    assert (result.code, result.out.strip()) == (0, "Oprettede klienten K-0001.")
    again = run(
        "client", "add", "K-0001", "--user", "anna", "--data-dir", initialised, "--lang", "en"
    )
    assert again.code == 2 and "already exists" in again.err


def test_client_add_refuses_a_cpr_number_with_exit_2(initialised):
    result = run(
        "client", "add", "010190-1234", "--user", "anna", "--data-dir", initialised, "--lang", "en"
    )
    assert result.code == 2
    assert "looks like a CPR number" in result.err
    assert "010190" not in result.err  # the number itself is not repeated back


def test_user_add_from_the_command_line(initialised):
    result = run(
        "user",
        "add",
        "mette.h",
        "--role",
        "therapist",
        "--user",
        "anna",
        "--data-dir",
        initialised,
        "--lang",
        "en",
    )
    assert (result.code, result.out.strip()) == (0, "Created the user mette.h (therapist).")
    assert (
        run(
            "user", "add", "Mette.H", "--role", "coder", "--user", "anna", "--data-dir", initialised
        ).code
        == 2
    )  # the same name in other letters
    assert (
        run("user", "add", "x", "--role", "boss", "--user", "anna", "--data-dir", initialised).code
        == 2
    )
    assert (
        run(
            "user", "add", "y", "--role", "coder", "--user", "mette.h", "--data-dir", initialised
        ).code
        == 3
    )  # only administrators add users


def test_the_last_administrator_stays(db, admin):
    [me] = list_users(admin)
    with pytest.raises(Refused) as refused:
        update_user(admin, me.id, role="therapist", active=True, version=me.version)
    assert refused.value.code == "user.last_admin"
    other = person(admin, "bo", "admin")
    update_user(admin, me.id, role="therapist", active=True, version=me.version)
    assert {u.name: u.role.value for u in list_users(other)} == {
        "admin": "therapist",
        "bo": "admin",
    }


def test_a_stale_edit_is_refused(db, admin):
    client = add_client(admin, "K-1")
    update_client(
        admin, client.id, code="K-1", display_name="Bo", site="Syd", version=client.version
    )
    with pytest.raises(Refused) as refused:
        update_client(
            admin,
            client.id,
            code="K-1",
            display_name="Bent",
            site="Syd",
            version=client.version,
        )
    assert refused.value.code == "db.conflict_by"  # the first change was the admin's own
    assert "admin" in str(refused.value)
