"""Application-database tables (SQLAlchemy Core). Every change here needs a migration in appdb/migrations."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

ROLES = ("admin", "pimpinan", "kepala_opd", "atasan", "agregat")
# Unrestricted: every place, every account. Made only by the command line (`python -m appdb add-user NAME
# --role superadmin`), never offered by the Akun page (appdb.accounts refuses it to any other actor).
SUPERADMIN = "superadmin"
ALL_ROLES = (*ROLES, SUPERADMIN)

# One row per account. Scope: `lokasi` and `opd` are JSON lists of places/OPDs; an Atasan's scope is the
# nip_atasan chain below `nip`. An account with no scope sees nothing.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("email", sa.String(320), nullable=True, index=True),
    sa.Column("nip", sa.String(18), nullable=True, index=True),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("lokasi", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("opd", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("password_hash", sa.String(255), nullable=True),  # NULL: single sign-on only
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    # Bumped by every change that must end the account's sessions (disabled, role, scope, password).
    sa.Column("session_version", sa.Integer, nullable=False, server_default="1"),
    sa.CheckConstraint(sa.text("role IN ('admin', 'pimpinan', 'kepala_opd', 'atasan', 'agregat', 'superadmin')"), name="role"),
)

# Append-only (triggers refuse UPDATE, DELETE outside the retention purge, and a backdated or out-of-sequence
# INSERT; migration 0003): one row per sign-in, sign-out, view of personal data, download,
# upload or user change. Only the retention purge deletes, and only rows older than the retention setting.
access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("username", sa.String(64), nullable=True, index=True),
    sa.Column("role", sa.String(32), nullable=True),
    sa.Column("event", sa.String(32), nullable=False, index=True),
    sa.Column("page", sa.String(64), nullable=True),
    sa.Column("outcome", sa.String(16), nullable=False, server_default="ok"),
    sa.Column("rows", sa.Integer, nullable=True),
    sa.Column("detail", sa.JSON, nullable=True),  # filters, file name, NIP looked up, fields changed
    sa.Column("session", sa.String(64), nullable=True),
    # The hash chain (migration 0003): seq counts rows without gaps, row_hash = sha256(prev_hash + content).
    sa.Column("seq", sa.BigInteger, nullable=True),
    sa.Column("prev_hash", sa.String(64), nullable=True),
    sa.Column("row_hash", sa.String(64), nullable=True),
    sa.Index("uq_access_log_seq", "seq", unique=True),
)

# One row per signed-in browser session (its token's id as a hash): revoked on sign-out, refused once the
# account's session_version moves on, idle past [auth] idle_minutes or older than [auth] session_hours.
auth_sessions = sa.Table(
    "auth_sessions",
    metadata,
    sa.Column("sid_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("principal", sa.JSON, nullable=False),  # role and scope at sign-in (single sign-on claims too)
    sa.Column("user_version", sa.Integer, nullable=True),  # NULL: a principal from SSO claims, no account row
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
)

# Failed sign-ins per (account name, client): a lock applies to that client only, so a stranger guessing from
# elsewhere cannot lock someone out (names that don't exist are counted the same way).
signin_throttle = sa.Table(
    "signin_throttle",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("client", sa.String(64), primary_key=True),
    sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# Small key-value store: the generated signing secret, shared by every dashboard process on one database.
app_meta = sa.Table(
    "app_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
