"""Caption files in the format each platform takes.

The composer stores captions as the operator attached them, WebVTT or
SubRip (joso:4(6) asks for captions on videos). Facebook's captions API
takes SubRip only; Bluesky's video embed takes WebVTT only. The two differ
in little more than the header, cue numbers and the decimal mark, so the
conversion is done here rather than with a dependency.
"""

from __future__ import annotations

import re

_TIMING = re.compile(
    r"^(?P<start>(?:\d+:)?\d{2}:\d{2}[.,]\d{3})\s+-->\s+(?P<end>(?:\d+:)?\d{2}:\d{2}[.,]\d{3})(?P<settings>.*)$"
)


def _blocks(text: str) -> list[list[str]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _full_time(stamp: str, mark: str) -> str:
    stamp = stamp.replace(",", ".").replace(".", mark)
    return stamp if stamp.count(":") == 2 else "00:" + stamp


def _cues(text: str) -> list[tuple[str, str, list[str]]]:
    """(start, end, text lines) for every cue; headers, notes and styles are dropped."""
    cues = []
    for block in _blocks(text.lstrip("\ufeff")):
        for index, line in enumerate(block):
            match = _TIMING.match(line.strip())
            if match:
                if block[index + 1 :]:
                    cues.append((match["start"], match["end"], block[index + 1 :]))
                break
    return cues


def is_vtt(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"WEBVTT")


def as_srt(data: bytes) -> bytes:
    """SubRip text for ``data`` (WebVTT or SubRip, UTF-8)."""
    cues = _cues(data.decode("utf-8-sig"))
    out = []
    for number, (start, end, lines) in enumerate(cues, start=1):
        out.append(f"{number}\n{_full_time(start, ',')} --> {_full_time(end, ',')}\n" + "\n".join(lines) + "\n")
    return "\n".join(out).encode("utf-8")


def as_vtt(data: bytes) -> bytes:
    """WebVTT text for ``data`` (WebVTT is returned unchanged)."""
    if is_vtt(data):
        return data
    cues = _cues(data.decode("utf-8-sig"))
    out = ["WEBVTT\n"]
    for start, end, lines in cues:
        out.append(f"{_full_time(start, '.')} --> {_full_time(end, '.')}\n" + "\n".join(lines) + "\n")
    return "\n".join(out).encode("utf-8")
