"""Licences of the components KohoGate ships: what the About box shows and the bundle carries.

``tools/build.py`` (through ``packaging/kohogate.spec``) maps every module
PyInstaller put into the bundle to its Python distribution and writes
:func:`render` of them as ``LICENSES.txt``; run from source, the About box
lists the distributions of the modules loaded in this process. Each
distribution's block starts with a line ``## <name> <version> — <licence>``
(a test reads the file back by that line).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# Files a distribution ships its licence in when it has no License-File metadata.
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)
DISTRIBUTION_HEADING = re.compile(r"^## (?P<name>\S+) (?P<version>\S+) — ", re.MULTILINE)


@dataclass(frozen=True)
class Component:
    """A part of the bundle that the About box names by itself (not only as a Python distribution)."""

    name: str
    licence: str
    note: str


# The components the issue names, with the licence under which they are redistributed.
COMPONENTS: tuple[Component, ...] = (
    Component("KohoGate", "MIT", "The program itself."),
    Component(
        "Qt 6 / PySide6 (PySide6-Essentials, shiboken6)",
        "LGPL-3.0-only",
        "Qt's libraries are loaded dynamically from the bundle's folder and may be replaced by the user.",
    ),
    Component("Sudachi dictionary (SudachiDict-core)", "Apache-2.0", "Works Applications' SudachiDict, via SudachiPy."),
    Component("OpenCV (opencv-python-headless)", "Apache-2.0", "The face detector's library."),
    Component(
        "OpenCV Haar cascade haarcascade_frontalface_default.xml",
        "Intel License Agreement for Open Source Computer Vision Library (BSD-style)",
        "The face model; its licence is the comment at the top of the file, reproduced below.",
    ),
    Component("Python", "PSF-2.0", "The interpreter and standard library inside the bundle."),
    Component(
        "PyInstaller bootloader",
        "GPL-2.0-or-later with the bootloader exception",
        "The exception allows distributing the bundled program under its own licence.",
    ),
)


@dataclass(frozen=True)
class LicenceText:
    file: str
    text: str


@dataclass(frozen=True)
class DistributionLicence:
    name: str
    version: str
    licence: str
    texts: tuple[LicenceText, ...]


def licence_expression(dist: metadata.Distribution) -> str:
    """The distribution's licence: License-Expression, else a short License field, else its classifiers."""
    meta = dist.metadata
    expression = _first(meta, "License-Expression")
    if expression:
        return expression
    field = _first(meta, "License")
    if field and "\n" not in field and len(field) <= 120:
        return field
    classifiers = [
        str(c).split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if str(c).startswith("License ::")
    ]
    if classifiers:
        return " / ".join(classifiers)
    return "see the licence text" if field else "not stated in the distribution's metadata"


def _first(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_texts(dist: metadata.Distribution) -> tuple[LicenceText, ...]:
    """The licence files the distribution ships (License-File entries, else LICENSE*/COPYING*/NOTICE*)."""
    names = [str(n) for n in dist.metadata.get_all("License-File") or []]
    found: list[LicenceText] = []
    for name in names:
        # PEP 639 puts them in .dist-info/licenses/; older wheels at the top of .dist-info.
        text = dist.read_text(f"licenses/{name}") or dist.read_text(name)
        if text:
            found.append(LicenceText(name, text))
    if found:
        return tuple(found)
    for file in dist.files or []:
        path = str(file)
        if ".dist-info/" in path and _LICENCE_FILE.search(path):
            try:
                found.append(LicenceText(Path(path).name, Path(str(file.locate())).read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return tuple(found)


def distributions_of(top_level_modules: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions providing these top-level import names, each once, sorted by name."""
    providers = metadata.packages_distributions()
    names = {dist for module in top_level_modules for dist in providers.get(module, [])}
    found: dict[str, metadata.Distribution] = {}
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[normalized_name(dist.metadata["Name"])] = dist
    return [found[key] for key in sorted(found)]


def normalized_name(name: str) -> str:
    """PEP 503 name: ``PySide6_Essentials`` and ``pyside6-essentials`` are the same distribution."""
    return re.sub(r"[-_.]+", "-", name).lower()


def describe(dist: metadata.Distribution) -> DistributionLicence:
    return DistributionLicence(
        name=str(dist.metadata["Name"]),
        version=dist.version,
        licence=licence_expression(dist),
        texts=licence_texts(dist),
    )


def loaded_distributions() -> list[DistributionLicence]:
    """Run from source: the distributions of the modules this process has loaded (the About box)."""
    tops = {name.split(".")[0] for name in list(sys.modules)}
    return [describe(dist) for dist in distributions_of(tops)]


def render(
    product: str,
    distributions: Iterable[DistributionLicence],
    notices: Iterable[LicenceText] = (),
) -> str:
    """The LICENSES.txt text: components, then one block per distribution with its texts, then extra notices."""
    dists = list(distributions)
    lines = [f"{product} — licences of the bundled components", "", "# Components", ""]
    for component in COMPONENTS:
        lines += [f"- {component.name}: {component.licence}", f"  {component.note}"]
    lines += ["", f"# Python distributions ({len(dists)})", ""]
    lines += [f"- {d.name} {d.version}: {d.licence}" for d in dists]
    for dist in dists:
        lines += ["", "", f"## {dist.name} {dist.version} — {dist.licence}"]
        if not dist.texts:
            lines += ["", "(the distribution ships no licence file; its metadata states the licence above)"]
        for text in dist.texts:
            lines += ["", f"--- {text.file}", "", text.text.rstrip()]
    for notice in notices:
        lines += ["", "", f"# {notice.file}", "", notice.text.rstrip()]
    return "\n".join(lines) + "\n"


def listed_distributions(text: str) -> set[str]:
    """Normalized names of the distributions that a LICENSES.txt has a block for."""
    return {normalized_name(found["name"]) for found in DISTRIBUTION_HEADING.finditer(text)}
