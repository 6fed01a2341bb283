"""Layering rules: core/ never imports Qt; commands run without Qt; start-up stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_CORE = ("PySide6", "shiboken6", "gui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_never_imports_qt_or_gui() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "core").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN_IN_CORE
    ]
    assert offenders == []


def test_the_architecture_check_would_catch_a_qt_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(bad)


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
    made = subprocess.run(
        [sys.executable, "app.py", "--data-dir", str(data), "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
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
