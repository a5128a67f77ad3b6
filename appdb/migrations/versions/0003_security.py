"""Security that holds: the access log's hash chain and its guards, sessions that can be revoked, sign-in
throttling per account and client, and the command-line-only superadmin role.

- access_log gets `seq`, `prev_hash`, `row_hash` (existing rows are chained in id order) and triggers that refuse
  UPDATE, DELETE (except rows older than the cutoff the retention purge sets inside its own transaction, itself at
  least a day old) and an INSERT that is backdated (older than the newest row, or than now minus five minutes),
  dated ahead, or out of sequence (not the next `seq`, or not naming the newest row's hash).
- users gets `session_version`; the role check admits `superadmin`.
- auth_sessions and signin_throttle are new.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from appdb.log_chain import GENESIS, HEAD_KEY, PURGE_KEY, head_value, row_hash

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MESSAGE = "access_log is append-only"
TOLERANCE = "5 minutes"
OLD_ROLES = "role IN ('admin', 'pimpinan', 'kepala_opd', 'atasan', 'agregat')"
NEW_ROLES = "role IN ('admin', 'pimpinan', 'kepala_opd', 'atasan', 'agregat', 'superadmin')"

_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now', '{shift}')"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
WHEN (SELECT value FROM app_meta WHERE key = '{PURGE_KEY}') IS NULL
  OR OLD.at >= (SELECT value FROM app_meta WHERE key = '{PURGE_KEY}')
  OR (SELECT value FROM app_meta WHERE key = '{PURGE_KEY}') > {_SQLITE_NOW.format(shift="-1 days")}
BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER access_log_in_order BEFORE INSERT ON access_log
WHEN NEW.at < (SELECT MAX(at) FROM access_log)
  OR NEW.at < {_SQLITE_NOW.format(shift="-" + TOLERANCE)}
  OR NEW.at > {_SQLITE_NOW.format(shift="+" + TOLERANCE)}
  OR NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.row_hash IS NULL
  OR (EXISTS (SELECT 1 FROM access_log) AND (
        NEW.seq <> (SELECT MAX(seq) FROM access_log) + 1
        OR NEW.prev_hash <> (SELECT row_hash FROM access_log ORDER BY seq DESC LIMIT 1)))
BEGIN SELECT RAISE(ABORT, '{MESSAGE}: backdated or out of sequence'); END""",
]

PG_FUNCTION = f"""CREATE OR REPLACE FUNCTION access_log_guard() RETURNS trigger AS $$
DECLARE
    last_seq bigint;
    last_hash text;
    last_at timestamptz;
    cutoff text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION '{MESSAGE}';
    END IF;
    IF TG_OP = 'DELETE' THEN
        SELECT value INTO cutoff FROM app_meta WHERE key = '{PURGE_KEY}';
        IF cutoff IS NULL OR OLD.at >= cutoff::timestamptz
           OR cutoff::timestamptz > clock_timestamp() - interval '1 day' THEN
            RAISE EXCEPTION '{MESSAGE}';
        END IF;
        RETURN OLD;
    END IF;
    SELECT seq, row_hash, at INTO last_seq, last_hash, last_at FROM access_log ORDER BY seq DESC LIMIT 1;
    IF NEW.at < clock_timestamp() - interval '{TOLERANCE}' OR NEW.at > clock_timestamp() + interval '{TOLERANCE}'
       OR NEW.at < last_at OR NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.row_hash IS NULL
       OR (last_seq IS NOT NULL AND (NEW.seq <> last_seq + 1 OR NEW.prev_hash IS DISTINCT FROM last_hash)) THEN
        RAISE EXCEPTION '{MESSAGE}: backdated or out of sequence';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql"""


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("session_version", sa.Integer, nullable=False, server_default="1"))
        batch.drop_constraint("ck_users_role", type_="check")
        batch.create_check_constraint(op.f("ck_users_role"), NEW_ROLES)
    op.create_table(
        "auth_sessions",
        sa.Column("sid_hash", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("principal", sa.JSON, nullable=False),
        sa.Column("user_version", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("sid_hash", name="pk_auth_sessions"),
    )
    op.create_index("ix_auth_sessions_username", "auth_sessions", ["username"])
    op.create_table(
        "signin_throttle",
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("username", "client", name="pk_signin_throttle"),
    )
    # the chain is written into existing rows, so the UPDATE guard of 0001 steps aside meanwhile
    if pg:
        op.execute("DROP TRIGGER IF EXISTS access_log_no_update ON access_log")
        op.execute("DROP FUNCTION IF EXISTS access_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS access_log_no_update")
    op.add_column("access_log", sa.Column("seq", sa.BigInteger, nullable=True))
    op.add_column("access_log", sa.Column("prev_hash", sa.String(64), nullable=True))
    op.add_column("access_log", sa.Column("row_hash", sa.String(64), nullable=True))
    _chain_existing_rows(bind)
    op.create_index("uq_access_log_seq", "access_log", ["seq"], unique=True)
    if pg:
        op.execute(PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER access_log_guard BEFORE INSERT OR UPDATE OR DELETE ON access_log "
            "FOR EACH ROW EXECUTE FUNCTION access_log_guard()"
        )
    else:
        op.execute(f"CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def _chain_existing_rows(bind) -> None:
    """Number and chain the rows written before this migration, in the order they were appended."""
    log = sa.table(
        "access_log",
        *(sa.column(c) for c in ("id", "username", "role", "event", "page", "outcome", "rows", "session", "seq")),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("detail", sa.JSON),
        sa.column("prev_hash"),
        sa.column("row_hash"),
    )
    meta = sa.table("app_meta", sa.column("key"), sa.column("value"))
    prev, seq, last_at = GENESIS, 0, None
    for row in bind.execute(sa.select(log).order_by(log.c.id)).mappings().all():
        seq += 1
        values = {**row, "seq": seq}
        digest = row_hash(prev, values)
        bind.execute(sa.update(log).where(log.c.id == row["id"]).values(seq=seq, prev_hash=prev, row_hash=digest))
        prev, last_at = digest, row["at"]
    bind.execute(sa.insert(meta).values(key=HEAD_KEY, value=head_value(seq, prev, last_at)))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS access_log_guard ON access_log")
        op.execute("DROP FUNCTION IF EXISTS access_log_guard()")
    else:
        for name in ("access_log_no_delete", "access_log_in_order", "access_log_no_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("uq_access_log_seq", "access_log")
    with op.batch_alter_table("access_log") as batch:
        for name in ("row_hash", "prev_hash", "seq"):
            batch.drop_column(name)
    from appdb.append_only import protect

    protect("access_log", refuse_delete=False)
    op.execute(sa.text("DELETE FROM app_meta WHERE key = :k").bindparams(k=HEAD_KEY))
    op.drop_table("signin_throttle")
    op.drop_index("ix_auth_sessions_username", "auth_sessions")
    op.drop_table("auth_sessions")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("ck_users_role", type_="check")
        batch.create_check_constraint(op.f("ck_users_role"), OLD_ROLES)
        batch.drop_column("session_version")
