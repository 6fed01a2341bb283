"""The change feed as a screen sees it: where the audit head is, and how to hear of the next change.

The GUI does not reach into ``core.storage``; the feed itself (NOTIFY on
PostgreSQL, a head read on SQLite) lives in :mod:`core.storage.changes`.
"""

from __future__ import annotations

from core.storage import changes
from core.storage.changes import PostgresListener, RecordedChange, entries_since
from core.storage.engine import Store

__all__ = ["PostgresListener", "RecordedChange", "entries_since", "latest_seq", "listen", "pushes_changes"]


def latest_seq(store: Store) -> int:
    """The sequence number of the newest audit entry (every change writes one)."""
    return changes.head_seq(store)


def pushes_changes(store: Store) -> bool:
    """True when :func:`listen` is available; otherwise poll :func:`latest_seq`."""
    return changes.pushes_changes(store)


def listen(store: Store) -> PostgresListener:
    """A dedicated connection that waits for changes (only where :func:`pushes_changes`)."""
    return PostgresListener(store.url)
