from __future__ import annotations

from pathlib import Path

import pytest

from core.runtime.atomic_file import atomic_write, write_text_atomically


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    write_text_atomically(target, "old")

    def interrupted() -> None:
        with atomic_write(target) as handle:
            handle.write("half of the new conte")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        interrupted()
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_a_clean_write_replaces_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.csv"
    with atomic_write(target, encoding="utf-8-sig", newline="") as handle:
        handle.write("列\r\n")
    assert target.read_bytes() == "\ufeff列\r\n".encode()
