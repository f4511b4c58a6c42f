"""A PostgreSQL server for the tests: the one named by TRAUMEFOKUS_TEST_PG_URL, or a throwaway
server started from the installed binaries on a free loopback port.

initdb refuses to run as root, so under root the server runs as the `postgres` system user
(Debian's package creates it) or `nobody`, in a temporary folder that user owns. The
postmaster dies with the test process (PR_SET_PDEATHSIG), and a folder left behind by a test
run that was killed is removed by the next one.

Each test gets its own database, copied from a template migrated to head once per run.
"""

from __future__ import annotations

import contextlib
import ctypes
import glob
import itertools
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

URL_VARIABLE = "TRAUMEFOKUS_TEST_PG_URL"
# Set by CI: a missing server fails the run instead of skipping the PostgreSQL tests.
REQUIRE_VARIABLE = "TRAUMEFOKUS_REQUIRE_PG"
FOLDER_PREFIX = "traumefokus-pg-"
SUPERUSER = "postgres"
INITDB = ("-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")
# A throwaway server keeps nothing: durability costs time and buys nothing here.
SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "32MB",
    "log_min_messages": "warning",
    # Not UTC, so that a moment the server would turn into its own local time shows.
    "timezone": "Europe/Copenhagen",
}


class NoServer(Exception):
    """No server to test against, and none can be started (the reason says why)."""


def required() -> bool:
    return os.environ.get(REQUIRE_VARIABLE, "") not in ("", "0")


