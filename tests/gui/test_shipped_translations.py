"""A frozen bundle ships <area>_ja-<digest>.qm next to the .ts: used only while the digest matches."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.i18n import translation_sources
from gui.i18n import compile_qm


def test_a_shipped_qm_with_the_sources_digest_is_used_without_compiling(tmp_path: Path) -> None:
    shipped = tmp_path / "resources" / "i18n"
    shipped.mkdir(parents=True)
    ts_file = shipped / "kohogate_ja.ts"
    shutil.copy(next(p for p in translation_sources("ja") if p.name == "kohogate_ja.ts"), ts_file)
    built = compile_qm(ts_file, shipped, use_shipped=False)  # what tools/build.py does
    assert built is not None
    assert built.parent == shipped
    cache = tmp_path / "cache"
    assert compile_qm(ts_file, cache) == built
    assert not cache.exists()  # nothing compiled or written at run time

    # An edited source no longer matches the shipped file's digest: compiled into the cache instead.
    ts_file.write_text(ts_file.read_text(encoding="utf-8").replace("監査記録", "監査の記録"), encoding="utf-8")
    fresh = compile_qm(ts_file, cache)
    assert fresh is not None
    assert fresh.parent == cache
