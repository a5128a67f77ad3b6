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
    sa.CheckConstraint(sa.text("role IN ('admin', 'pimpinan', 'kepala_opd', 'atasan', 'agregat')"), name="role"),
)

# Append-only (a trigger refuses UPDATE): one row per sign-in, sign-out, view of personal data, download,
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
)

# Small key-value store: the generated signing secret, shared by every dashboard process on one database.
app_meta = sa.Table(
    "app_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
