"""What the query planners cannot know, told to them where the list needs it (the dialect branches live here).

SQLite keeps no statistics on a column's values (only index sizes, from
ANALYZE): a range such as "scheduled after now" looks to it like a quarter of
the table, so with an ORDER BY an index answers it prefers walking that
order's index and testing every row — a million of them when the range is
empty — to reading the range and sorting what it holds. ``likelihood()`` is
SQLite's way of saying how often a condition holds; PostgreSQL estimates from
its histograms and is left alone.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal_column
from sqlalchemy.orm import Session

#: The likelihood SQLite is told for a condition few rows meet.
FEW = "0.0001"


def few(session: Session, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """``condition``, marked to SQLite's planner as one that few rows meet (the index on it then leads)."""
    if session.get_bind().dialect.name != "sqlite":
        return condition
    # Untyped: a Boolean function would be compared with 1, and SQLite looks through likelihood() only bare.
    marked: ColumnElement[bool] = func.likelihood(condition, literal_column(FEW))
    return marked
