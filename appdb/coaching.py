"""Coaching cases and awards (SQLAlchemy Core). They live here, never in the warehouse, which each load rebuilds.

Every change needs a migration in appdb/migrations (these came with revision 0002).
"""

from __future__ import annotations

import sqlalchemy as sa

from appdb.tables import BigId, metadata

STATUSES = ("baru", "dijadwalkan", "berjalan", "selesai", "dibatalkan")

# One row per coaching case (bimbingan kinerja) of one employee. `version` grows by one on every change:
# a writer says which version it read, and a stale one is refused (optimistic concurrency).
# lokasi/opd/nama are what the roster said when the case opened (for the record); who may see a case is
# decided by the employee's current roster row in the warehouse.
cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("nip", sa.String(18), nullable=False, index=True),
    sa.Column("nama", sa.String(200), nullable=False, server_default=""),
    sa.Column("lokasi", sa.String(64), nullable=True),
    sa.Column("opd", sa.String(200), nullable=True),
    sa.Column("periode", sa.String(16), nullable=True),  # the coaching-list period the case was opened from
    sa.Column("aturan", sa.JSON, nullable=False, server_default="[]"),  # rules that listed the employee
    sa.Column("fokus", sa.JSON, nullable=False, server_default="[]"),  # weakest indicators / BerAKHLAK values
    sa.Column("coach_nip", sa.String(18), nullable=True, index=True),
    sa.Column("coach_nama", sa.String(200), nullable=True),
    sa.Column("rencana", sa.JSON, nullable=False, server_default="[]"),  # [{"aksi": str, "tanggal": "YYYY-MM-DD"}]
    sa.Column("due_date", sa.Date, nullable=True),
    sa.Column("status", sa.String(16), nullable=False, server_default="baru"),
    sa.Column("alasan_batal", sa.Text, nullable=True),
    sa.Column("hasil", sa.Text, nullable=True),  # the outcome, in words
    sa.Column("opened_by", sa.String(64), nullable=False),
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.CheckConstraint(sa.text("status IN ('baru', 'dijadwalkan', 'berjalan', 'selesai', 'dibatalkan')"), name="status"),
)

# Append-only (triggers refuse UPDATE and DELETE): one row per change of a case, with what it was and became.
case_events = sa.Table(
    "case_events",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("case_id", BigId, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("event", sa.String(32), nullable=False),  # dibuka | status | sesi | hasil | rencana
    sa.Column("before", sa.JSON, nullable=True),
    sa.Column("after", sa.JSON, nullable=True),
    sa.Column("version", sa.Integer, nullable=False),  # the case's version after the change
)

# One row per coaching session held: date, what was discussed, the agreed next step.
case_sessions = sa.Table(
    "case_sessions",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("case_id", BigId, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("tanggal", sa.Date, nullable=False),
    sa.Column("dibahas", sa.Text, nullable=False),
    sa.Column("langkah", sa.Text, nullable=False, server_default=""),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# One row per recognition given (penghargaan): kind, date, by whom.
awards = sa.Table(
    "awards",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("nip", sa.String(18), nullable=False, index=True),
    sa.Column("nama", sa.String(200), nullable=False, server_default=""),
    sa.Column("jenis", sa.String(200), nullable=False),
    sa.Column("tanggal", sa.Date, nullable=False),
    sa.Column("diberikan_oleh", sa.String(200), nullable=False),
    sa.Column("catatan", sa.Text, nullable=True),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
