"""The draft list's text search, one meaning on both databases, answered by a trigram index (migration 0022).

The meaning is SQLite's ``LIKE '%…%'``: the words anywhere in the title or the
text, ASCII letters in either case, every other character (Japanese, accented
letters, full-width Latin) exactly as typed, ``%`` and ``_`` literal.

* SQLite: ``draft_search``, an FTS5 table with the trigram tokenizer over
  ``title || char(10) || text``, kept by triggers, finds the candidates by
  ``MATCH`` on the query as one phrase; the LIKE on the draft's own columns
  then decides (the tokenizer folds more than ASCII case, and a phrase may
  span the line between title and text).
* PostgreSQL: a GIN trigram index (pg_trgm) on each column, under the "C"
  collation, answers ``ILIKE … COLLATE "C"`` with a recheck of its own: in
  the C collation ILIKE folds ASCII only, as SQLite's LIKE does, where the
  database's own collation (C.UTF-8, ja_JP …) would also fold Ａ and ａ.

A query of one or two characters has no trigram: both databases scan, the
PostgreSQL index being kept out of it (a GIN scan without trigrams reads the
whole index to return every row, dearer than the scan).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, column, literal, literal_column, or_, select, table
from sqlalchemy.orm import QueryableAttribute, Session

#: A column as the models give it, or an expression.
Column = ColumnElement[Any] | QueryableAttribute[Any]

#: The SQLite FTS5 table (its rowid is the draft's id) and its triggers; the PostgreSQL indexes.
SQLITE_TABLE = "draft_search"
SQLITE_TRIGGERS = ("draft_search_insert", "draft_search_update", "draft_search_delete")
POSTGRES_INDEXES = ("ix_draft_title_trgm", "ix_draft_text_trgm")
#: Fewer characters than this make no trigram: the query scans.
TRIGRAM = 3

_FTS = table(SQLITE_TABLE, column("rowid"))


def is_search_object(name: str | None) -> bool:
    """Whether ``name`` is one of the search's own tables or indexes (the models do not describe them)."""
    return name is not None and (
        name == SQLITE_TABLE or name.startswith(SQLITE_TABLE + "_") or name in POSTGRES_INDEXES
    )


def escape_like(words: str) -> str:
    """``words`` as a LIKE pattern matching them literally anywhere, with ``/`` as the escape character."""
    escaped = words.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def _dialect(session: Session) -> str:
    """Which database the session speaks to (the storage layer is the one place that asks)."""
    return session.get_bind().dialect.name


def fts_phrase(words: str) -> str:
    """``words`` as one FTS5 phrase: every character literal, a double quote doubled."""
    return '"' + words.replace('"', '""') + '"'


def contains(session: Session, target: Column, words: str) -> ColumnElement[bool]:
    """``target`` holds ``words`` (ASCII case aside), on a column no index answers (an account's name)."""
    pattern = escape_like(words)
    if _dialect(session) == "postgresql":
        return target.collate("C").ilike(pattern, escape="/")
    return target.like(pattern, escape="/")


def text_found(session: Session, draft_id: Column, title: Column, body: Column, words: str) -> ColumnElement[bool]:
    """The draft's title or text holds ``words``: the trigram index where it can answer, a scan where not."""
    pattern = escape_like(words)
    indexed = len(words) >= TRIGRAM
    dialect = _dialect(session)
    if dialect == "postgresql":
        if not indexed:
            # An expression the indexes are not on: the planner scans instead of reading a GIN index whole.
            title = title.op("||")(literal_column("''"))
            body = body.op("||")(literal_column("''"))
        return or_(
            title.collate("C").ilike(pattern, escape="/"),
            body.collate("C").ilike(pattern, escape="/"),
        )
    found = or_(title.like(pattern, escape="/"), body.like(pattern, escape="/"))
    if not indexed:
        return found
    matched = select(_FTS.c.rowid).where(literal_column(SQLITE_TABLE).op("MATCH")(literal(fts_phrase(words))))
    return and_(draft_id.in_(matched), found)
