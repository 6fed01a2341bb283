"""``app.py check`` on hostile input: exit 2 and one clear line, never a traceback (in-process ``app.main``)."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app
from core.checks.input_limits import MAX_CHECK_CHARACTERS

PROFILE = '[organization]\nname = "見本市"\nown_domains = ["city.mihon.lg.jp"]\n'


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str], *files: Path, lang: str = "en") -> tuple[int, str]:
    profile = tmp_path / "org.toml"
    if not profile.exists():
        profile.write_text(PROFILE, encoding="utf-8")
    code = app.main(["--lang", lang, "check", "--profile", str(profile), *map(str, files)])
    return code, capsys.readouterr().err


def one_clear_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("surrogate.json", '{"text": "a\\ud800b"}', {"en": "U+D800", "ja": "U+D800"}),
        ("nul.txt", "a\x00b", {"en": "U+0000", "ja": "U+0000"}),
        ("nul-alt.json", '{"text": "x", "media": [{"path": "\\u0000.png"}]}', {"en": "U+0000", "ja": "U+0000"}),
        ("deep.json", "[" * 100_000 + "]" * 100_000, {"en": "nested too deeply", "ja": "入れ子"}),
        ("number.json", '{"text": "x", "n": ' + "9" * 5000 + "}", {"en": "5000 digits", "ja": "5000 桁"}),
        ("long.txt", "あ" * (MAX_CHECK_CHARACTERS + 1), {"en": "at most 1,000,000", "ja": "1,000,000 文字まで"}),
    ],
)
def test_hostile_drafts_exit_2_with_one_line(tmp_path, capsys, lang, name, content, words) -> None:
    draft = tmp_path / name
    draft.write_text(content, encoding="utf-8")
    code, err = check(tmp_path, capsys, draft, lang=lang)
    assert code == 2
    assert words[lang] in one_clear_line(err)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_png_claiming_30000_squared_exits_2(tmp_path, capsys, lang) -> None:
    (tmp_path / "bomb.png").write_bytes(_png_header(30000, 30000))
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps({"text": "x", "media": [{"path": "bomb.png", "alt": "a"}]}), encoding="utf-8")
    code, err = check(tmp_path, capsys, draft, lang=lang)
    assert code == 2
    assert "80,000,000" in one_clear_line(err)


@pytest.mark.parametrize(
    "profile",
    [
        "[organization]\nname='x'\nx = " + "[" * 100_000 + "]" * 100_000 + "\n",
        "[organization]\nname='x'\nn = " + "9" * 5000 + "\n",
        '[organization]\nname="\\ud800"\n',
    ],
)
def test_hostile_profiles_exit_2(tmp_path, capsys, profile) -> None:
    (tmp_path / "org.toml").write_text(profile, encoding="utf-8")
    draft = tmp_path / "ok.txt"
    draft.write_text("お知らせ", encoding="utf-8")
    code, err = check(tmp_path, capsys, draft)
    assert code == 2
    assert "Invalid profile" in one_clear_line(err)


def test_file_over_the_byte_cap_is_refused_without_reading_it_all(tmp_path, capsys) -> None:
    draft = tmp_path / "big.txt"
    with draft.open("wb") as stream:
        stream.truncate(17 * 1024 * 1024)  # sparse: costs no disk
    code, err = check(tmp_path, capsys, draft)
    assert code == 2
    assert "16 MB" in one_clear_line(err)


ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()), max_size=200)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT, alt=ANY_TEXT, platform=st.sampled_from(["x", "bluesky", "mastodon", "line", "\ud800", "\x00"]))
def test_fuzzed_json_drafts_exit_cleanly(tmp_path, capsys, text, alt, platform) -> None:
    draft = tmp_path / "fuzz.json"
    # ensure_ascii spells surrogates and NUL as \\u escapes, as a hostile file would.
    draft.write_text(json.dumps({"text": text, "platform": platform, "media": []}), encoding="utf-8")
    code, err = check(tmp_path, capsys, draft)
    assert code in (0, 1, 2)
    if code == 2:
        one_clear_line(err)
    else:
        assert err == ""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".json"]))
def test_fuzzed_bytes_exit_cleanly(tmp_path, capsys, data, suffix) -> None:
    draft = tmp_path / f"fuzz{suffix}"
    draft.write_bytes(data)
    code, err = check(tmp_path, capsys, draft)
    assert code in (0, 1, 2)
    if code == 2:
        one_clear_line(err)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(depth=st.integers(min_value=1, max_value=3000), opener=st.sampled_from(["[", '{"a":']))
def test_fuzzed_nesting_exits_cleanly(tmp_path, capsys, depth, opener) -> None:
    closer = "]" if opener == "[" else "}"
    draft = tmp_path / "nest.json"
    draft.write_text(opener * depth + "1" + closer * depth, encoding="utf-8")
    code, err = check(tmp_path, capsys, draft)
    # {"a": {"a": 1}} is a draft (no text); a list or anything deeper than Python can parse is not.
    assert code == 2 if opener == "[" else code in (0, 2)
    if code == 2:
        one_clear_line(err)
