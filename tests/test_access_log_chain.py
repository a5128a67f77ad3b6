"""The access log is append-only in fact, on SQLite and a real PostgreSQL: DELETE, backdated and out-of-sequence
INSERT are refused by the database; old rows go only through the logged purge; the hash chain shows rows
missing or altered by someone who got past the triggers (`python -m appdb verify-log`)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from appdb import access
from appdb.__main__ import main as cli
from appdb.engine import make_engine, migrate
from appdb.log_chain import PURGE_KEY, row_hash, stored_time
from appdb.principal import Principal
from appdb.tables import access_log, app_meta
from tests.test_app import app  # noqa: F401  (the AppTest fixture)

ANI = Principal("ani", "admin", lokasi=("Jambi",))


def _filled(engine: sa.Engine, n: int = 3) -> None:
    for i in range(n):
        access.record(engine, "view", ANI, page="skor", rows=i, detail={"table": "skor", "i": i})


def _count(engine: sa.Engine) -> int:
    with engine.connect() as con:
        return con.execute(sa.select(sa.func.count()).select_from(access_log)).scalar_one()


def _next_row(engine: sa.Engine, at: dt.datetime) -> dict:
    """A row that follows the chain correctly (right seq and hash), dated `at`: only the time can be wrong."""
    with engine.connect() as con:
        last = con.execute(sa.select(access_log).order_by(access_log.c.seq.desc()).limit(1)).mappings().one()
    values = dict(seq=last["seq"] + 1, at=at, username="x", role=None, event="view", page=None, outcome="ok")
    values.update(rows=None, detail=None, session=None)
    return {**values, "prev_hash": last["row_hash"], "row_hash": row_hash(last["row_hash"], values)}


def _refused(engine: sa.Engine, statement) -> None:
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as con:
        con.execute(statement)


def test_delete_is_refused(app_engine):
    _filled(app_engine)
    _refused(app_engine, sa.delete(access_log))
    _refused(app_engine, sa.delete(access_log).where(access_log.c.seq == 2))
    assert _count(app_engine) == 3 and access.verify_log(app_engine) == []


def test_backdated_insert_is_refused_even_with_a_correct_chain(app_engine):
    _filled(app_engine)
    newest = access.entries(app_engine)[0]["at"]
    newest = newest.replace(tzinfo=dt.UTC) if newest.tzinfo is None else newest
    _refused(app_engine, sa.insert(access_log).values(**_next_row(app_engine, newest - dt.timedelta(seconds=1))))
    now = dt.datetime.now(dt.UTC)
    _refused(app_engine, sa.insert(access_log).values(**_next_row(app_engine, now - dt.timedelta(hours=1))))
    _refused(app_engine, sa.insert(access_log).values(**_next_row(app_engine, now + dt.timedelta(days=1))))
    with app_engine.begin() as con:  # the same row dated now is taken: it was the date that was refused
        con.execute(sa.insert(access_log).values(**_next_row(app_engine, dt.datetime.now(dt.UTC))))
    assert _count(app_engine) == 4


def test_insert_out_of_sequence_is_refused(app_engine):
    _filled(app_engine)
    now = dt.datetime.now(dt.UTC)
    plain = dict(at=now, username="x", event="view")
    _refused(app_engine, sa.insert(access_log).values(**plain))  # outside the chain
    row = _next_row(app_engine, now)
    _refused(app_engine, sa.insert(access_log).values(**{**row, "seq": row["seq"] + 1}))  # a gap
    _refused(app_engine, sa.insert(access_log).values(**{**row, "prev_hash": "f" * 64}))  # not after the newest
    assert _count(app_engine) == 3


def test_the_purge_flag_cannot_delete_recent_rows(app_engine):
    _filled(app_engine)
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), app_engine.begin() as con:
        cutoff = stored_time(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1), con.dialect.name)
        con.execute(sa.insert(app_meta).values(key=PURGE_KEY, value=cutoff))
        con.execute(sa.delete(access_log))
    assert _count(app_engine) == 3


def test_retention_purge_deletes_only_old_rows_and_is_logged(app_db_url):
    engine = make_engine(app_db_url)
    migrate(engine, "0002")  # rows from before the chain, dated in the past as only a past could have written them
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    with engine.begin() as con:
        for i in range(2):
            con.execute(sa.insert(access_log).values(at=old + dt.timedelta(minutes=i), username="lama", event="view"))
        con.execute(sa.insert(access_log).values(at=dt.datetime.now(dt.UTC), username="baru", event="view"))
    migrate(engine)
    assert access.verify_log(engine) == []  # the migration chained the rows it found
    _filled(engine, 2)
    assert access.purge(engine, 365) == 2
    rows = access.entries(engine)
    assert [r["username"] for r in rows if r["event"] == "view"] == ["ani", "ani", "baru"]
    purge = rows[0]
    assert purge["event"] == "purge" and purge["rows"] == 2 and purge["detail"]["through_seq"] == 2
    assert access.verify_log(engine) == []
    with engine.connect() as con:  # the flag lived only inside the purge's transaction
        assert con.execute(sa.select(app_meta).where(app_meta.c.key == PURGE_KEY)).first() is None
    engine.dispose()


def _bypass_triggers(engine: sa.Engine) -> None:
    """What someone with the database owner's rights could do: switch the guards off."""
    with engine.begin() as con:
        if con.dialect.name == "postgresql":
            con.exec_driver_sql("ALTER TABLE access_log DISABLE TRIGGER access_log_guard")
        else:
            for name in ("access_log_no_update", "access_log_no_delete", "access_log_in_order"):
                con.exec_driver_sql(f"DROP TRIGGER {name}")


