"""core.i18n's catalogue cached as JSON in the person's own cache folder (core.runtime.paths.private_cache)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import i18n
from core.runtime.paths import AppPaths, private_cache, resolve_paths

SOURCE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context><name>core</name>
<message><source>Save</source><translation>{save}</translation></message>
<message><source>Later</source><translation type="unfinished">後で</translation></message>
</context>
</TS>
"""


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One ``.ts`` file of our own as the only source, and no catalogue read yet."""
    folder = tmp_path / "i18n-sources"
    folder.mkdir()
    (folder / "area_ja.ts").write_text(SOURCE.format(save="保存"), encoding="utf-8")
    monkeypatch.setattr(i18n, "translation_sources", lambda lang: sorted(folder.glob(f"*_{lang}.ts")))
    monkeypatch.setattr(i18n, "_catalogs", {})
    monkeypatch.setattr(i18n, "_cache_folder", None)
    return folder


def _forget() -> None:
    i18n._catalogs.clear()  # a new process: nothing read yet


def test_the_second_start_reads_the_json_not_the_sources(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache" / "i18n"
    i18n.cache_in(cache)
    assert i18n.translate("core", "Save", "ja") == "保存"
    assert i18n.translate("core", "Later", "ja") == "Later"  # unfinished entries stay out, cached or not
    written = i18n.catalog_file("ja", cache)
    assert written.exists()
    assert json.loads(written.read_text(encoding="utf-8")) == [["core", "Save", "保存"]]

    def no_parsing(path: Path) -> dict[tuple[str, str], str]:
        raise AssertionError(f"{path} parsed although its catalogue is cached")

    monkeypatch.setattr(i18n, "parse_ts", no_parsing)
    _forget()
    assert i18n.translate("core", "Save", "ja") == "保存"


def test_an_edited_source_is_never_answered_from_the_old_file(sources: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "i18n"
    i18n.cache_in(cache)
    assert i18n.translate("core", "Save", "ja") == "保存"
    old = i18n.catalog_file("ja", cache)
    (sources / "area_ja.ts").write_text(SOURCE.format(save="保存する"), encoding="utf-8")
    _forget()
    assert i18n.translate("core", "Save", "ja") == "保存する"
    assert i18n.catalog_file("ja", cache) != old
    assert not old.exists()  # the stale catalogue is removed, not left to pile up


@pytest.mark.parametrize(
    "content",
    ['{"core": "not a list"}', '[["core", "Save"]]', '[["core", "Save", 3]]', "not json at all", ""],
)
def test_a_damaged_cache_file_is_read_from_the_sources_again(sources: Path, tmp_path: Path, content: str) -> None:
    cache = tmp_path / "cache" / "i18n"
    path = i18n.catalog_file("ja", cache)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    i18n.cache_in(cache)
    assert i18n.translate("core", "Save", "ja") == "保存"
    assert json.loads(path.read_text(encoding="utf-8")) == [["core", "Save", "保存"]]  # and written afresh


def test_without_a_cache_folder_nothing_is_written(sources: Path, tmp_path: Path) -> None:
    i18n.cache_in(None)
    assert i18n.translate("core", "Save", "ja") == "保存"
    assert list(tmp_path.rglob("*.json")) == []


def test_a_folder_that_cannot_be_written_only_costs_the_parse(sources: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    i18n.cache_in(blocked / "i18n")  # below a file: no folder can be made
    assert i18n.translate("core", "Save", "ja") == "保存"


def test_the_shipped_catalogue_is_the_same_cached_or_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_catalogs", {})
    monkeypatch.setattr(i18n, "_cache_folder", None)
    parsed = dict(i18n._catalog("ja"))
    i18n._catalogs.clear()
    i18n.cache_in(tmp_path / "i18n")
    i18n._catalog("ja")  # writes the JSON
    i18n._catalogs.clear()
    assert i18n._catalog("ja") == parsed  # read back from the JSON


def test_the_private_cache_is_the_persons_cache_folder_on_this_computer(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    assert private_cache(paths) == paths.cache


def test_a_data_folder_on_a_share_has_no_private_cache(tmp_path: Path) -> None:
    # Nothing is written to a share before it is refused, and the shared temporary folder is
    # never the fallback: another account could have planted a catalogue of the expected name there.
    shared = AppPaths(
        data=tmp_path, config=tmp_path, logs=tmp_path, cache=tmp_path / "cache", network_share=r"\\server\share"
    )
    assert private_cache(shared) is None
