"""Row locks for read-then-write changes that must not interleave.

``SELECT … FOR UPDATE OF <table>`` on PostgreSQL (READ COMMITTED would let a
second workstation read the same state and act on it too); SQLite ignores
the clause, and its ``BEGIN IMMEDIATE`` write transactions already queue.
``OF`` keeps PostgreSQL from refusing the lock because of the joined eager
loads on the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, lazyload

if TYPE_CHECKING:
    from core.storage.engine import Store

M = TypeVar("M")


# Built once per model and kind: building a statement costs more than running it from the cache.
_LOCKED: dict[tuple[type, bool], Any] = {}
_BARE = (lazyload("*"),)


def get_for_update(session: Session, model: type[M], ident: Any, *, bare: bool = False) -> M | None:
    """The row, locked; ``bare`` leaves its relationships to load on first use (hot paths that never read them)."""
    query = _LOCKED.get((model, bare))
    if query is None:
        mapped: Any = model
        query = select(model).where(mapped.id == bindparam("ident")).with_for_update(of=model)
        if bare:
            query = query.options(*_BARE)
        _LOCKED[(model, bare)] = query
    found: M | None = session.scalar(query, {"ident": ident})
    return found


def get_bare(session: Session, model: type[M], ident: Any) -> M | None:
    """``session.get`` without the model's eager loads (they load on first use, if ever)."""
    return session.get(model, ident, options=_BARE)


def write_lock_held(session: Session) -> bool:
    """Does this write transaction already hold the database's write lock from its start?

    SQLite's ``BEGIN IMMEDIATE`` does: locking a row more costs nothing. PostgreSQL
    takes row locks as it goes, and a lock taken early makes every workstation's
    writes wait for the rest of the transaction.
    """
    return session.get_bind().dialect.name == "sqlite"


def writes_queue(store: Store) -> bool:
    """Does every write transaction on ``store`` hold the database's write lock from its start (SQLite)?

    Then entries appended first in a transaction lock nothing more than it holds already.
    """
    return store.dialect == "sqlite"
