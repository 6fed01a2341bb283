"""Qt translations: ``.ts`` sources in ``resources/i18n`` compiled to ``.qm`` on demand.

The ``.qm`` files are built by ``lrelease`` (shipped with PySide6) into the
cache folder the first time they are needed or whenever a ``.ts`` changed, so
a fresh checkout needs no build step. Each GUI module gets a ``tr`` bound to
an explicit context (``tr = translator("MainWindow")``): PySide6's
``self.tr`` would take the *runtime* class name as context and silently miss
translations in subclasses.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.i18n import translation_sources

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def translator(context: str) -> Callable[[str], str]:
    """A ``tr`` function for one translation context."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    return tr


def lrelease_path() -> Path | None:
    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.exists():
        return bundled
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compile_qm(ts_file: Path, out_dir: Path, *, use_shipped: bool = True) -> Path | None:
    """``.qm`` for ``ts_file`` in ``out_dir``, rebuilt only when the source changed.

    A frozen bundle (tools/build.py) ships ``<area>_ja-<digest>.qm`` next to the
    ``.ts``: the digest proves it was compiled from this very source, so nothing is
    compiled or written at run time (the bundle has no lrelease).
    """
    digest = hashlib.sha256(ts_file.read_bytes()).hexdigest()[:16]
    name = f"{ts_file.stem}-{digest}.qm"
    if use_shipped and (ts_file.parent / name).exists():
        return ts_file.parent / name
    qm = out_dir / name
    if qm.exists():
        return qm
    shipped = ts_file.with_suffix(".qm")  # a wheel built with qm files carries them
    if use_shipped and shipped.exists() and shipped.stat().st_mtime >= ts_file.stat().st_mtime:
        return shipped
    tool = lrelease_path()
    if tool is None:
        log.warning("lrelease not found; %s stays untranslated", ts_file.name)
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(f"{ts_file.stem}-*.qm"):
        stale.unlink(missing_ok=True)
    result = subprocess.run(
        [str(tool), "-silent", str(ts_file), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not qm.exists():
        log.warning("lrelease failed for %s: %s", ts_file.name, result.stderr.strip())
        return None
    return qm


def _private_folder() -> Path:
    """A folder only this process knows (``mkdtemp``: mode 0700, a fresh name), removed at exit."""
    import atexit
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kohogate-i18n-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def install_translations(app: QCoreApplication, lang: str, cache_dir: Path | None) -> list[Path]:
    """Install KohoGate's and Qt's own translators for ``lang``; return the ``.qm`` used.

    ``cache_dir`` is the person's own cache folder; ``None`` (a data folder on a share)
    compiles into a folder of this process's own, never a shared temporary one where
    another account could have left a ``.qm`` of the expected name.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English))
    if lang == "en":
        return []
    used: list[Path] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    folder = cache_dir / "i18n" if cache_dir is not None else _private_folder()
    for ts_file in translation_sources(lang):
        qm = compile_qm(ts_file, folder)
        if qm is None:
            continue
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
            used.append(qm)
    return used
