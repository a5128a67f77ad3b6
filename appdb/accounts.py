"""Local accounts: argon2 password hashes, a minimum length, lockout after repeated failures."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from appdb.principal import Principal
from appdb.tables import ROLES, app_meta, users

_hasher = PasswordHasher()
# Verifying against this when the account doesn't exist keeps the time the same, so timing can't tell
# which usernames exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


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


def create_user(
    engine: sa.Engine,
    username: str,
    role: str,
    password: str | None,
    policy: Policy,
    *,
    display_name: str = "",
    email: str | None = None,
    nip: str | None = None,
    lokasi=(),
    opd=(),
) -> None:
    """Add an account; `password` None makes a single-sign-on-only account."""
    username = username.strip().lower()
    if not username or role not in ROLES:
        raise AccountError("bad_account", role)
    if password is not None:
        _check_password(password, policy)
    values = dict(
        username=username,
        role=role,
        display_name=display_name or username,
        email=email or None,
        nip=nip or None,
        lokasi=_clean_list(lokasi),
        opd=_clean_list(opd),
        password_hash=_hasher.hash(password) if password is not None else None,
    )
    try:
        with engine.begin() as con:
            con.execute(sa.insert(users).values(**values))
    except sa.exc.IntegrityError as exc:
        raise AccountError("user_exists", username) from exc


def update_user(engine: sa.Engine, username: str, **changes) -> None:
    """Change role, scope, name, e-mail, NIP or active; unknown fields are refused."""
    allowed = {"role", "display_name", "email", "nip", "lokasi", "opd", "active"}
    if set(changes) - allowed:
        raise AccountError("bad_account", ", ".join(sorted(set(changes) - allowed)))
    if "role" in changes and changes["role"] not in ROLES:
        raise AccountError("bad_account", changes["role"])
    for key in ("lokasi", "opd"):
        if key in changes:
            changes[key] = _clean_list(changes[key])
    with engine.begin() as con:
        done = con.execute(sa.update(users).where(users.c.username == username.lower()).values(**changes, updated_at=_now()))
    if done.rowcount == 0:
        raise AccountError("no_such_user", username)


def set_password(engine: sa.Engine, username: str, password: str, policy: Policy) -> None:
    """Reset a password; also lifts a lockout."""
    _check_password(password, policy)
    with engine.begin() as con:
        done = con.execute(
            sa.update(users)
            .where(users.c.username == username.lower())
            .values(password_hash=_hasher.hash(password), failed_attempts=0, locked_until=None, updated_at=_now())
        )
    if done.rowcount == 0:
        raise AccountError("no_such_user", username)


def list_users(engine: sa.Engine) -> list[dict]:
    """Every account without its password hash, by username."""
    cols = [c for c in users.c if c.name != "password_hash"]
    with engine.connect() as con:
        return [dict(r._mapping) for r in con.execute(sa.select(*cols).order_by(users.c.username))]


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


def authenticate(engine: sa.Engine, username: str, password: str, policy: Policy) -> tuple[Principal | None, str]:
    """(principal, "ok") on success, else (None, reason): unknown, disabled, locked, wrong_password."""
    username = username.strip().lower()
    now = _now()
    with engine.begin() as con:
        row = con.execute(sa.select(users).where(users.c.username == username).with_for_update()).first()
        if row is None or row.password_hash is None:
            _verify(_DUMMY_HASH, password)
            return None, "unknown"
        if not row.active:
            return None, "disabled"
        locked = _aware(row.locked_until)
        if locked is not None and locked > now:
            return None, "locked"
        if not _verify(row.password_hash, password):
            failed = row.failed_attempts + 1
            lock = now + dt.timedelta(minutes=policy.lockout_minutes) if failed >= policy.max_failed else None
            con.execute(
                sa.update(users).where(users.c.id == row.id).values(failed_attempts=0 if lock else failed, locked_until=lock)
            )
            return None, "locked" if lock else "wrong_password"
        con.execute(sa.update(users).where(users.c.id == row.id).values(failed_attempts=0, locked_until=None, last_login_at=now))
        return to_principal(row), "ok"


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
