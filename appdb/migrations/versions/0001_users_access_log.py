"""Users, the access log (append-only) and the key-value store for the signing secret.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from appdb.append_only import protect, unprotect

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("nip", sa.String(18), nullable=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("lokasi", sa.JSON, nullable=False, server_default="[]"),
        sa.Column("opd", sa.JSON, nullable=False, server_default="[]"),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("role IN ('admin', 'pimpinan', 'kepala_opd', 'atasan', 'agregat')", name="ck_users_role"),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_index("ix_users_email", "users", ["email"])
    op.create_index("ix_users_nip", "users", ["nip"])
    op.create_table(
        "access_log",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(64), nullable=True),
        sa.Column("role", sa.String(32), nullable=True),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("page", sa.String(64), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False, server_default="ok"),
        sa.Column("rows", sa.Integer, nullable=True),
        sa.Column("detail", sa.JSON, nullable=True),
        sa.Column("session", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_access_log"),
    )
    op.create_index("ix_access_log_at", "access_log", ["at"])
    op.create_index("ix_access_log_username", "access_log", ["username"])
    op.create_index("ix_access_log_event", "access_log", ["event"])
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_app_meta"),
    )
    protect("access_log", refuse_delete=False)


def downgrade() -> None:
    unprotect("access_log")
    op.drop_table("app_meta")
    op.drop_table("access_log")
    op.drop_table("users")
