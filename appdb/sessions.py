"""Signed-in browser sessions: a signed, expiring token (kept in a cookie, so a refresh or a second tab stays
signed in) whose server-side row can be revoked.

A token is `id.expiry.signature`, the signature an HMAC of the rest under the installation's signing secret; the
database keeps only a hash of the id. A token is honoured while its row is not revoked, not expired, not idle
past the limit, and, for an account, while the account is active and its `session_version` is the one the
session began with: disabling an account, changing its role, scope or NIP, or resetting its password moves the
version on and so ends every session it has, at that session's next check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import asdict, dataclass, fields

import sqlalchemy as sa

from appdb.principal import Principal
from appdb.tables import auth_sessions, users


@dataclass(frozen=True)
class Check:
    """A token's state: `status` ok, idle, revoked, expired or invalid; `who` is the principal it was issued
    to (set unless invalid), `usable` only when ok."""

    status: str
    who: Principal | None = None

    @property
    def usable(self) -> Principal | None:
        return self.who if self.status == "ok" else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t


def _sid_hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def _sign(secret: str, body: str) -> str:
    return hmac.new(secret.encode(), f"session:{body}".encode(), hashlib.sha256).hexdigest()


def issue(engine: sa.Engine, secret: str, who: Principal, hours: float) -> str:
    """A new session for `who`, valid for `hours` at most; returns its token."""
    sid, now = secrets.token_urlsafe(32), _now()
    expires = now + dt.timedelta(hours=hours)
    body = f"{sid}.{int(expires.timestamp())}"
    with engine.begin() as con:
        version = con.execute(
            sa.select(users.c.session_version).where(users.c.username == who.username, users.c.active.is_(True))
        ).scalar()
        con.execute(
            sa.insert(auth_sessions).values(
                sid_hash=_sid_hash(sid),
                username=who.username,
                principal=asdict(who),
                user_version=version,
                created_at=now,
                last_seen=now,
                expires_at=expires,
            )
        )
    return f"{body}.{_sign(secret, body)}"


def _parse(secret: str, token: str | None) -> str | None:
    """The session id of a well-signed, unexpired token, else None."""
    parts = (token or "").split(".")
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    body = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(_sign(secret, body), parts[2]) or int(parts[1]) < _now().timestamp():
        return None
    return parts[0]


def _principal(stored: dict) -> Principal:
    """The principal a session row holds (fields a later version doesn't know are left out)."""
    known = {f.name for f in fields(Principal)}
    values = {k: v for k, v in stored.items() if k in known}
    return Principal(**{**values, "lokasi": tuple(values.get("lokasi") or ()), "opd": tuple(values.get("opd") or ())})


def check(engine: sa.Engine, secret: str, token: str | None, idle_seconds: float, touch: bool = True) -> Check:
    """The token's state now; `touch` records activity (an interaction, not a background check)."""
    sid = _parse(secret, token)
    if sid is None:
        return Check("invalid")
    now = _now()
    with engine.connect() as con:
        row = con.execute(sa.select(auth_sessions).where(auth_sessions.c.sid_hash == _sid_hash(sid))).first()
        if row is None:
            return Check("invalid")
        who = _principal(row.principal)
        account = con.execute(sa.select(users.c.active, users.c.session_version).where(users.c.username == row.username)).first()
    status = _status(row, account, now, idle_seconds)
    if status == "ok" and touch and (now - _aware(row.last_seen)).total_seconds() > min(5.0, idle_seconds / 10 or 5.0):
        with engine.begin() as con:  # at most one write every few seconds per session
            con.execute(sa.update(auth_sessions).where(auth_sessions.c.sid_hash == row.sid_hash).values(last_seen=now))
    return Check(status, who)


def _status(row, account, now: dt.datetime, idle_seconds: float) -> str:
    if row.revoked_at is not None:
        return "revoked"
    if _aware(row.expires_at) <= now:
        return "expired"
    if row.user_version is not None and (account is None or not account.active or account.session_version != row.user_version):
        return "revoked"
    if idle_seconds > 0 and (now - _aware(row.last_seen)).total_seconds() > idle_seconds:
        return "idle"
    return "ok"


def revoke(engine: sa.Engine, secret: str, token: str | None) -> bool:
    """End the token's session (sign-out, idle time-out); True when it was still open."""
    sid = _parse(secret, token)
    if sid is None:
        return False
    with engine.begin() as con:
        done = con.execute(
            sa.update(auth_sessions)
            .where(auth_sessions.c.sid_hash == _sid_hash(sid), auth_sessions.c.revoked_at.is_(None))
            .values(revoked_at=_now())
        )
    return done.rowcount > 0


def purge_ended(engine: sa.Engine, older_than_days: int = 7) -> int:
    """Remove session rows ended (revoked or expired) more than `older_than_days` ago."""
    cutoff = _now() - dt.timedelta(days=older_than_days)
    with engine.begin() as con:
        cond = sa.or_(auth_sessions.c.expires_at < cutoff, auth_sessions.c.revoked_at < cutoff)
        return con.execute(sa.delete(auth_sessions).where(cond)).rowcount
