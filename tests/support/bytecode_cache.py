"""Imported first by tests/conftest.py: compiled modules go to a cache folder, not nowhere."""

from __future__ import annotations

import os
import sys


def keep_bytecode_outside_the_tree() -> None:
    """Compiled modules kept in a cache folder instead of not at all.

    With ``PYTHONDONTWRITEBYTECODE`` set (to keep ``__pycache__`` out of the
    working tree) every run, and every process a test starts, compiled
    SQLAlchemy, the app and the rewritten test modules again: about a fifth of
    a test run's CPU time. ``sys.pycache_prefix`` keeps the tree clean just the
    same; children inherit it through the environment.
    """
    if not sys.dont_write_bytecode or sys.pycache_prefix:
        return
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    prefix = os.path.join(cache, "kohogate", "test-pycache")
    sys.pycache_prefix = prefix
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


keep_bytecode_outside_the_tree()
