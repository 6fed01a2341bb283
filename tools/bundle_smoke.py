"""Smoke test of the frozen bundle, as an installed copy would run: ``uv run python tools/bundle_smoke.py``.

The bundle (default ``dist/kohogate``, from ``tools/build.py``) is copied to a
fresh temporary folder outside the source tree and run from there with a
minimal environment: no uv, no virtual environment and no source folder on
``PATH``, no ``PYTHONPATH``, a private ``HOME``, ``QT_QPA_PLATFORM=offscreen``.
Exit codes are the ones the README's command table documents. On Linux every run is
inside ``unshare -n`` (a network namespace without interfaces) where that is allowed.

1. ``kohogate-cli --version``
2. the GUI on a fresh data folder stays up (set-up wizard waiting), having created and
   migrated the database (Alembic ran the revisions from the bundle's files)
3. ``demo`` (0), and again (1: the folder holds a database)
4. the GUI on the demo data reaches "screens ready" (``KOHOGATE_BENCH_STARTUP``)
5. ``audit verify`` (0)
6. ``check`` on a clean draft (0) and on one with a shortened link and a person's name (1,
   with ``link.shortener`` from the rules and ``pii.person_name`` from the Sudachi dictionary)
7. ``publish-due`` with nothing due (0)
8. a machine-wide configuration with a locked database URL is obeyed, and overriding it refused (1)
9. the bundle holds the face model, the compiled translations, Qt's translations, the
   build information, and a LICENSES.txt naming every bundled Python distribution
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
GUI_STAYS_UP_SECONDS = 6.0
CLEAN_DRAFT = "和光市の防災訓練を11月3日に行います。詳しくは市のホームページをご覧ください。\n"
BLOCKED_DRAFT = "山田太郎さんが参加しました。詳しくは https://bit.ly/abc をご覧ください。\n"


def no_network_prefix() -> list[str]:
    """``unshare -n`` where it works (Linux, root or user namespaces): the bundle then runs in a
    network namespace with no interface at all, which proves it needs no network."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return []
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return ["unshare", "-n"] if probe.returncode == 0 else []


@dataclass
class Smoke:
    bundle: Path
    work: Path
    failures: list[str] = field(default_factory=list)
    prefix: list[str] = field(default_factory=no_network_prefix)

    def exe(self, name: str) -> Path:
        return self.bundle / f"{name}{EXE_SUFFIX}"

    def env(self, **extra: str) -> dict[str, str]:
        """A minimal environment: nothing from the developer's shell, the venv or the source tree."""
        env = {
            "HOME": str(self.work / "home"),
            "USERPROFILE": str(self.work / "home"),
            "PATH": os.pathsep.join(_system_path()),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
            "KOHOGATE_MACHINE_CONFIG": str(self.work / "no-machine-config.toml"),
            "XDG_RUNTIME_DIR": str(self.work / "runtime"),
        }
        # Windows needs these to start any program; they name no Python and no source.
        for name in (
            "SYSTEMROOT",
            "SystemDrive",
            "WINDIR",
            "COMSPEC",
            "PATHEXT",
            "TEMP",
            "TMP",
            "USERNAME",
            "USERDOMAIN",
            "COMPUTERNAME",
            "LOCALAPPDATA",
            "APPDATA",
            "PROGRAMDATA",
        ):
            if name in os.environ:
                env[name] = os.environ[name]
        env.update(extra)
        return env

    def run(self, name: str, args: Sequence[str], *, expect: int, env: dict[str, str] | None = None) -> str:
        command = [*self.prefix, str(self.exe(name)), *args]
        started = time.monotonic()
        result = subprocess.run(
            command,
            cwd=self.work,
            env=env or self.env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=300,
            check=False,
        )
        took = time.monotonic() - started
        shown = " ".join([name, *args])
        output = result.stdout + result.stderr
        if result.returncode != expect or "Traceback" in output:
            self.fail(f"{shown}: exit {result.returncode} (expected {expect})\n{output.strip()}")
        else:
            print(f"ok   {shown} → {result.returncode} ({took:.1f} s)")
        return result.stdout

    def fail(self, message: str) -> None:
        print(f"FAIL {message}")
        self.failures.append(message.splitlines()[0])

    def check(self, condition: bool, what: str) -> None:
        if condition:
            print(f"ok   {what}")
        else:
            self.fail(what)


