"""draft list: the SQLite search index answers queries of one or two characters

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04 18:30:00

A query of one or two characters has no trigram, so it scanned every draft
(1.1-1.6 s at a million when it matches few, issue 21). Every trigram that
starts with the query holds it, and an FTS5 index lists its terms in order
(``fts5vocab``): the terms from the query on are the candidates' trigrams,
with how many drafts hold each. That finds every occurrence only if each is
followed by two more characters, so the indexed body now ends in two line
breaks (``title || char(10) || text || char(10) || char(10)``): the table is
built again with the new body and its triggers written for it. The
statements are written out here, not taken from core.storage.search: a
migration must keep doing what it did when it ran.

PostgreSQL is untouched.
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

TRIGGERS = ("draft_search_insert", "draft_search_update", "draft_search_delete")


def _index(body: str) -> None:
    new, old = body.format(row="new"), body.format(row="old")
    op.execute("CREATE VIRTUAL TABLE draft_search USING fts5(body, content='', tokenize='trigram')")
    op.execute(
        "CREATE TRIGGER draft_search_insert AFTER INSERT ON draft BEGIN "
        f"INSERT INTO draft_search(rowid, body) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER draft_search_update AFTER UPDATE OF title, text ON draft BEGIN "
        f"INSERT INTO draft_search(draft_search, rowid, body) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO draft_search(rowid, body) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER draft_search_delete AFTER DELETE ON draft BEGIN "
        f"INSERT INTO draft_search(draft_search, rowid, body) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(f"INSERT INTO draft_search(rowid, body) SELECT id, {body.format(row='draft')} FROM draft")


def _drop() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE draft_search")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    _index("{row}.title || char(10) || {row}.text || char(10) || char(10)")
    op.execute("CREATE VIRTUAL TABLE draft_search_terms USING fts5vocab(draft_search, 'row')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE draft_search_terms")
    _drop()
    _index("{row}.title || char(10) || {row}.text")
