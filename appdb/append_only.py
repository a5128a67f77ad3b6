"""Append-only tables, enforced by the database itself: triggers that refuse UPDATE (and DELETE, unless the
table's retention deletes old rows) for PostgreSQL and SQLite. Used by the migrations."""

from __future__ import annotations

from alembic import op


def _statements(dialect: str, table: str, refuse_delete: bool) -> list[str]:
    message = f"{table} is append-only"
    if dialect == "postgresql":
        events = "UPDATE OR DELETE" if refuse_delete else "UPDATE"
        return [
            f"""CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{message}';
END;
$$ LANGUAGE plpgsql""",
            f"""CREATE TRIGGER {table}_no_update BEFORE {events} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_append_only()""",
        ]
    out = [f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END"]
    if refuse_delete:
        out.append(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END")
    return out


def protect(table: str, refuse_delete: bool) -> None:
    """Make `table` append-only in the migration's database."""
    for statement in _statements(op.get_bind().dialect.name, table, refuse_delete):
        op.execute(statement)


def unprotect(table: str) -> None:
    """Drop what `protect` created (a downgrade; SQLite's triggers go with the table)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")