def _system_path() -> list[str]:
    if sys.platform == "win32":
        root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        return [str(Path(root) / "System32"), root]
    return ["/usr/bin", "/bin"]


def schema_revision(database: Path) -> str | None:
    if not database.exists():
        return None
    with sqlite3.connect(database) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            return None
    return row[0] if row else None


def gui_stays_up(smoke: Smoke) -> None:
    from core.storage.migrate import SCHEMA_HEAD

    data = smoke.work / "fresh"
    log = smoke.work / "gui-fresh.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [*smoke.prefix, str(smoke.exe("kohogate")), "--data-dir", str(data)],
            cwd=smoke.work,
            env=smoke.env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        # Up means: still running, with the database created and migrated (the wizard then waits).
        while time.monotonic() < deadline and process.poll() is None:
            if schema_revision(data / "kohogate.db") == SCHEMA_HEAD:
                break
            time.sleep(0.25)
        time.sleep(GUI_STAYS_UP_SECONDS)
        alive = process.poll() is None
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    text = log.read_text(encoding="utf-8", errors="replace")
    smoke.check(alive, f"GUI on a fresh data folder still up after {GUI_STAYS_UP_SECONDS:.0f} s")
    smoke.check("Traceback" not in text, "GUI wrote no traceback" + ("" if "Traceback" not in text else f"\n{text}"))
    smoke.check("untranslated" not in text, "GUI loaded the shipped translations (nothing compiled at run time)")
    revision = schema_revision(data / "kohogate.db")
    smoke.check(revision == SCHEMA_HEAD, f"GUI migrated the new database to {SCHEMA_HEAD} (found {revision})")
    smoke.check((data / "config").is_dir(), "GUI created the data folder's config/")


def gui_ready_on_demo(smoke: Smoke, data: Path) -> None:
    # kohogate-cli without a command is the same GUI; unlike the windowed kohogate.exe it has a stdout.
    out = smoke.run("kohogate-cli", ["--data-dir", str(data)], expect=0, env=smoke.env(KOHOGATE_BENCH_STARTUP="1"))
    smoke.check("shown " in out and "ready " in out, "GUI showed its window and the screens on the demo data")


def check_drafts(smoke: Smoke, data: Path) -> None:
    clean = smoke.work / "clean.txt"
    clean.write_text(CLEAN_DRAFT, encoding="utf-8")
    blocked = smoke.work / "blocked.txt"
    blocked.write_text(BLOCKED_DRAFT, encoding="utf-8")
    smoke.run("kohogate-cli", ["--data-dir", str(data), "check", str(clean)], expect=0)
    out = smoke.run("kohogate-cli", ["--data-dir", str(data), "check", "--format", "json", str(blocked)], expect=1)
    try:
        rules = {finding["rule"] for finding in json.loads(out)["findings"]}
    except (ValueError, KeyError, TypeError):
        rules = set()
    smoke.check("link.shortener" in rules, "check found the shortened link (rules from the bundle)")
    smoke.check("pii.person_name" in rules, "check found the person's name (Sudachi dictionary from the bundle)")


def machine_config(smoke: Smoke) -> None:
    locked_db = smoke.work / "it" / "kohogate.db"
    locked_db.parent.mkdir()
    config = smoke.work / "kohogate.toml"
    config.write_text(f'[locked]\ndatabase_url = "sqlite:///{locked_db.as_posix()}"\n', encoding="utf-8")
    env = smoke.env(KOHOGATE_MACHINE_CONFIG=str(config))
    data = ["--data-dir", str(smoke.work / "managed")]
    smoke.run("kohogate-cli", [*data, "db", "upgrade"], expect=0, env=env)
    smoke.check(locked_db.exists(), "db upgrade used the database the machine-wide configuration locked")
    other = f"sqlite:///{(smoke.work / 'mine.db').as_posix()}"
    smoke.run("kohogate-cli", [*data, "--database-url", other, "db", "upgrade"], expect=1, env=env)


