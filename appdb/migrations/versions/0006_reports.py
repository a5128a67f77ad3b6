"""Reports: the SKM follow-up plans units publish (PermenPANRB 14/2017), report subscriptions, and the trail of
each scheduled delivery (sent, failed and retried, refused), and the alerts raised
after loads (each fires once per crossing, until it clears).

Revision ID: 0006
Revises: 0003 (on merge: the newest revision before this one)
"""

import sqlalchemy as sa
from alembic import op

from appdb.append_only import protect, unprotect

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "skm_tindak_lanjut",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("lokasi", sa.String(64), nullable=False),
        sa.Column("unit_layanan", sa.String(200), nullable=False),
        sa.Column("periode", sa.String(16), nullable=False),
        sa.Column("rencana", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_by_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_skm_tindak_lanjut"),
    )
    op.create_index("ix_skm_tindak_lanjut_unit", "skm_tindak_lanjut", ["lokasi", "unit_layanan", "periode"])
    op.create_table(
        "report_subscriptions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("laporan", sa.String(32), nullable=False),
        sa.Column("filters", sa.JSON, nullable=False, server_default="{}"),
        sa.Column("lang", sa.String(2), nullable=False, server_default="id"),
        sa.Column("jadwal", sa.String(16), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_version", sa.String(200), nullable=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.CheckConstraint("jadwal IN ('mingguan', 'bulanan', 'setelah_muat')", name="ck_report_subscriptions_jadwal"),
        sa.PrimaryKeyConstraint("id", name="pk_report_subscriptions"),
    )
    op.create_index("ix_report_subscriptions_username", "report_subscriptions", ["username"])
    op.create_table(
        "report_deliveries",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("subscription_id", BigId, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("detail", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_report_deliveries"),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["report_subscriptions.id"], name="fk_report_deliveries_subscription_id_report_subscriptions"
        ),
    )
    op.create_index("ix_report_deliveries_subscription_id", "report_deliveries", ["subscription_id"])
    op.create_table(
        "report_alerts",
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("lokasi", sa.String(64), nullable=True),
        sa.Column("opd", sa.String(200), nullable=True),
        sa.Column("text_id", sa.Text, nullable=False),
        sa.Column("text_en", sa.Text, nullable=False),
        sa.Column("link", sa.String(64), nullable=False),
        sa.Column("restricted", sa.Boolean, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_report_alerts"),
    )
    protect("skm_tindak_lanjut", refuse_delete=True)


def downgrade() -> None:
    unprotect("skm_tindak_lanjut")
    op.drop_table("report_alerts")
    op.drop_table("report_deliveries")
    op.drop_table("report_subscriptions")
    op.drop_table("skm_tindak_lanjut")
