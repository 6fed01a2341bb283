"""tests/support/bytecode_cache.py: with PYTHONDONTWRITEBYTECODE the suite still caches, outside the tree."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.support.bytecode_cache import keep_bytecode_outside_the_tree


def test_dont_write_bytecode_becomes_a_cache_folder_outside_the_tree(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.delenv("PYTHONPYCACHEPREFIX", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    keep_bytecode_outside_the_tree()
    prefix = tmp_path / "cache" / "kohogate" / "test-pycache"
    assert sys.pycache_prefix == str(prefix)
    assert sys.dont_write_bytecode is False
    # Processes the tests start inherit it: they read the cache instead of compiling everything again.
    assert os.environ["PYTHONPYCACHEPREFIX"] == str(prefix)
    assert "PYTHONDONTWRITEBYTECODE" not in os.environ


def test_an_explicit_choice_is_left_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "mine"))
    keep_bytecode_outside_the_tree()
    assert sys.pycache_prefix == str(tmp_path / "mine")
    assert sys.dont_write_bytecode is True
