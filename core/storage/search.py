"""The draft list's text search, one meaning on both databases, answered by a trigram index (migrations 0022, 0024).

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
  Words without an ASCII letter are matched with ``LIKE``: the same answer,
  without lower-casing every row.

A query of one or two characters has no trigram. On SQLite the index still
answers it when it is rare: every occurrence starts a trigram (the body ends
in two line breaks, migration 0024), and ``draft_search_terms`` (fts5vocab)
lists the trigrams from the query on with how many drafts hold each; when
they are few (:data:`SHORT_CANDIDATES`), the candidates are the drafts
holding any of them. When they are many, walking the list's order meets
matches within a few rows, and the query scans. A query with a letter other
than ASCII that has a case (É, Ａ) scans too: the tokenizer folds those its
own way. PostgreSQL scans or walks the list's order by the column's statistics,
its index kept out of it (a GIN scan without trigrams reads the whole index to
return every row, dearer than the scan: :func:`_postgres_like`). A
GIN index on an expression listing each draft's one- and two-character
pieces was tried: any plan not reading it computes the expression per row
(a common query's count took 126 s at a million).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, column, literal, literal_column, or_, select, table
from sqlalchemy.orm import QueryableAttribute, Session

#: A column as the models give it, or an expression.
Column = ColumnElement[Any] | QueryableAttribute[Any]

#: The SQLite FTS5 table (its rowid is the draft's id) and its triggers; the PostgreSQL indexes.
SQLITE_TABLE = "draft_search"
#: Its terms, for queries of one or two characters (migration 0024).
SQLITE_TERMS = "draft_search_terms"
SQLITE_TRIGGERS = ("draft_search_insert", "draft_search_update", "draft_search_delete")
POSTGRES_INDEXES = ("ix_draft_title_trgm", "ix_draft_text_trgm")
#: Fewer characters than this make no trigram: the query scans.
TRIGRAM = 3
#: At most this many drafts holding the trigrams a short query starts, summed over them, for the index to
#: answer it; beyond, as many drafts or more hold the query and the list's order meets them soon.
SHORT_CANDIDATES = 20_000
#: At most this many trigrams in the index's query (a common character starts thousands).
SHORT_TERMS = 500
#: A short query held by this many of the first SAMPLE drafts is common (1 in 500: the first page is met
#: within some 100,000 drafts of the order); the index is not asked.
SAMPLE = 5_000
COMMON = 10

_FTS = table(SQLITE_TABLE, column("rowid"))
_TERMS = table(SQLITE_TERMS, column("term"), column("doc"))
#: Above every character: the end of the terms starting with a prefix.
_LAST = "\U0010ffff" * TRIGRAM


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
        return or_(_postgres_like(title, pattern, words, indexed), _postgres_like(body, pattern, words, indexed))
    found = or_(title.like(pattern, escape="/"), body.like(pattern, escape="/"))
    if indexed:
        query = fts_phrase(words)
    else:
        terms = _short_terms(session, draft_id, title, body, words)
        if terms is None:
            return found
        if not terms:
            return literal(False)
        query = " OR ".join(fts_phrase(term) for term in terms)
    matched = select(_FTS.c.rowid).where(literal_column(SQLITE_TABLE).op("MATCH")(literal(query)))
    return and_(draft_id.in_(matched), found)


def _postgres_like(target: Column, pattern: str, words: str, indexed: bool) -> ColumnElement[bool]:
    """``target`` matches ``pattern``, ASCII letters in either case.

    Without an ASCII letter in the words the case cannot matter, and LIKE says the same as ILIKE at
    half the cost: ILIKE lower-cases every row's whole text first (a scan of a million drafts, 370 ms
    against 215). LIKE compares characters whatever the collation, so a query too short for a
    trigram is left in the column's own, where the trigram indexes (made under "C") cannot answer it:
    the planner weighs the column's statistics and either walks the list's order (a common query's
    first page in 2 ms) or scans (a rare one), never the GIN index read whole. With an ASCII letter
    the C collation stays (only ASCII folds); a GIN index with no trigram to look up is costed far
    above the scan there, and the statistics still apply.
    """
    if any(c.isascii() and c.isalpha() for c in words):
        return target.collate("C").ilike(pattern, escape="/")
    if not indexed:
        return target.like(pattern, escape="/")
    return target.collate("C").like(pattern, escape="/")


def _ascii_lower(words: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in words)


def _short_terms(session: Session, draft_id: Column, title: Column, body: Column, words: str) -> list[str] | None:
    """The trigrams of the index that start with ``words`` (shorter than one), or ``None`` where a scan is better.

    The tokenizer folds ASCII letters to lower case (so does this) and other cased letters by
    its own table (those scan, as do queries most drafts hold).
    """
    if any(not c.isascii() and (c.lower() != c or c.upper() != c) for c in words):
        return None
    # The terms' counts are read from their whole lists (a common trigram's: 0.2 s at a million), so a
    # few thousand drafts are tried first: a query they hold often is common, and the order meets it soon.
    tried = select(title, body).order_by(draft_id).limit(SAMPLE).subquery()
    held = (
        select(literal(1))
        .select_from(tried)
        .where(or_(*(c.like(escape_like(words), escape="/") for c in (tried.c[0], tried.c[1]))))
    )
    if len(session.execute(held.limit(COMMON)).all()) >= COMMON:
        return None
    prefix = _ascii_lower(words)
    rows = session.execute(
        select(_TERMS.c.term, _TERMS.c.doc)
        .where(_TERMS.c.term >= prefix, _TERMS.c.term < prefix + _LAST)
        .limit(SHORT_TERMS + 1)
    ).all()
    if len(rows) > SHORT_TERMS or sum(row[1] for row in rows) > SHORT_CANDIDATES:
        return None
    return [row[0] for row in rows]
