"""Build the frozen KohoGate bundle: ``uv run python tools/build.py`` → ``dist/kohogate/``.

1. compiles every ``resources/i18n/*.ts`` to ``.qm`` (lrelease from PySide6), named
   ``<area>_ja-<digest>.qm`` so that ``gui/i18n.py`` knows they match their source;
2. writes ``build_info.json`` (version, build time in UTC, commit);
3. runs PyInstaller on ``packaging/kohogate.spec`` (onedir: ``kohogate`` GUI and
   ``kohogate-cli`` console in one folder), which also writes ``LICENSES.txt``;
4. copies the machine-wide configuration template next to the executables.

The same command runs on Linux, Windows and macOS. ``SOURCE_DATE_EPOCH`` fixes the
build time (reproducible builds); ``--workpath`` lets CI keep PyInstaller's work
folder in a cache between runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import __version__  # noqa: E402
from core.runtime.bundle import BUILD_INFO_FILE, BuildInfo  # noqa: E402

SPEC = ROOT / "packaging" / "kohogate.spec"
MACHINE_CONFIG_TEMPLATE = ROOT / "packaging" / "kohogate.toml.example"


def build_time() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def git_commit() -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def compile_translations(generated: Path) -> list[Path]:
    from core.i18n import translation_sources
    from gui.i18n import compile_qm, lrelease_path

    if lrelease_path() is None:
        raise SystemExit("lrelease (shipped with PySide6) not found: cannot compile the translations")
    out = generated / "resources" / "i18n"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    compiled = []
    for ts_file in translation_sources("ja"):
        qm = compile_qm(ts_file, out, use_shipped=False)
        if qm is None:
            raise SystemExit(f"lrelease failed for {ts_file}")
        compiled.append(qm)
    return compiled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist", help="where dist/kohogate/ goes")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    args = parser.parse_args(argv)

    started = time.monotonic()
    generated = args.workpath / "generated"
    generated.mkdir(parents=True, exist_ok=True)
    qms = compile_translations(generated)
    info = BuildInfo(version=__version__, built_at=build_time(), commit=git_commit())
    (generated / BUILD_INFO_FILE).write_text(info.to_json(), encoding="utf-8")
    print(f"build: {len(qms)} translations compiled; version {info.version}, built {info.built_at} {info.commit}")

    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={args.distpath}",
        f"--workpath={args.workpath / 'pyinstaller'}",
    ]
    if args.clean:
        command.append("--clean")
    env = {**os.environ, "KOHOGATE_BUILD_GENERATED": str(generated)}
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        print(f"build: PyInstaller failed with exit code {result.returncode}", file=sys.stderr)
        return result.returncode
    bundle = args.distpath / "kohogate"
    shutil.copy2(MACHINE_CONFIG_TEMPLATE, bundle / MACHINE_CONFIG_TEMPLATE.name)
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    print(f"build: {bundle} ({size / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
