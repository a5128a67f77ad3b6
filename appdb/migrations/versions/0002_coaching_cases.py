"""Coaching cases, their append-only event trail, session notes, and awards given.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from appdb.append_only import protect, unprotect

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("nip", sa.String(18), nullable=False),
        sa.Column("nama", sa.String(200), nullable=False, server_default=""),
        sa.Column("lokasi", sa.String(64), nullable=True),
        sa.Column("opd", sa.String(200), nullable=True),
        sa.Column("periode", sa.String(16), nullable=True),
        sa.Column("aturan", sa.JSON, nullable=False, server_default="[]"),
        sa.Column("fokus", sa.JSON, nullable=False, server_default="[]"),
        sa.Column("coach_nip", sa.String(18), nullable=True),
        sa.Column("coach_nama", sa.String(200), nullable=True),
        sa.Column("rencana", sa.JSON, nullable=False, server_default="[]"),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(16), nullable=False, server_default="baru"),
        sa.Column("alasan_batal", sa.Text, nullable=True),
        sa.Column("hasil", sa.Text, nullable=True),
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.CheckConstraint("status IN ('baru', 'dijadwalkan', 'berjalan', 'selesai', 'dibatalkan')", name="ck_cases_status"),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
    )
    op.create_index("ix_cases_nip", "cases", ["nip"])
    op.create_index("ix_cases_coach_nip", "cases", ["coach_nip"])
    op.create_table(
        "case_events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("case_id", BigId, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("before", sa.JSON, nullable=True),
        sa.Column("after", sa.JSON, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_events"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_events_case_id_cases"),
    )
    op.create_index("ix_case_events_case_id", "case_events", ["case_id"])
    op.create_table(
        "case_sessions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("case_id", BigId, nullable=False),
        sa.Column("tanggal", sa.Date, nullable=False),
        sa.Column("dibahas", sa.Text, nullable=False),
        sa.Column("langkah", sa.Text, nullable=False, server_default=""),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_sessions"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_sessions_case_id_cases"),
    )
    op.create_index("ix_case_sessions_case_id", "case_sessions", ["case_id"])
    op.create_table(
        "awards",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("nip", sa.String(18), nullable=False),
        sa.Column("nama", sa.String(200), nullable=False, server_default=""),
        sa.Column("jenis", sa.String(200), nullable=False),
        sa.Column("tanggal", sa.Date, nullable=False),
        sa.Column("diberikan_oleh", sa.String(200), nullable=False),
        sa.Column("catatan", sa.Text, nullable=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_awards"),
    )
    op.create_index("ix_awards_nip", "awards", ["nip"])
    protect("case_events", refuse_delete=True)


def downgrade() -> None:
    unprotect("case_events")
    op.drop_table("awards")
    op.drop_table("case_sessions")
    op.drop_table("case_events")
    op.drop_table("cases")
