"""Minimal MP4 files for tests: a movie header with a chosen duration."""

from __future__ import annotations

import struct


def mp4_with_duration(timescale: int, duration: int, *, version: int = 0) -> bytes:
    """``ftyp`` then ``moov/mvhd`` as ISO/IEC 14496-12 §8.2.2 lays the movie header out."""
    if version == 1:
        body = struct.pack(">B3xQQIQ", 1, 0, 0, timescale, duration)
    else:
        body = struct.pack(">B3xIIII", 0, 0, 0, timescale, duration)
    body += b"\x00" * 80  # rate, volume, matrix, next track id: not read
    mvhd = struct.pack(">I4s", 8 + len(body), b"mvhd") + body
    moov = struct.pack(">I4s", 8 + len(mvhd), b"moov") + mvhd
    ftyp = struct.pack(">I4s4sI", 16, b"ftyp", b"isom", 512)
    return ftyp + moov
