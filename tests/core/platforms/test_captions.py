"""Captions converted between WebVTT and SubRip for the platforms that take only one."""

from __future__ import annotations

from core.platforms.captions import as_srt, as_vtt, is_vtt

VTT = (
    "\ufeffWEBVTT\n\nNOTE 字幕の見本\n\nintro\n00:01.000 --> 00:03.500 align:start\n市民まつりは\n11月3日です。\n\n"
    "01:00:04.000 --> 01:00:06.000\n中央公園で開きます。\n"
).encode()

SRT = (
    "1\r\n00:00:01,000 --> 00:00:03,500\r\n市民まつりは\r\n11月3日です。\r\n\r\n"
    "2\r\n01:00:04,000 --> 01:00:06,000\r\n中央公園で開きます。\r\n"
).encode()


def test_webvtt_becomes_subrip() -> None:
    assert as_srt(VTT).decode() == (
        "1\n00:00:01,000 --> 00:00:03,500\n市民まつりは\n11月3日です。\n\n"
        "2\n01:00:04,000 --> 01:00:06,000\n中央公園で開きます。\n"
    )


def test_subrip_becomes_webvtt_and_back() -> None:
    vtt = as_vtt(SRT)
    assert is_vtt(vtt)
    assert vtt.decode() == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.500\n市民まつりは\n11月3日です。\n\n"
        "01:00:04.000 --> 01:00:06.000\n中央公園で開きます。\n"
    )
    assert as_srt(vtt) == as_srt(SRT)
    assert as_vtt(VTT) == VTT  # already WebVTT: unchanged
