"""draft list: a trigram index for the text search

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03 14:05:00

The list's search (the words anywhere in a draft's title or text,
core/storage/search.py) scanned every draft: 0.14–1.9 s at a million
(issue 21). A trigram index answers a substring query of three characters or
more. SQLite: ``draft_search``, a contentless FTS5 table (the draft holds the
text already) with the trigram tokenizer over title and text, kept current by
triggers — a contentless table forgets a row only when told its old text,
which the update and delete triggers pass. PostgreSQL: pg_trgm's GIN
operator class on each column under the "C" collation, the one the search
compares in. The statements are written out here, not taken from
core.storage.search: a migration must keep doing what it did when it ran.

A later migration that rebuilds ``draft`` in SQLite's batch mode drops these
triggers and must create them again (as migrations/triggers.py does for the
append-only ones).
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

BODY_NEW = "new.title || char(10) || new.text"
BODY_OLD = "old.title || char(10) || old.text"


def _sqlite_upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE draft_search USING fts5(body, content='', tokenize='trigram')")
    op.execute(
        "CREATE TRIGGER draft_search_insert AFTER INSERT ON draft BEGIN "
        f"INSERT INTO draft_search(rowid, body) VALUES (new.id, {BODY_NEW}); END"
    )
    op.execute(
        "CREATE TRIGGER draft_search_update AFTER UPDATE OF title, text ON draft BEGIN "
        f"INSERT INTO draft_search(draft_search, rowid, body) VALUES ('delete', old.id, {BODY_OLD}); "
        f"INSERT INTO draft_search(rowid, body) VALUES (new.id, {BODY_NEW}); END"
    )
    op.execute(
        "CREATE TRIGGER draft_search_delete AFTER DELETE ON draft BEGIN "
        f"INSERT INTO draft_search(draft_search, rowid, body) VALUES ('delete', old.id, {BODY_OLD}); END"
    )
    op.execute("INSERT INTO draft_search(rowid, body) SELECT id, title || char(10) || text FROM draft")


def _postgres_upgrade() -> None:
    # In public, where a database's extensions usually live; an earlier install elsewhere is used where it is.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    where = op.get_bind().exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
    )
    schema = where.scalar_one()
    for name in ("title", "text"):
        op.execute(f'CREATE INDEX ix_draft_{name}_trgm ON draft USING gin ({name} COLLATE "C" "{schema}".gin_trgm_ops)')


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _postgres_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("draft_search_delete", "draft_search_update", "draft_search_insert"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE draft_search")
    else:
        # The extension stays: other objects of the database may use it.
        op.drop_index("ix_draft_text_trgm", table_name="draft")
        op.drop_index("ix_draft_title_trgm", table_name="draft")
