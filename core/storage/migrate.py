"""Alembic migrations run from code: on every start and by ``app.py db upgrade``.

Alembic is imported only when the schema is behind: the start-up path reads
the revision with one query and compares it to :data:`SCHEMA_HEAD` (a test
keeps that constant equal to the newest migration), which keeps ~0.3 s of
imports out of every start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions (tests/core/storage/test_engine.py checks it).
SCHEMA_HEAD = "0024"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The schema's revision, in one query on a migrated database (the start-up path)."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            # No table yet (a new database): asking the catalogue first would cost every start a second query.
            connection.rollback()
            if inspect(connection).has_table("alembic_version"):
                raise
            return None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a no-op when it is already there."""
    if revision == "head" and current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