def find_bindir() -> Path | None:
    """The folder with initdb and postgres: pg_config's, Debian's versioned folders (the
    newest first), or wherever initdb is on PATH."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True, timeout=10
            )
            candidates.append(Path(out.stdout.strip()))
    debian = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += [Path(p) for p in sorted(debian, key=_major_version, reverse=True)]
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if all(os.access(folder / tool, os.X_OK) for tool in ("initdb", "postgres")):
            return folder
    return None


def _major_version(path: str) -> int:
    found = re.search(r"/(\d+)/bin$", path)
    return int(found.group(1)) if found else 0


@dataclass
class Server:
    """A server we may create databases on, reached through `url` (a SQLAlchemy URL of
    its maintenance database)."""

    url: str
    prefix: str = field(default_factory=lambda: f"tf_{os.getpid()}_")
    _numbers: Iterator[int] = field(default_factory=itertools.count)

    def url_for(self, database: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).set(database=database).render_as_string(hide_password=False)

    def new_name(self) -> str:
        return f"{self.prefix}{next(self._numbers)}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database (a copy of `template` if given); its URL."""
        copy = f" TEMPLATE {template}" if template else ""
        self._run(f"CREATE DATABASE {name}{copy}")
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        self._run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def connections_to(self, name: str, wait: float = 1.0) -> int:
        """How many connections to database `name` are open, once those being closed have
        had `wait` seconds to go."""
        deadline = time.monotonic() + wait
        while True:
            rows = self._run("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,))
            count = int(rows[0][0])  # type: ignore[call-overload]
            if count == 0 or time.monotonic() > deadline:
                return count
            time.sleep(0.02)

    def drop_own_databases(self) -> None:
        """Every database this test run created (ours start with our prefix)."""
        rows = self._run(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (self.prefix,)
        )
        for (name,) in rows:
            self.drop_database(name)

    def _run(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.url)
        with psycopg.connect(
            host=url.host or url.query.get("host"),  # type: ignore[arg-type]
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
            connect_timeout=10,
        ) as connection:
            cursor = connection.execute(sql.encode(), params or None)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description else []


def given_server() -> Server | None:
    """The server named by TRAUMEFOKUS_TEST_PG_URL, with the psycopg driver."""
    given = os.environ.get(URL_VARIABLE)
    if not given:
        return None
    from sqlalchemy.engine import make_url

    url = make_url(given).set(drivername="postgresql+psycopg")
    return Server(url.render_as_string(hide_password=False))


@contextlib.contextmanager
def throwaway_server(bindir: Path) -> Iterator[Server]:
    """A fresh server in a temporary folder, stopped and removed at the end."""
    remove_abandoned_folders()
    owner = _server_user()
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    (folder / "owner.pid").write_text(str(os.getpid()))
    process = None
    try:
        if owner is not None:
            os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_owner = _as_user(owner)
        data = folder / "data"
        _run_tool(
            [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", *INITDB],
            as_owner,
        )
        for _attempt in range(3):
            port = _free_port()
            process = _start(bindir, data, folder, port, as_owner)
            if _wait_until_ready(process, port):
                break
            _stop(process)
            process = None
        if process is None:
            log = (folder / "server.log").read_text(errors="replace")[-2000:]
            raise NoServer(f"the PostgreSQL server in {folder} did not start:\n{log}")
        yield Server(f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres")
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def remove_abandoned_folders() -> None:
    """Folders of earlier test runs whose process is gone (killed before it could clean up);
    a folder of a run that is still going (another checkout's tests) is left alone."""
    for folder in Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*"):
        try:
            pid = int((folder / "owner.pid").read_text())
        except (OSError, ValueError):
            continue  # being set up right now, or not ours
        if not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _server_user() -> pwd.struct_passwd | None:
    """None: run as ourselves. Under root, a user initdb accepts."""
    if os.geteuid() != 0:
        return None
    for name in (SUPERUSER, "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise NoServer("running as root, and there is neither a 'postgres' nor a 'nobody' user")


def _as_user(owner: pwd.struct_passwd | None) -> dict[str, object]:
    """subprocess arguments that run a program as `owner`, dying with this process."""
    arguments: dict[str, object] = {"preexec_fn": _die_with_parent}
    if owner is not None:
        arguments.update(user=owner.pw_uid, group=owner.pw_gid, extra_groups=[])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "LC_"))}
    env.update(LC_ALL="C", LANG="C")
    if owner is not None:
        env.update(HOME=tempfile.gettempdir(), USER=owner.pw_name, LOGNAME=owner.pw_name)
    arguments["env"] = env
    return arguments


def _die_with_parent() -> None:
    """Linux: the kernel sends SIGQUIT (PostgreSQL's immediate shutdown) when the test
    process ends, even when it is killed. Runs after the change of user, which would clear
    the setting."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGQUIT)


def _run_tool(command: list[str], as_owner: dict[str, object]) -> None:
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        **as_owner,  # type: ignore[call-overload]
    )
    if done.returncode != 0:
        raise NoServer(f"{Path(command[0]).name} failed: {done.stderr.strip()[-2000:]}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(
    bindir: Path, data: Path, folder: Path, port: int, as_owner: dict[str, object]
) -> subprocess.Popen[bytes]:
    """The postmaster as our child (not daemonised by pg_ctl), so that it dies with us."""
    options = [f"--{key}={value}" for key, value in SETTINGS.items()]
    log = open(folder / "server.log", "ab")  # noqa: SIM115 (the server writes it until it stops)
    try:
        return subprocess.Popen(
            [
                str(bindir / "postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-k",
                str(folder),
                *options,
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            **as_owner,  # type: ignore[call-overload]
        )
    finally:
        log.close()


def _wait_until_ready(process: subprocess.Popen[bytes], port: int, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False  # the port was taken after all, or the server refused to start
        if _accepts(port):
            return True
        time.sleep(0.05)
    return False


def _accepts(port: int) -> bool:
    import psycopg

    try:
        psycopg.connect(
            host="127.0.0.1", port=port, user=SUPERUSER, dbname="postgres", connect_timeout=2
        ).close()
    except psycopg.OperationalError:
        return False
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Fast shutdown: the databases are thrown away."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


Starter = Callable[[], contextlib.AbstractContextManager[Server]]


def server_for_tests() -> contextlib.AbstractContextManager[Server]:
    """The server to test on. When there is none, the test is skipped with the reason, or
    fails with it when TRAUMEFOKUS_REQUIRE_PG is set (CI: never a silent skip)."""
    import pytest

    start, reason = server_or_reason()
    if start is None:
        if required():
            pytest.fail(f"{reason} ({REQUIRE_VARIABLE} is set)", pytrace=False)
        pytest.skip(reason)
    return start()


def server_or_reason() -> tuple[Starter | None, str]:
    """How to get a server, or why there is none."""
    given = given_server()
    if given is not None:
        return (lambda: contextlib.nullcontext(given)), ""
    bindir = find_bindir()
    if bindir is None:
        return None, (
            "no PostgreSQL server binaries (initdb, postgres) were found and "
            f"{URL_VARIABLE} is not set: install the server (Debian: apt-get install "
            "postgresql) or name a server to test against"
        )
    return (lambda: throwaway_server(bindir)), ""
