"""Alembic environment: always run with a connection handed in by appdb.engine.migrate."""

from alembic import context

from appdb.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through appdb.engine.migrate (python -m appdb migrate).")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
