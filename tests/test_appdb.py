"""The application database on SQLite and PostgreSQL: migrations, WAL, the append-only access log."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from appdb import access_log, app_meta, users
from appdb.engine import app_db_url as configured_url
from appdb.engine import make_engine, migrate, normalise_url
from tests.conftest import make_settings


def test_migrations_create_every_table(app_engine):
    names = set(sa.inspect(app_engine).get_table_names())
    assert {"users", "access_log", "app_meta", "alembic_version"} <= names


def test_migrate_twice_is_a_no_op(app_engine):
    migrate(app_engine)
    with app_engine.connect() as con:
        assert con.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == _head()


def _head() -> str:
    from alembic.script import ScriptDirectory

    from appdb.engine import MIGRATIONS

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_users_round_trip_json_scope(app_engine):
    with app_engine.begin() as con:
        con.execute(sa.insert(users).values(username="a", role="kepala_opd", lokasi=["Jambi"], opd=["Dinas Kesehatan"]))
    with app_engine.connect() as con:
        row = con.execute(sa.select(users).where(users.c.username == "a")).one()
    assert row.lokasi == ["Jambi"] and row.opd == ["Dinas Kesehatan"] and row.active is True
    assert row.failed_attempts == 0 and row.created_at is not None


def test_unknown_role_refused(app_engine):
    with pytest.raises(sa.exc.IntegrityError), app_engine.begin() as con:
        con.execute(sa.insert(users).values(username="x", role="superuser"))


def test_username_unique(app_engine):
    with app_engine.begin() as con:
        con.execute(sa.insert(users).values(username="u", role="admin"))
    with pytest.raises(sa.exc.IntegrityError), app_engine.begin() as con:
        con.execute(sa.insert(users).values(username="u", role="admin"))


def test_access_log_is_append_only(app_engine):
    from appdb import access
    from appdb.principal import Principal

    access.record(app_engine, "signin", Principal("a", "admin"), detail={"x": 1})
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), app_engine.begin() as con:
        con.execute(sa.update(access_log).values(username="b"))
    with app_engine.connect() as con:
        assert con.execute(sa.select(access_log.c.username, access_log.c.detail)).one() == ("a", {"x": 1})
    # more in tests/test_access_log_chain.py: DELETE, backdated and out-of-sequence INSERT, the chain


def test_app_meta_key_value(app_engine):
    with app_engine.begin() as con:
        con.execute(sa.insert(app_meta).values(key="k", value="v"))
    with app_engine.connect() as con:
        assert con.execute(sa.select(app_meta.c.value).where(app_meta.c.key == "k")).scalar_one() == "v"


def test_sqlite_runs_in_wal_mode(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'app.db'}")
    migrate(engine)
    with engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
    engine.dispose()


def test_url_from_environment_then_settings(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    monkeypatch.delenv("KINERJA_APP_DB", raising=False)
    assert configured_url(s) == f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("KINERJA_APP_DB", "postgresql://u@h/db")
    assert configured_url(s) == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
