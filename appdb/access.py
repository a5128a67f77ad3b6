"""The access log: one appended row per sign-in, sign-out, view of personal data, download, upload or user change."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

import sqlalchemy as sa

from appdb.principal import Principal
from appdb.tables import access_log

EVENTS = ("signin", "signin_failed", "signout", "timeout", "view", "profile", "download", "upload", "user_change", "denied")


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
    if event not in EVENTS:
        raise ValueError(f"unknown access-log event {event!r}")
    with engine.begin() as con:
        con.execute(
            sa.insert(access_log).values(
                at=dt.datetime.now(dt.UTC),
                username=who.username if who else username,
                role=who.role if who else None,
                event=event,
                page=page,
                outcome=outcome,
                rows=rows,
                detail=_jsonable(detail),
                session=session,
            )
        )


def entries(
    engine: sa.Engine,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    username: str | None = None,
    events: tuple[str, ...] = (),
    limit: int = 5000,
) -> list[dict]:
    """Log rows, newest first, filtered by time, account and event."""
    q = sa.select(access_log).order_by(access_log.c.at.desc(), access_log.c.id.desc()).limit(limit)
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


def purge(engine: sa.Engine, retention_days: int) -> int:
    """Delete rows older than the retention; returns how many. 0 days keeps everything."""
    if retention_days <= 0:
        return 0
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=retention_days)
    with engine.begin() as con:
        return con.execute(sa.delete(access_log).where(access_log.c.at < cutoff)).rowcount
