"""Local accounts: argon2 password hashes, a minimum length, sign-in throttling per account and client, and
account writes bounded by the acting admin's own places.

Every write takes the acting principal (`actor`) and checks it here, not only in the page's widgets:

- a superadmin (role `superadmin`, made only by the command line) manages every account but a superadmin;
  only the command line (`cli_actor`, or `SYSTEM` for the demo accounts) may create or change a superadmin;
- an admin manages only accounts whose places are all among its own (an account without a place is not one of
  them), and grants only places (and, when it is itself bounded by OPDs, OPDs) it holds; it may make another
  admin that way, so an admin of Bangko can hand Bangko on but never reaches Jambi;
- anyone else manages nothing.

Each write and its access-log row (action, account, role and places given) commit together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from appdb import access
from appdb.principal import Principal
from appdb.tables import ALL_ROLES, SUPERADMIN, app_meta, signin_throttle, users
from domain.places import PLACES

_hasher = PasswordHasher()
# Verifying against this when the account doesn't exist keeps the time the same, so timing can't tell
# which usernames exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")
# Who acts when the application itself writes (demo accounts) and when the command line does.
SYSTEM = Principal("system", SUPERADMIN, "system", source="system")
_TRUSTED_SOURCES = ("cli", "system")
# Demo accounts (appdb.demo) are named so; the name is reserved for the application itself, since every demo
# account is switched off when real data is loaded.
DEMO_PREFIX = "demo-"
# app_meta key written once, in the transaction that makes the first administrator: a second attempt fails on it.
FIRST_ADMIN_KEY = "first_admin"
# Fields whose change ends the account's open sessions (they change what it may see, or whether it may).
_SESSION_FIELDS = ("role", "lokasi", "opd", "nip", "active")


@dataclass(frozen=True)
class Policy:
    """Password and lockout rules (settings [auth])."""

    min_length: int = 10
    max_failed: int = 5
    lockout_minutes: int = 15

    @classmethod
    def from_settings(cls, auth: dict) -> Policy:
        return cls(
            int(auth.get("min_password_length", 10)),
            int(auth.get("max_failed_attempts", 5)),
            int(auth.get("lockout_minutes", 15)),
        )


class AccountError(ValueError):
    """A refused account change; `code` is a key of the UI text table."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def cli_actor(name: str) -> Principal:
    """The command line's principal: unrestricted, and the only one that may make a superadmin."""
    return Principal(f"cli:{name}", SUPERADMIN, name, source="cli")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes (stored as UTC)
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def _check_password(password: str, policy: Policy) -> None:
    if len(password) < policy.min_length:
        raise AccountError("password_too_short", str(policy.min_length))


def _clean_list(values) -> list[str]:
    return sorted({str(v).strip() for v in values or [] if str(v).strip()})


def within(actor: Principal, lokasi, opd) -> bool:
    """Whether places `lokasi` and OPDs `opd` are all the actor's to give (none at all is not)."""
    if actor.unrestricted:
        return True
    if actor.role != "admin" or not actor.lokasi:
        return False
    if not lokasi or not set(lokasi) <= set(actor.lokasi):
        return False
    return not actor.opd or bool(opd) and set(opd) <= set(actor.opd)


def may_manage(actor: Principal, account: Mapping) -> bool:
    """Whether `actor` may see and change `account` (a users row as a mapping)."""
    if account["role"] == SUPERADMIN:
        return actor.unrestricted and actor.source in _TRUSTED_SOURCES
    return actor.is_admin and within(actor, account["lokasi"] or (), account["opd"] or ())


def _check_grant(actor: Principal, role: str, lokasi, opd) -> None:
    if role not in ALL_ROLES:
        raise AccountError("bad_account", role)
    if role == SUPERADMIN and actor.source not in _TRUSTED_SOURCES:
        raise AccountError("not_allowed", role)
    if not within(actor, lokasi, opd):
        raise AccountError("not_allowed", ", ".join(lokasi) or "-")


