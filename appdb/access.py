"""The access log: one appended row per sign-in, sign-out, view of personal data, download, upload or user change.

Rows are chained (`appdb.log_chain`) and guarded by the database (migration 0003): no UPDATE, no DELETE but the
retention purge's, no backdated or out-of-sequence INSERT. Appends are serial: each first locks the head row in
app_meta, then writes the next `seq` with the previous row's hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

import sqlalchemy as sa

from appdb.log_chain import GENESIS, HEAD_KEY, PURGE_KEY, head_value, parse_head, row_hash, stored_time, utc, verify
from appdb.principal import Principal
from appdb.tables import access_log, app_meta, users

EVENTS = (
    "signin",
    "signin_failed",
    "signout",
    "timeout",
    "view",
    "profile",
    "download",
    "upload",
    "user_change",
    "denied",
    "purge",
    # reports (issue 23): a report sent by the scheduler (or refused), a subscription changed, an SKM plan saved
    "report_sent",
    "subscription",
    "skm_plan",
)


def _jsonable(detail: dict | None) -> dict | None:
    if detail is None:
        return None
    return json.loads(json.dumps(detail, default=str))


def session_tag(secret: str, session_id: str) -> str:
    """A stable, non-reversible tag for a session (the log never holds a live session id)."""
    return hmac.new(secret.encode(), session_id.encode(), hashlib.sha256).hexdigest()[:16]


def record(
    engine: sa.Engine,
    event: str,
    who: Principal | None,
    *,
    username: str | None = None,
    page: str | None = None,
    outcome: str = "ok",
    rows: int | None = None,
    detail: dict | None = None,
    session: str | None = None,
) -> None:
    """Append one row. `username` names the account tried when nobody is signed in (failed sign-ins)."""
    with engine.begin() as con:
        append(con, event, who, username=username, page=page, outcome=outcome, rows=rows, detail=detail, session=session)


def append(
    con: sa.Connection,
    event: str,
    who: Principal | None,
    *,
    username: str | None = None,
    page: str | None = None,
    outcome: str = "ok",
    rows: int | None = None,
    detail: dict | None = None,
    session: str | None = None,
) -> None:
    """`record` inside the caller's transaction (an account change and its log row commit together)."""
    if event not in EVENTS:
        raise ValueError(f"unknown access-log event {event!r}")
    # the write lock first (SQLite takes it with the first write, PostgreSQL locks the row): nobody else can
    # append between reading the head and writing the row after it
    locked = con.execute(sa.update(app_meta).where(app_meta.c.key == HEAD_KEY).values(value=app_meta.c.value)).rowcount
    if not locked:
        _restore_head(con)
    seq, prev, last_at = parse_head(con.execute(sa.select(app_meta.c.value).where(app_meta.c.key == HEAD_KEY)).scalar())
    now = dt.datetime.now(dt.UTC)
    values = dict(
        seq=seq + 1,
        at=max(now, last_at) if last_at is not None else now,  # never before the newest row (clocks of several servers)
        username=who.username if who else username,
        role=who.role if who else None,
        event=event,
        page=page,
        outcome=outcome,
        rows=rows,
        detail=_jsonable(detail),
        session=session,
    )
    digest = row_hash(prev, values)
    con.execute(sa.insert(access_log).values(**values, prev_hash=prev, row_hash=digest))
    new_head = head_value(seq + 1, digest, values["at"])
    con.execute(sa.update(app_meta).where(app_meta.c.key == HEAD_KEY).values(value=new_head))


def _restore_head(con: sa.Connection) -> None:
    """Write the head row again from the newest row (it went missing): the chain goes on from there, and the
    log keeps being written rather than every page failing; verify-log still reports what is missing."""
    last = con.execute(
        sa.select(access_log.c.seq, access_log.c.row_hash, access_log.c.at).order_by(access_log.c.seq.desc()).limit(1)
    ).first()
    value = head_value(last.seq, last.row_hash, utc(last.at)) if last is not None and last.seq else head_value(0, GENESIS, None)
    con.execute(sa.insert(app_meta).values(key=HEAD_KEY, value=value))


def entries(
    engine: sa.Engine,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    username: str | None = None,
    events: tuple[str, ...] = (),
    limit: int = 5000,
    names: set[str] | None = None,
    unknown: bool = True,
) -> list[dict]:
    """Log rows, newest first, filtered by time, account and event; `names` (from accounts.log_visibility): only
    the rows of these accounts, and with `unknown` also those of names no account has."""
    q = sa.select(access_log).order_by(access_log.c.at.desc(), access_log.c.id.desc()).limit(limit)
    if names is not None:
        seen = access_log.c.username.in_(sorted(names))
        if unknown:  # names no account has (failed sign-ins with a made-up name): an admin of every place
            known = sa.select(users.c.username)
            seen = seen | access_log.c.username.is_(None) | access_log.c.username.not_in(known)
        q = q.where(seen)
    if since is not None:
        q = q.where(access_log.c.at >= since)
    if until is not None:
        q = q.where(access_log.c.at < until)
    if username:
        q = q.where(access_log.c.username == username.lower())
    if events:
        q = q.where(access_log.c.event.in_(events))
    with engine.connect() as con:
        return [dict(r._mapping) for r in con.execute(q)]


def purge(engine: sa.Engine, retention_days: int, who: Principal | None = None) -> int:
    """Delete rows older than the retention and log that it did; returns how many. 0 days keeps everything.

    The DELETE trigger lets rows go only while the cutoff is set in app_meta, which happens here, inside this
    one transaction, together with the row that records the purge (how many, up to which seq, up to when)."""
    if retention_days <= 0:
        return 0
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=max(retention_days, 1))
    with engine.begin() as con:
        gone = con.execute(sa.select(sa.func.count(), sa.func.max(access_log.c.seq)).where(access_log.c.at < cutoff)).one()
        if not gone[0]:
            return 0
        con.execute(sa.insert(app_meta).values(key=PURGE_KEY, value=stored_time(cutoff, con.dialect.name)))
        n = con.execute(sa.delete(access_log).where(access_log.c.at < cutoff)).rowcount
        con.execute(sa.delete(app_meta).where(app_meta.c.key == PURGE_KEY))
        detail = {"before": cutoff.isoformat(timespec="seconds"), "through_seq": gone[1], "retention_days": retention_days}
        append(con, "purge", who, username=None if who else "system", rows=n, detail=detail)
        return n


def head(engine: sa.Engine) -> str | None:
    """The newest row's "seq|hash|at" (changes with every append)."""
    with engine.connect() as con:
        return con.execute(sa.select(app_meta.c.value).where(app_meta.c.key == HEAD_KEY)).scalar()


def count(engine: sa.Engine) -> int:
    """How many rows the log holds."""
    with engine.connect() as con:
        return con.execute(sa.select(sa.func.count()).select_from(access_log)).scalar_one()


def verify_log(engine: sa.Engine) -> list[dict]:
    """Breaks in the access log's chain (missing, altered or inserted rows); empty when it holds."""
    with engine.connect() as con:
        rows = [dict(r._mapping) for r in con.execute(sa.select(access_log).order_by(access_log.c.seq, access_log.c.id))]
        head = con.execute(sa.select(app_meta.c.value).where(app_meta.c.key == HEAD_KEY)).scalar()
    for row in rows:
        row["at"] = utc(row["at"])
    purges = [r for r in rows if r["event"] == "purge" and r["detail"] and r["detail"].get("through_seq")]
    purged_through = max((r["detail"]["through_seq"] for r in purges), default=None)
    return verify(rows, purged_through, parse_head(head)[0])
