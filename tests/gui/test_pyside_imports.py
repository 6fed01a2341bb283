"""PySide6's per-import source scan answered from the file's bytes (gui/pyside_imports.py)."""

from __future__ import annotations

import inspect
import sys
from types import ModuleType

import pytest

import gui.main_window
import gui.pyside_imports
from core import i18n
from gui.pyside_imports import FEATURE_MODULE, install, uses_pyside


def _pyside_answer(module: ModuleType) -> bool:
    """PySide6's own question, as shibokensupport.feature asks it."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_scan_is_answered_from_the_bytes_once_the_gui_is_imported() -> None:
    feature = sys.modules[FEATURE_MODULE]
    assert getattr(feature._mod_uses_pyside, "answers_from_bytes", False)
    assert install()  # a second install keeps the one answer, not a chain of them
    assert feature._mod_uses_pyside.__closure__ is not None
    assert not any(
        getattr(cell.cell_contents, "answers_from_bytes", False) for cell in feature._mod_uses_pyside.__closure__
    )


def test_the_answer_is_pysides_own() -> None:
    def never(module: ModuleType) -> bool:
        raise AssertionError(f"{module.__name__} has a .py source: no fallback needed")

    assert uses_pyside(gui.main_window, never) is True
    assert uses_pyside(i18n, never) is False
    checked = [
        module
        for name, module in sorted(sys.modules.items())
        if name.startswith(("gui.", "core.", "sqlalchemy.")) and isinstance(module, ModuleType)
    ]
    assert len(checked) > 50
    assert [m.__name__ for m in checked if uses_pyside(m, _pyside_answer) != _pyside_answer(m)] == []


@pytest.mark.parametrize("name", ["sys", "_sqlite3"])
def test_modules_without_a_python_source_get_pysides_answer(name: str) -> None:
    __import__(name)
    assert uses_pyside(sys.modules[name], lambda _module: True) is True  # the fallback decided
    assert gui.pyside_imports.uses_pyside(sys.modules[name], _pyside_answer) is False