def _log(con, actor: Principal, action: str, username: str, account: Mapping, context: dict | None, **extra) -> None:
    detail = {"action": action, "user": username, "role": account["role"], "lokasi": list(account["lokasi"] or ())}
    if account.get("opd"):
        detail["opd"] = list(account["opd"])
    access.append(con, "user_change", actor, detail={**detail, **extra}, **(context or {}))


def create_user(
    engine: sa.Engine,
    username: str,
    role: str,
    password: str | None,
    policy: Policy,
    *,
    actor: Principal,
    display_name: str = "",
    email: str | None = None,
    nip: str | None = None,
    lokasi=(),
    opd=(),
    context: dict | None = None,
) -> None:
    """Add an account; `password` None makes a single-sign-on-only account. `context` (page, session) goes
    into the log row."""
    username = username.strip().lower()
    if not username:
        raise AccountError("bad_account", role)
    if username.startswith(DEMO_PREFIX) and actor.source != "system":
        raise AccountError("name_reserved", username)
    values = dict(
        username=username,
        role=role,
        display_name=display_name or username,
        email=email or None,
        nip=nip or None,
        lokasi=_clean_list(lokasi),
        opd=_clean_list(opd),
    )
    _check_grant(actor, role, values["lokasi"], values["opd"])
    if password is not None:
        _check_password(password, policy)
    try:
        with engine.begin() as con:
            con.execute(sa.insert(users).values(**values, password_hash=_hasher.hash(password) if password else None))
            _log(con, actor, "add", username, values, context, **({"nip": nip} if nip else {}))
    except sa.exc.IntegrityError as exc:
        raise AccountError("user_exists", username) from exc


def _managed_row(con, actor: Principal, username: str):
    """The account row, locked for the change; an account outside the actor's reach reads as missing."""
    row = con.execute(sa.select(users).where(users.c.username == username.lower()).with_for_update()).first()
    if row is None or not may_manage(actor, row._mapping):
        raise AccountError("no_such_user", username)
    return row


def update_user(engine: sa.Engine, username: str, *, actor: Principal, context: dict | None = None, **changes) -> dict:
    """Change role, scope, name, e-mail, NIP or active; returns the fields that changed. Unknown fields are
    refused; a change of role, scope, NIP or active ends the account's open sessions."""
    allowed = {"role", "display_name", "email", "nip", "lokasi", "opd", "active"}
    if set(changes) - allowed:
        raise AccountError("bad_account", ", ".join(sorted(set(changes) - allowed)))
    for key in ("lokasi", "opd"):
        if key in changes:
            changes[key] = _clean_list(changes[key])
    with engine.begin() as con:
        row = _managed_row(con, actor, username)
        after = {**row._mapping, **changes}
        _check_grant(actor, after["role"], after["lokasi"], after["opd"])
        changed = {k: v for k, v in changes.items() if row._mapping[k] != v}
        if not changed:
            return {}
        bump = users.c.session_version + (1 if set(changed) & set(_SESSION_FIELDS) else 0)
        con.execute(sa.update(users).where(users.c.id == row.id).values(**changed, updated_at=_now(), session_version=bump))
        action = {"active": "enable" if changed.get("active") else "disable"} if set(changed) == {"active"} else {}
        _log(con, actor, action.get("active", "edit"), row.username, after, context, changed=sorted(changed))
    return changed


def set_password(
    engine: sa.Engine, username: str, password: str, policy: Policy, *, actor: Principal, context: dict | None = None
) -> None:
    """Reset a password: lifts every sign-in lock on the account and ends its open sessions."""
    _check_password(password, policy)
    with engine.begin() as con:
        row = _managed_row(con, actor, username)
        con.execute(
            sa.update(users)
            .where(users.c.id == row.id)
            .values(
                password_hash=_hasher.hash(password),
                failed_attempts=0,
                locked_until=None,
                updated_at=_now(),
                session_version=users.c.session_version + 1,
            )
        )
        con.execute(sa.delete(signin_throttle).where(signin_throttle.c.username == row.username))
        _log(con, actor, "reset_password", row.username, row._mapping, context)


