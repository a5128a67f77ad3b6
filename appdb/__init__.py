"""The application database: users, roles and the access log and coaching cases and awards.

The warehouse is rebuilt on every load, so anything people create lives here instead:
SQLAlchemy 2 Core tables (`appdb.tables`), Alembic migrations run at start (`appdb.engine.open_app_db`),
SQLite in WAL mode under data/ by default, PostgreSQL by a URL (`[appdb] url` or env `KINERJA_APP_DB`).
"""

from appdb.coaching import awards, case_events, case_sessions, cases
from appdb.engine import app_db_url, make_engine, migrate, open_app_db
from appdb.tables import access_log, app_meta, metadata, users

__all__ = [
    "access_log",
    "app_db_url",
    "app_meta",
    "awards",
    "case_events",
    "case_sessions",
    "cases",
    "make_engine",
    "metadata",
    "migrate",
    "open_app_db",
    "users",
]
