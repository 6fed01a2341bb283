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
from sqlalchemy.orm import Session

M = TypeVar("M")


def get_for_update(session: Session, model: type[M], ident: Any) -> M | None:
    mapped: Any = model
    return session.scalar(select(model).where(mapped.id == ident).with_for_update(of=model))