def list_users(engine: sa.Engine, *, actor: Principal) -> list[dict]:
    """The accounts `actor` may manage, without their password hashes, by username."""
    cols = [c for c in users.c if c.name != "password_hash"]
    with engine.connect() as con:
        rows = [dict(r._mapping) for r in con.execute(sa.select(*cols).order_by(users.c.username))]
    return [r for r in rows if may_manage(actor, r)]


def log_visibility(engine: sa.Engine, viewer: Principal) -> tuple[set[str] | None, bool]:
    """Whose access-log rows an admin may read: the accounts it may manage and itself (None: everyone's, for the
    unrestricted role), and whether also rows of names no account has (only an admin holding every place)."""
    if viewer.unrestricted:
        return None, True
    names = {u["username"] for u in list_users(engine, actor=viewer)} | {viewer.username}
    return names, set(PLACES) <= set(viewer.lokasi)


def to_principal(row, source: str = "local") -> Principal:
    """The principal of an account row."""
    return Principal(
        username=row.username,
        role=row.role,
        display_name=row.display_name or row.username,
        lokasi=tuple(row.lokasi or ()),
        opd=tuple(row.opd or ()),
        nip=row.nip,
        source=source,
    )


def find_user(engine: sa.Engine, *, email: str | None = None, nip: str | None = None, username: str | None = None):
    """The active account with this e-mail, NIP or username (first given wins), or None."""
    if username:
        cond = users.c.username == username.lower()
    elif email:
        cond = sa.func.lower(users.c.email) == email.lower()
    elif nip:
        cond = users.c.nip == nip
    else:
        return None
    with engine.connect() as con:
        return con.execute(sa.select(users).where(cond, users.c.active.is_(True))).first()


def authenticate(
    engine: sa.Engine, username: str, password: str, policy: Policy, client: str = "-"
) -> tuple[Principal | None, str]:
    """(principal, "ok") on success, else (None, reason): unknown, disabled, locked, wrong_password.

    Failures are counted per (name, client), for names that exist or not: after `max_failed` in a row that
    client is refused for `lockout_minutes`, even with the right password, while the account's owner signs
    in from elsewhere as usual, so a stranger cannot lock anyone out. Every path verifies one argon2 hash, so
    the time taken doesn't tell which of these happened; the reason is for the log only (the page says the
    same thing for all of them)."""
    username = username.strip().lower()[:64]
    client = (client or "-")[:64]
    now = _now()
    with engine.begin() as con:
        key = (signin_throttle.c.username == username) & (signin_throttle.c.client == client)
        throttle = con.execute(sa.select(signin_throttle).where(key).with_for_update()).first()
        row = con.execute(sa.select(users).where(users.c.username == username)).first()
        locked = throttle is not None and (_aware(throttle.locked_until) or now) > now
        has_hash = row is not None and row.password_hash is not None
        good = _verify(row.password_hash if has_hash else _DUMMY_HASH, password) and has_hash
        if locked:
            return None, "locked"
        reason = "unknown" if not has_hash else "disabled" if not row.active else None if good else "wrong_password"
        if reason is None:
            con.execute(sa.delete(signin_throttle).where(key))
            con.execute(sa.update(users).where(users.c.id == row.id).values(last_login_at=now))
            return to_principal(row), "ok"
        return None, _count_failure(con, throttle, username, client, policy, now) or reason


