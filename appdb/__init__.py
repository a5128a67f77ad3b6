"""The application database: users, roles and the access log (and, later, coaching records).

The warehouse is rebuilt on every load, so anything people create lives here instead:
SQLAlchemy 2 Core tables (`appdb.tables`), Alembic migrations run at start (`appdb.engine.open_app_db`),
SQLite in WAL mode under data/ by default, PostgreSQL by a URL (`[appdb] url` or env `KINERJA_APP_DB`).
"""

from appdb.engine import app_db_url, make_engine, migrate, open_app_db
from appdb.tables import access_log, app_meta, metadata, users

__all__ = ["access_log", "app_db_url", "app_meta", "make_engine", "metadata", "migrate", "open_app_db", "users"]
