"""Alembic environment: always run with a connection handed over by core.storage.migrate."""

from __future__ import annotations

from alembic import context

from core.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through core.storage.migrate
    raise RuntimeError("run migrations through `app.py db upgrade` (core.storage.migrate)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode rebuilds tables instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