def _count_failure(con, throttle, username: str, client: str, policy: Policy, now: dt.datetime) -> str | None:
    """Count one failed attempt of this client on this name; "locked" when it locks them out."""
    failed = (throttle.failed_attempts if throttle is not None else 0) + 1
    lock = now + dt.timedelta(minutes=policy.lockout_minutes) if failed >= policy.max_failed else None
    values = dict(failed_attempts=0 if lock else failed, locked_until=lock, updated_at=now)
    if throttle is None:
        con.execute(sa.insert(signin_throttle).values(username=username, client=client, **values))
    else:
        key = (signin_throttle.c.username == username) & (signin_throttle.c.client == client)
        con.execute(sa.update(signin_throttle).where(key).values(**values))
    # rows of names nobody tried for a day go, so guessed names don't pile up
    stale = now - dt.timedelta(days=1)
    con.execute(sa.delete(signin_throttle).where(signin_throttle.c.updated_at < stale))
    return "locked" if lock else None


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def signing_secret(engine: sa.Engine) -> str:
    """The installation's signing secret: generated on first start, shared by every process on this database."""
    with engine.begin() as con:
        found = con.execute(sa.select(app_meta.c.value).where(app_meta.c.key == "signing_secret")).scalar()
        if found:
            return found
        value = secrets.token_urlsafe(48)
        try:
            with con.begin_nested():
                con.execute(sa.insert(app_meta).values(key="signing_secret", value=value))
        except sa.exc.IntegrityError:  # another process won the race
            pass
        return con.execute(sa.select(app_meta.c.value).where(app_meta.c.key == "signing_secret")).scalar_one()


def _real(col=users.c.username):
    return ~col.startswith(DEMO_PREFIX)


def real_account_count(engine: sa.Engine) -> int:
    """How many accounts exist that are not demo accounts (active or not)."""
    with engine.connect() as con:
        return con.execute(sa.select(sa.func.count()).select_from(users).where(_real())).scalar_one()


def real_admin_exists(engine: sa.Engine) -> bool:
    """Whether an active administrator that is not a demo account exists (someone who can sign in once the
    demo accounts are switched off)."""
    cond = _real() & users.c.active.is_(True) & users.c.role.in_(("admin", SUPERADMIN))
    with engine.connect() as con:
        return con.execute(sa.select(users.c.id).where(cond).limit(1)).first() is not None


def first_run_open(engine: sa.Engine) -> bool:
    """Whether the sign-in page may offer to make the first administrator: no real account exists, and no
    first administrator was ever made that way."""
    with engine.connect() as con:
        done = con.execute(sa.select(app_meta.c.key).where(app_meta.c.key == FIRST_ADMIN_KEY)).first()
    return done is None and real_account_count(engine) == 0


def setup_code(secret: str) -> str:
    """The one-time code the first-run form asks for: derived from the installation's signing secret, written
    to the server's log only, so only whoever runs the server can make the first administrator."""
    digest = hmac.new(secret.encode(), b"first-admin", hashlib.sha256).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}-{digest[8:12]}"


def create_first_admin(
    engine: sa.Engine,
    username: str,
    password: str,
    policy: Policy,
    *,
    code: str,
    secret: str,
    display_name: str = "",
    context: dict | None = None,
) -> Principal:
    """Make the first administrator: an admin of every place (a superadmin only ever comes from the command
    line). Refused unless `code` is the setup code and no real account exists. The marker row, the account and
    its log row commit together, so of two people racing only one succeeds (the other gets "first_run_closed")."""
    username = username.strip().lower()
    if not hmac.compare_digest(code.strip().upper(), setup_code(secret)):
        raise AccountError("setup_code_wrong")
    if not username or username.startswith(DEMO_PREFIX):
        raise AccountError("name_reserved" if username else "bad_account", username)
    _check_password(password, policy)
    values = dict(username=username, role="admin", display_name=display_name.strip() or username, lokasi=list(PLACES), opd=[])
    who = Principal(username, "admin", values["display_name"], lokasi=tuple(PLACES), source="first_run")
    try:
        with engine.begin() as con:
            # the marker first: it takes the write lock (SQLite) or blocks a racing insert (PostgreSQL) until commit
            con.execute(sa.insert(app_meta).values(key=FIRST_ADMIN_KEY, value=username))
            if con.execute(sa.select(sa.func.count()).select_from(users).where(_real())).scalar_one():
                raise AccountError("first_run_closed")
            con.execute(sa.insert(users).values(**values, nip=None, email=None, password_hash=_hasher.hash(password)))
            _log(con, who, "first_admin", username, values, context)
    except sa.exc.IntegrityError as exc:
        raise AccountError("first_run_closed") from exc
    return who
