"""Translations for code that must not import Qt (``core/`` and the CLI).

The GUI translates through Qt (``QTranslator`` with ``.qm`` files compiled
from the same sources); the CLI and core services cannot import Qt, so they
read the Qt Linguist ``.ts`` sources in ``resources/i18n/`` directly. One set
of translation files therefore serves both, and the translation test checks
every ``tr()`` call in ``core/`` and ``gui/`` against them.

Strings in ``core/`` are written in English and wrapped in :func:`tr`; their
Qt context is ``"core"`` so that the GUI's translator finds them as well.

Parsing the ``.ts`` XML costs some 30 ms of a start (on the UI thread, at the
first translated word); :func:`cache_in` keeps the parsed catalogue as JSON in
the person's own cache folder, named by a digest of its sources.
"""

from __future__ import annotations

import locale
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from core.runtime.resources import resource_path

CORE_CONTEXT = "core"
SUPPORTED_LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_catalogs: dict[str, dict[tuple[str, str], str]] = {}
_cache_folder: Path | None = None


def translation_sources(lang: str) -> list[Path]:
    """All ``.ts`` files for ``lang`` (one per area of the code, e.g. ``kohogate_ja.ts``)."""
    return sorted(resource_path("i18n").glob(f"*_{lang}.ts"))


def parse_ts(path: Path) -> dict[tuple[str, str], str]:
    """``{(context, source): translation}`` of one ``.ts`` file, finished entries only."""
    # Imported here: commands that translate nothing (``--version``) never load the XML parser.
    import xml.etree.ElementTree as ET

    catalog: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            text = translation.text or ""
            if text:
                catalog[(name, source)] = text
    return catalog


def cache_in(folder: Path | None) -> None:
    """Keep parsed catalogues as JSON in ``folder`` from now on (``None``: parse the sources every time).

    ``folder`` must be the person's own (``core.runtime.paths.private_cache``), never a
    shared temporary folder: a catalogue another account planted there would put its words
    in every message KohoGate shows.
    """
    global _cache_folder
    with _lock:
        _cache_folder = folder


def catalog_file(lang: str, folder: Path) -> Path:
    """The JSON catalogue for the current sources of ``lang`` (a changed ``.ts`` gives another name)."""
    import hashlib

    digest = hashlib.sha256()
    for path in translation_sources(lang):
        data = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    return folder / f"core_{lang}-{digest.hexdigest()[:16]}.json"


def _parse_sources(lang: str) -> dict[tuple[str, str], str]:
    merged: dict[tuple[str, str], str] = {}
    for path in translation_sources(lang):
        merged.update(parse_ts(path))
    return merged


def _cached(path: Path) -> dict[tuple[str, str], str] | None:
    import json

    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entries, list):
        return None
    catalog: dict[tuple[str, str], str] = {}
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 3 and all(isinstance(part, str) for part in entry)):
            return None  # not a file this module wrote: read the sources again
        catalog[(entry[0], entry[1])] = entry[2]
    return catalog


def _read_catalog(lang: str, folder: Path | None) -> dict[tuple[str, str], str]:
    if folder is None:
        return _parse_sources(lang)
    path = catalog_file(lang, folder)
    found = _cached(path)
    if found is not None:
        return found
    catalog = _parse_sources(lang)
    import json

    from core.runtime.atomic_file import write_text_atomically

    try:
        write_text_atomically(path, json.dumps([[c, s, t] for (c, s), t in catalog.items()], ensure_ascii=False))
        for stale in folder.glob(f"core_{lang}-*.json"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written costs the next start its 30 ms, nothing more
    return catalog


def _catalog(lang: str) -> dict[tuple[str, str], str]:
    with _lock:
        if lang not in _catalogs:
            _catalogs[lang] = _read_catalog(lang, _cache_folder)
        return _catalogs[lang]


def normalize_language(value: str | None) -> str | None:
    """``"ja_JP.UTF-8"`` → ``"ja"``; ``None`` for anything unsupported."""
    if not value:
        return None
    code = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else None


def env_language() -> str | None:
    """``$KOHOGATE_LANG`` when it names a supported language."""
    return normalize_language(os.environ.get("KOHOGATE_LANG"))


def detect_language(explicit: str | None = None) -> str:
    """The UI language: ``--lang`` / ``KOHOGATE_LANG`` first, then the OS locale.

    The product is Japanese first: an OS locale that names no language
    (``C``/``POSIX``, common on servers and CI) gives Japanese, a non-Japanese
    one gives English.
    """
    for candidate in (explicit, os.environ.get("KOHOGATE_LANG")):
        lang = normalize_language(candidate)
        if lang:
            return lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            if value in {"C", "POSIX"} or value.startswith("C."):
                return DEFAULT_LANGUAGE
            return normalize_language(value) or "en"
    system = locale.getlocale()[0]
    if system:
        return normalize_language(system) or ("ja" if system.lower().startswith("japan") else "en")
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _language
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _language = lang


def current_language() -> str:
    return _language


def translate(context: str, text: str, lang: str | None = None) -> str:
    """``text`` in ``lang`` (default: the current language), or ``text`` itself."""
    lang = lang or _language
    if lang == "en":
        return text
    return _catalog(lang).get((context, text), text)


def tr(text: str) -> str:
    """Translate an English core string into the current language."""
    return translate(CORE_CONTEXT, text)


def both(text: str) -> dict[str, str]:
    """The string in every supported language, for records shown to either audience."""
    return {lang: translate(CORE_CONTEXT, text, lang) for lang in SUPPORTED_LANGUAGES}


def iter_languages() -> Iterable[str]:
    return iter(SUPPORTED_LANGUAGES)
