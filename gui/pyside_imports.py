"""PySide6's per-import source scan, answered from the file's bytes.

PySide6 supports ``from __feature__ import snake_case`` by hooking every
import made after it is loaded: for each new module,
``shibokensupport.feature._mod_uses_pyside`` asks ``inspect.getsource(module)``
whether the text ``PySide6`` occurs in it. ``inspect`` finds the file, decodes
it and splits it into lines through ``linecache`` (which then keeps every line
in memory) — for the ~300 modules the start imports after Qt (SQLAlchemy, the
models, the services, the first screen), some 80 ms of CPU on a 2-core
workstation, for a yes/no question. Reading the file's bytes answers the same
question: ``PySide6`` is ASCII, so it occurs in the bytes exactly when it
occurs in the decoded text of a UTF-8 or ASCII source. Anything else (no
``.py`` file, a file that cannot be read) is left to PySide6's own answer.

KohoGate uses no ``__feature__`` itself; the answer is kept right so that a
library that does still gets what it asked for.

Imported before the rest of the GUI (``gui.application``, ``app.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401 - loads PySide6's import hook (shibokensupport.feature), patched below

FEATURE_MODULE = "shibokensupport.feature"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Does ``module``'s source mention ``PySide6``? (PySide6's question, asked of the bytes.)"""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or getattr(module, "__file__", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return fallback(module)
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def install() -> bool:
    """Answer PySide6's scan from the bytes from now on; ``False`` when this PySide6 has no such scan."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False
    if getattr(original, "answers_from_bytes", False):
        return True

    def answer(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    answer.answers_from_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = answer  # type: ignore[attr-defined]
    return True


install()
