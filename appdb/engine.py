"""Engines for the application database, and migrations run programmatically at start."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from settings import ROOT, Settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_lock = threading.Lock()
_engines: dict[str, sa.Engine] = {}


def app_db_url(settings: Settings) -> str:
    """The database URL: env KINERJA_APP_DB, else `[appdb] url`, else SQLite at `[paths] app_db`."""
    url = os.environ.get("KINERJA_APP_DB") or settings.section("appdb").get("url", "")
    if not url:
        path = Path(settings.raw["paths"].get("app_db", "data/app.db"))
        path = path if path.is_absolute() else ROOT / path
        url = f"sqlite:///{path}"
    return normalise_url(url)


def normalise_url(url: str) -> str:
    """Plain postgres:// URLs use psycopg 3 (the only PostgreSQL driver installed)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> sa.Engine:
    """An engine; SQLite files get WAL, a busy timeout and foreign keys on every connection."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        target = sa.engine.make_url(url).database
        if target and target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _sqlite_pragmas(dbapi_con, _record) -> None:
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def migrate(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the database to `revision` with Alembic (run in-process, on the given engine)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as con:
        cfg.attributes["connection"] = con
        command.upgrade(cfg, revision)


def open_app_db(url: str) -> sa.Engine:
    """A migrated engine for `url`, created and migrated once per process."""
    url = normalise_url(url)
    with _lock:
        if url not in _engines:
            engine = make_engine(url)
            migrate(engine)
            _engines[url] = engine
        return _engines[url]


def dispose_all() -> None:
    """Close every engine this process opened (tests, shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
