"""Alembic's environment, run by bot.storage.migrations with a connection already open (and
its transaction begun, locked on PostgreSQL): no alembic.ini and no URL of its own."""

from __future__ import annotations

from alembic import context

from bot.storage.migrations import include_name
from bot.storage.models import Base

target_metadata = Base.metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `govbot db upgrade` (bot.storage.migrations), not the alembic CLI")
context.configure(
    connection=connection,
    target_metadata=target_metadata,
    include_name=include_name,
    compare_type=True,
    # SQLite cannot alter or drop most columns in place: batch mode copies the table.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
