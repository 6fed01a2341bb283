"""Build information and resources inside a frozen bundle (sys.frozen / sys._MEIPASS) and from source."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core import __version__
from core.runtime.bundle import BuildInfo, build_info, bundle_root, bundled_licenses, is_frozen


def test_from_source_the_build_is_development() -> None:
    assert not is_frozen()
    assert bundle_root() is None
    info = build_info()
    assert info.version == __version__
    assert info.is_development
    assert bundled_licenses() is None


def test_in_a_bundle_the_build_info_and_licences_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "build_info.json").write_text(
        BuildInfo(version="9.9.9", built_at="2026-12-02T13:00:00Z", commit="abc123").to_json(), encoding="utf-8"
    )
    (tmp_path / "LICENSES.txt").write_text("## x 1 — MIT\n", encoding="utf-8")
    assert bundle_root() == tmp_path
    info = build_info()
    assert (info.version, info.built_at, info.commit) == ("9.9.9", "2026-12-02T13:00:00Z", "abc123")
    assert not info.is_development
    assert bundled_licenses() == "## x 1 — MIT\n"


def test_a_damaged_build_info_falls_back_to_the_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "build_info.json").write_text("[1, 2", encoding="utf-8")
    assert build_info() == BuildInfo(version=__version__)
    assert bundled_licenses() is None
