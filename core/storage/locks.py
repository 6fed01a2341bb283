"""Row locks for read-then-write changes that must not interleave.

``SELECT … FOR UPDATE OF <table>`` on PostgreSQL (READ COMMITTED would let a
second workstation read the same state and act on it too); SQLite ignores
the clause, and its ``BEGIN IMMEDIATE`` write transactions already queue.
``OF`` keeps PostgreSQL from refusing the lock because of the joined eager
loads on the model.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload

M = TypeVar("M")


def get_for_update(session: Session, model: type[M], ident: Any, *, bare: bool = False) -> M | None:
    """The row, locked; ``bare`` leaves its relationships to load on first use (hot paths that never read them)."""
    mapped: Any = model
    query = select(model).where(mapped.id == ident).with_for_update(of=model)
    if bare:
        query = query.options(lazyload("*"))
    return session.scalar(query)


def get_bare(session: Session, model: type[M], ident: Any) -> M | None:
    """``session.get`` without the model's eager loads (they load on first use, if ever)."""
    return session.get(model, ident, options=[lazyload("*")])


def write_lock_held(session: Session) -> bool:
    """Does this write transaction already hold the database's write lock from its start?

    SQLite's ``BEGIN IMMEDIATE`` does: locking a row more costs nothing. PostgreSQL
    takes row locks as it goes, and a lock taken early makes every workstation's
    writes wait for the rest of the transaction.
    """
    return session.get_bind().dialect.name == "sqlite"
