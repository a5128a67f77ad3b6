"""Application-database fixtures: every test that takes `app_engine` runs on SQLite and on a real PostgreSQL.

PostgreSQL comes from Debian's `postgresql` package (binaries in /usr/lib/postgresql/<version>/bin): a
throw-away cluster is initialised in a temporary folder, started on a free localhost port for the test
session and stopped at its end. Its tools refuse to run as root, so as root they run as the `postgres`
user (runuser). Each test gets a fresh database on it, like each SQLite test gets a fresh file.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from appdb.engine import make_engine, migrate

BACKENDS = ["sqlite", "postgresql"]
_counter = itertools.count()


def postgres_bindir() -> Path:
    """The newest Debian PostgreSQL server binaries; a clear error naming the package when absent."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    raise RuntimeError("PostgreSQL server not installed: run `apt-get install postgresql` (as root).")


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    """A running throw-away cluster: `url(dbname)` for SQLAlchemy, `create_database()` for a fresh one."""

    port: int
    datadir: Path
    bindir: Path

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        name = f"t{os.getpid()}_{next(_counter)}"
        admin = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as con:
            con.execute(sa.text(f'CREATE DATABASE "{name}"'))  # name built above from digits only
        admin.dispose()
        return self.url(name)


def start_postgres(root: Path) -> PostgresServer:
    """initdb + pg_ctl start in `root` (owned by postgres when we are root)."""
    bindir = postgres_bindir()
    datadir = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    subprocess.run(
        _as_postgres([str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    port = free_port()
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run(
        _as_postgres(
            [str(bindir / "pg_ctl"), "-D", str(datadir), "-o", opts, "-l", str(root / "server.log"), "-w", "-t", "60", "start"]
        ),
        check=True,
        capture_output=True,
    )
    return PostgresServer(port=port, datadir=datadir, bindir=bindir)


def stop_postgres(server: PostgresServer) -> None:
    subprocess.run(
        _as_postgres([str(server.bindir / "pg_ctl"), "-D", str(server.datadir), "-m", "immediate", "-w", "stop"]),
        check=False,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL for this test session, on a free localhost port."""
    root = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    os.chmod(root, 0o755)
    server = start_postgres(root)
    try:
        yield server
    finally:
        stop_postgres(server)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def app_db_url(request, tmp_path) -> str:
    """A fresh, empty application database URL: a SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'app.db'}"
    return request.getfixturevalue("postgres_server").create_database()


@pytest.fixture
def app_engine(app_db_url) -> Iterator[sa.Engine]:
    """A migrated application database on each backend."""
    engine = make_engine(app_db_url)
    migrate(engine)
    yield engine
    engine.dispose()
