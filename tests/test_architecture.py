"""Layering rules (docs/architecture.md): arrows point down only; commands run without Qt; start-up stays light.

The import rules read the source (``ast``), so they see imports inside
functions too. Imports under ``if TYPE_CHECKING:`` are left out: they name a
type for mypy and never run, so they bring no dependency into the program.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

import app

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_PACKAGES = (
    "checks",
    "platforms",
    "lifecycle",
    "signoff",
    "terminals",
    "accounts",
    "composer",
    "audit",
    "organization",
    "credentials",
    "templates",
    "groups",
)


@dataclass(frozen=True)
class Rule:
    name: str
    folders: tuple[str, ...]
    forbidden: tuple[str, ...]

    def files(self, root: Path = ROOT) -> list[Path]:
        return sorted(path for folder in self.folders for path in (root / folder).rglob("*.py"))


RULES = (
    Rule("gui renders; it does not touch the ORM or storage", ("gui",), ("sqlalchemy", "core.storage")),
    Rule(
        "domain rules do not call use cases",
        tuple(f"core/{package}" for package in DOMAIN_PACKAGES),
        ("core.services", "core.publishing"),
    ),
    Rule("core and the CLI run without Qt", ("core", "cli"), ("PySide6", "shiboken6", "gui")),
)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> Iterable[ast.AST]:
    """Every node except the bodies of ``if TYPE_CHECKING:`` (their ``else`` still runs)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _imports(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """Per import statement run at run time: its line and the dotted names it may load.

    ``from a import b`` may load ``a`` and the module ``a.b``, so both are named.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, tuple[str, ...]]] = []
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, (alias.name,)) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, (node.module, *(f"{node.module}.{alias.name}" for alias in node.names))))
    return found


def _hits(name: str, forbidden: Iterable[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in forbidden)


def violations(rule: Rule, files: Iterable[Path]) -> list[str]:
    """One line per offending import statement."""
    return sorted(
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line} imports {names[0]}"
        for path in files
        for line, names in _imports(path)
        if any(_hits(name, rule.forbidden) for name in names)
    )


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_the_tree_keeps_the_layering_rule(rule: Rule) -> None:
    files = rule.files()
    assert files, f"{rule.name}: no files found under {rule.folders}"
    assert violations(rule, files) == []


BAD_IMPORTS = {
    RULES[0].name: (
        "from sqlalchemy import select\n",
        "def f():\n    from core.storage.models import Draft\n",
        "from core import storage\n",
    ),
    RULES[1].name: (
        "from core.services.drafts import DraftService\n",
        "def f():\n    import core.publishing.outbox\n",
        "from core import services\n",
    ),
    RULES[2].name: (
        "from PySide6.QtCore import QObject\n",
        "def f():\n    from gui.messages import error\n",
        "import shiboken6\n",
    ),
}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_the_layering_check_catches_a_violation(rule: Rule, tmp_path: Path) -> None:
    for index, source in enumerate(BAD_IMPORTS[rule.name]):
        bad = tmp_path / f"bad_{index}.py"
        bad.write_text(source, encoding="utf-8")
        assert len(violations(rule, [bad])) == 1, source


def test_type_only_imports_are_not_dependencies(tmp_path: Path) -> None:
    typed = tmp_path / "typed.py"
    typed.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from core.storage.engine import Store\n"
        "else:\n    import sqlalchemy\n",
        encoding="utf-8",
    )
    assert violations(RULES[0], [typed]) == [f"{typed}:5 imports sqlalchemy"]


def _dialect_branches(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path}:{node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "dialect"
    ]


def test_dialect_branches_live_in_storage() -> None:
    storage = ROOT / "core" / "storage"
    found = [
        hit
        for folder in ("core", "gui", "cli")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if not path.is_relative_to(storage)
        for hit in _dialect_branches(path)
    ]
    assert found == []


def test_the_dialect_check_catches_a_branch(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(store, session):\n    return store.dialect, session.get_bind().dialect.name\n", encoding="utf-8"
    )
    assert len(_dialect_branches(bad)) == 2


# The message door, and the crash dialog (details to copy, shown even when the door itself is broken).
MAY_BUILD_MESSAGE_BOXES = {"gui/messages.py", "gui/crash.py"}


def _message_box_uses(path: Path) -> list[int]:
    """Lines naming ``QMessageBox`` (an import, a call, an enum), by the syntax tree: comments do not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        named = (
            (isinstance(node, ast.Name) and node.id == "QMessageBox")
            or (isinstance(node, ast.Attribute) and node.attr == "QMessageBox")
            or (isinstance(node, ast.alias) and node.name.split(".")[-1] == "QMessageBox")
        )
        if named:
            lines.append(getattr(node, "lineno", 0))
    return lines


def test_only_the_message_door_builds_message_boxes() -> None:
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in sorted((ROOT / "gui").rglob("*.py"))
        if path.relative_to(ROOT).as_posix() not in MAY_BUILD_MESSAGE_BOXES
        for line in _message_box_uses(path)
    ]
    assert offenders == [], "use gui.messages (error / warning / info / ask / confirm_…) instead"


def test_the_message_box_check_would_catch_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from PySide6 import QtWidgets\nfrom PySide6.QtWidgets import QMessageBox as Box\n"
        "def f(w):\n    QtWidgets.QMessageBox.warning(w, 't', 'x')  # QMessageBox in a comment is fine\n",
        encoding="utf-8",
    )
    assert _message_box_uses(bad) == [2, 4]


def _run(code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, str(data_dir)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_commands_do_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys, app\n"
        "d = sys.argv[1]\n"
        "assert app.main(['--data-dir', d, 'db', 'upgrade']) == 0\n"
        "assert app.main(['--data-dir', d, 'audit', 'verify']) == 0\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = _run(code, tmp_path / "d")
    assert result.returncode == 0, result.stdout + result.stderr


def test_main_window_start_up_skips_heavy_libraries(tmp_path: Path) -> None:
    data = tmp_path / "d"
    # The demo data only sets the stage (in process); the start-up under test runs in its own process.
    assert app.main(["--data-dir", str(data), "demo"]) == 0
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from core.runtime.bootstrap import open_environment\n"
        "env = open_environment(sys.argv[1])\n"
        "from core.services.staff import find_by_login\n"
        "from core.organization.identity import current_login\n"
        "from gui.application import main_window_for\n"
        "w = main_window_for(env, find_by_login(env.store, current_login()).id); w.show()\n"
        "heavy = ('sudachipy', 'phonenumbers', 'PIL', 'cv2', 'httpx', 'numpy', 'cryptography', 'jinja2', 'zxcvbn')\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy})\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = _run(code, data)
    assert result.returncode == 0, result.stdout + result.stderr
