"""Rows read once and reused by later transactions, for as long as their owner knows they cannot have changed.

A run of ``publish-due`` reads the same terminal, account, credential,
approver and signing key for every post. Each change to those rows is
audited, and the run compares the audit chain's head with its last look at
the start of each post's transaction (``core.publishing.outbox``): while only
posting bookkeeping was recorded, the rows as read are the rows as they are.
The owner drops the cache the moment anything else was recorded.

The rows are detached from the session that read them as soon as they are
read: a rolled-back transaction expires what it still holds, and a cached row
must keep its values. They are read-only by contract (never added to another
session), and only their columns are read: a relationship that was not
loaded would raise outside the session.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")


class RowCache:
    """Rows by (model, key); a missing row is not kept (the caller refuses, and the run decides afresh)."""

    def __init__(self) -> None:
        self._rows: dict[tuple[type, Hashable], object] = {}

    def get(self, session: Session, model: type[T], key: Hashable, load: Callable[[], T | None]) -> T | None:
        """The row kept under ``key``, else ``load()`` in ``session`` (then kept, detached)."""
        found = self._rows.get((model, key))
        if found is not None:
            assert isinstance(found, model)
            return found
        row = load()
        if row is not None:
            if row in session:
                session.expunge(row)
            self._rows[(model, key)] = row
        return row

    def __len__(self) -> int:
        return len(self._rows)


def cached(
    rows: RowCache | None, session: Session, model: type[T], key: Hashable, load: Callable[[], T | None]
) -> T | None:
    """``load()``, through ``rows`` when the caller keeps one."""
    return load() if rows is None else rows.get(session, model, key, load)
