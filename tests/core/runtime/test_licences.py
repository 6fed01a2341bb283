"""The licences file: every bundled distribution has its block, with the licence its metadata states."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.runtime.licences import (
    COMPONENTS,
    describe,
    distributions_of,
    listed_distributions,
    loaded_distributions,
    normalized_name,
    render,
)

ROOT = Path(__file__).resolve().parents[3]
BUNDLE = Path(os.environ.get("KOHOGATE_BUNDLE") or ROOT / "dist" / "kohogate")


def test_render_lists_each_distribution_by_its_heading() -> None:
    dists = [describe(d) for d in distributions_of({"sqlalchemy", "PySide6", "cv2", "sudachidict_core", "sudachipy"})]
    names = {normalized_name(d.name) for d in dists}
    assert {"sqlalchemy", "pyside6-essentials", "opencv-python-headless", "sudachidict-core", "sudachipy"} <= names
    text = render("KohoGate", dists)
    assert listed_distributions(text) == names
    by_name = {normalized_name(d.name): d for d in dists}
    assert "LGPL-3.0" in by_name["pyside6-essentials"].licence
    assert by_name["sudachidict-core"].licence == "Apache-2.0"
    assert "Apache" in by_name["opencv-python-headless"].licence
    # Licence texts come along where the distribution ships them.
    assert any("Permission is hereby granted" in t.text for t in by_name["sqlalchemy"].texts)
    assert any("Apache License" in t.text for t in by_name["sudachidict-core"].texts)
    for component in COMPONENTS:
        assert f"- {component.name}: {component.licence}" in text


def test_unknown_modules_name_no_distribution() -> None:
    assert distributions_of({"no_such_module_here", "os"}) == []


def test_loaded_distributions_cover_the_imported_libraries() -> None:
    import sqlalchemy  # noqa: F401  (loaded, so listed)

    assert "sqlalchemy" in {normalized_name(d.name) for d in loaded_distributions()}


@pytest.mark.skipif(
    not (BUNDLE / "_internal" / "LICENSES.txt").exists(), reason=f"no bundle at {BUNDLE} (tools/build.py)"
)
def test_the_built_bundles_licences_name_every_bundled_distribution() -> None:
    from tools.bundle_smoke import bundled_top_level_names, unlisted_distributions

    assert "PySide6" in bundled_top_level_names(BUNDLE)
    assert unlisted_distributions(BUNDLE) == []
    text = (BUNDLE / "_internal" / "LICENSES.txt").read_text(encoding="utf-8")
    assert "Intel License Agreement" in text  # the face model's own licence
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
