"""A long command's progress on stderr: nothing for a short run, one line rewritten on a terminal."""

from __future__ import annotations

import io

import pytest

from cli import progress as progress_module
from cli.progress import StderrProgress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _clock(monkeypatch: pytest.MonkeyPatch, times: list[float]) -> None:
    ticks = iter(times)
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: next(ticks))


def test_a_short_run_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _Tty()
    _clock(monkeypatch, [0.0, 0.5, 1.9])
    shown = StderrProgress("Verifying", out)
    shown(10, 100)
    shown(100, 100)
    shown.close()
    assert out.getvalue() == ""


def test_a_long_run_rewrites_one_line_and_clears_it(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _Tty()
    _clock(monkeypatch, [0.0, 2.5, 2.6, 3.0])
    shown = StderrProgress("Verifying", out)
    shown(250_000, 1_000_000)
    shown(260_000, 1_000_000)  # 0.1 s later: not worth a redraw
    shown(500_000, 1_000_000)
    shown.close()
    assert out.getvalue() == (
        "\rVerifying: 250,000 of 1,000,000 (25%)\x1b[K\rVerifying: 500,000 of 1,000,000 (50%)\x1b[K\r\x1b[K"
    )


def test_into_a_log_file_lines_come_every_ten_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    _clock(monkeypatch, [0.0, 3.0, 5.0, 14.0])
    shown = StderrProgress("Verifying", out)
    for done in (1, 2, 3):
        shown(done, 3)
    shown.close()
    assert out.getvalue() == "Verifying: 1 of 3 (33%)\nVerifying: 3 of 3 (100%)\n"