def test_chain_shows_rows_removed_altered_or_slipped_in(app_engine, app_db_url, monkeypatch, capsys):
    _filled(app_engine, 5)
    monkeypatch.setenv("KINERJA_APP_DB", app_db_url)
    assert cli(["verify-log"]) == 0 and "ok" in capsys.readouterr().out
    _bypass_triggers(app_engine)
    with app_engine.begin() as con:
        con.execute(sa.delete(access_log).where(access_log.c.seq == 2))
        con.execute(sa.update(access_log).where(access_log.c.seq == 4).values(username="orang-lain"))
    found = {(p["seq"], p["problem"]) for p in access.verify_log(app_engine)}
    assert {(3, "missing_before"), (3, "broken_link"), (4, "altered")} <= found
    with app_engine.begin() as con:  # the newest row gone as well
        con.execute(sa.delete(access_log).where(access_log.c.seq == 5))
    assert (5, "missing_after") in {(p["seq"], p["problem"]) for p in access.verify_log(app_engine)}
    assert cli(["verify-log"]) == 1
    assert "seq 4: altered" in capsys.readouterr().out


def test_concurrent_appends_keep_one_chain(app_engine):
    """Appends from several threads (one process serving many sessions) never fork the chain."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: access.record(app_engine, "view", ANI, rows=i), range(40)))
    assert _count(app_engine) == 40 and access.verify_log(app_engine) == []


def test_log_akses_page_says_when_rows_are_missing(app):  # noqa: F811  (the fixture)
    """The page an admin reads the log on says whether the chain holds, and says so when it doesn't."""
    import os

    from appdb.engine import open_app_db

    engine = open_app_db(os.environ["KINERJA_APP_DB"])
    _filled(engine, 4)
    at = app("log_akses")
    assert not at.error and any("Rantai log utuh" in c.value for c in at.caption)
    _bypass_triggers(engine)
    with engine.begin() as con:
        con.execute(sa.delete(access_log).where(access_log.c.seq == 2))
    at = app("log_akses")
    assert any("Rantai log rusak" in e.value for e in at.error)


def test_a_lost_head_row_is_rebuilt_and_the_chain_goes_on(app_engine):
    _filled(app_engine, 2)
    with app_engine.begin() as con:
        con.execute(sa.delete(app_meta).where(app_meta.c.key == "access_log_head"))
    _filled(app_engine, 2)  # pages keep logging
    assert _count(app_engine) == 4 and access.verify_log(app_engine) == []