def bundle_contents(smoke: Smoke) -> None:
    internal = smoke.bundle / "_internal"
    faces = list(internal.glob("cv2/data/haarcascade_frontalface_default.xml"))
    smoke.check(bool(faces), "face model cv2/data/haarcascade_frontalface_default.xml in the bundle")
    sources = sorted(p.stem for p in (internal / "resources" / "i18n").glob("*.ts"))
    compiled = {p.stem.rsplit("-", 1)[0] for p in (internal / "resources" / "i18n").glob("*.qm")}
    smoke.check(bool(sources) and set(sources) <= compiled, f"compiled translations for {', '.join(sources)}")
    smoke.check(bool(list(internal.rglob("qtbase_ja.qm"))), "Qt's own Japanese translation (qtbase_ja.qm)")
    smoke.check(bool(list(internal.glob("core/storage/migrations/versions/0001_*.py"))), "migrations as files")
    smoke.check(bool(list(internal.rglob("system.dic"))), "Sudachi system dictionary")
    smoke.check(bool(list(internal.rglob("*offscreen*"))), "Qt platform plugins")
    info = json.loads((internal / "build_info.json").read_text(encoding="utf-8"))
    smoke.check(bool(info.get("built_at")), f"build_info.json: built {info.get('built_at')}")
    missing = unlisted_distributions(smoke.bundle)
    smoke.check(
        not missing, "LICENSES.txt names every bundled distribution" + (f": missing {missing}" if missing else "")
    )


def bundled_top_level_names(bundle: Path) -> set[str]:
    """Top-level import names in the bundle: the executables' PYZ archive and the data folder's entries."""
    from PyInstaller.archive.readers import CArchiveReader

    names: set[str] = set()
    archive = CArchiveReader(str(bundle / f"kohogate-cli{EXE_SUFFIX}"))
    for entry in archive.toc:
        if entry.endswith(".pyz"):
            names |= {module.split(".")[0] for module in archive.open_embedded_archive(entry).toc}
    for child in (bundle / "_internal").iterdir():
        names.add(child.name.split(".")[0])
    return names


def unlisted_distributions(bundle: Path) -> list[str]:
    """Distributions whose modules are in the bundle but that LICENSES.txt does not name."""
    from core.runtime.licences import distributions_of, listed_distributions, normalized_name

    listed = listed_distributions((bundle / "_internal" / "LICENSES.txt").read_text(encoding="utf-8"))
    bundled = {normalized_name(d.metadata["Name"]) for d in distributions_of(bundled_top_level_names(bundle))}
    return sorted(bundled - listed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kohogate", help="the built bundle")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI steps (a runner without Qt's libraries)")
    args = parser.parse_args(argv)
    if not (args.bundle / f"kohogate-cli{EXE_SUFFIX}").exists():
        print(f"no bundle at {args.bundle}: run `uv run python tools/build.py` first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="kohogate-smoke-"))
    if work.resolve().is_relative_to(ROOT):
        print(f"{work} is inside the source tree; set TMPDIR elsewhere", file=sys.stderr)
        return 2
    smoke = Smoke(bundle=work / "kohogate", work=work)
    try:
        for folder in ("home", "runtime"):
            (work / folder).mkdir(mode=0o700)
        started = time.monotonic()
        shutil.copytree(args.bundle, smoke.bundle, symlinks=True)
        print(f"bundle copied to {smoke.bundle} ({time.monotonic() - started:.1f} s)")
        if smoke.prefix:
            print("every run below is in a network namespace without interfaces (unshare -n): no network")
        else:
            print("unshare -n is not available here: the runs below have the machine's network")
        smoke.run("kohogate-cli", ["--version"], expect=0)
        if not args.no_gui:
            gui_stays_up(smoke)
        demo = work / "demo"
        smoke.run("kohogate-cli", ["--data-dir", str(demo), "demo"], expect=0)
        smoke.run("kohogate-cli", ["--data-dir", str(demo), "demo"], expect=1)
        if not args.no_gui:
            gui_ready_on_demo(smoke, demo)
        smoke.run("kohogate-cli", ["--data-dir", str(demo), "audit", "verify"], expect=0)
        check_drafts(smoke, demo)
        smoke.run("kohogate-cli", ["--data-dir", str(demo), "publish-due"], expect=0)
        machine_config(smoke)
        bundle_contents(smoke)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if smoke.failures:
        print(f"\nbundle smoke test: {len(smoke.failures)} failed: " + "; ".join(smoke.failures))
        return 1
    print("\nbundle smoke test: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
