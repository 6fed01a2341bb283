"""The installer inputs that cannot run here (Inno Setup, Task Scheduler) are at least consistent."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def test_spec_builds_both_executables_from_app_py() -> None:
    spec = (PACKAGING / "kohogate.spec").read_text(encoding="utf-8")
    assert 'name="kohogate",' in spec
    assert 'name="kohogate-cli",' in spec
    assert 'ROOT / "app.py"' in spec
    assert "sys.platform" not in spec  # one spec, unchanged on every platform


def test_desktop_entry() -> None:
    path = PACKAGING / "linux" / "kohogate.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].endswith("/kohogate")
    assert desktop["Icon"] == "kohogate"
    assert desktop["StartupWMClass"] == "kohogate"  # QGuiApplication.setDesktopFileName("kohogate")
    assert (ROOT / "resources" / "icons" / "kohogate.png").exists()
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_inno_setup_sources_exist() -> None:
    iss = (PACKAGING / "windows" / "kohogate.iss").read_text(encoding="utf-8")
    base = PACKAGING / "windows"
    for source in re.findall(r'^Source: "([^"{]+)"', iss, re.MULTILINE):
        assert (base / source.replace("\\", "/")).exists(), source
    assert "PrivilegesRequired=admin" in iss
    assert "{commonappdata}\\KohoGate" in iss
    assert "onlyifdoesntexist uninsneveruninstall" in iss  # IT's file is never overwritten or removed
    assert (base / "kohogate.ico").exists()
    assert "publish-due" in iss


def test_scheduled_task_runs_publish_due_every_five_minutes() -> None:
    root = ET.fromstring((PACKAGING / "windows" / "publish-due.xml").read_bytes().replace(b"UTF-16", b"UTF-8"))
    assert root.findtext("t:Triggers/t:LogonTrigger/t:Repetition/t:Interval", namespaces=TASK_NS) == "PT5M"
    assert root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=TASK_NS) == "publish-due"
    command = root.findtext("t:Actions/t:Exec/t:Command", namespaces=TASK_NS) or ""
    assert command.strip('"') == r"%ProgramFiles%\KohoGate\kohogate.exe"  # DefaultDirName={autopf}\KohoGate
    assert root.findtext("t:Settings/t:MultipleInstancesPolicy", namespaces=TASK_NS) == "IgnoreNew"
    assert root.findtext("t:Principals/t:Principal/t:GroupId", namespaces=TASK_NS) == "S-1-5-32-545"


def test_scheduled_task_sends_pending_notifications_every_five_minutes() -> None:
    root = ET.fromstring((PACKAGING / "windows" / "notify-send.xml").read_bytes().replace(b"UTF-16", b"UTF-8"))
    assert root.findtext("t:Triggers/t:LogonTrigger/t:Repetition/t:Interval", namespaces=TASK_NS) == "PT5M"
    assert root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=TASK_NS) == "notify send"
    command = root.findtext("t:Actions/t:Exec/t:Command", namespaces=TASK_NS) or ""
    assert command.strip('"') == r"%ProgramFiles%\KohoGate\kohogate.exe"
    assert root.findtext("t:Principals/t:Principal/t:GroupId", namespaces=TASK_NS) == "S-1-5-32-545"
    iss = (PACKAGING / "windows" / "kohogate.iss").read_text(encoding="utf-8")
    assert "-TaskName 'notify-send'" in iss
    assert "\\KohoGate\\notify-send" in iss  # removed on uninstall


def test_windows_workflow_builds_tests_and_installs() -> None:
    yaml = pytest.importorskip("yaml")

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["bundle"]
    assert job["runs-on"].startswith("windows")
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    for needed in ("uv sync --locked", "tools/build.py", "tools/bundle_smoke.py", "ISCC.exe", "/VERYSILENT"):
        assert needed in runs, needed
