"""Progress of a long command on stderr: silent for a short run, one updating line for a long one."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from core.i18n import tr

QUIET_SECONDS = 2.0  # a run shorter than this shows nothing (scripts and tests see only the result)


class StderrProgress:
    """A ``(done, total)`` callback: after :data:`QUIET_SECONDS`, ``done / total`` on stderr.

    On a terminal the line is rewritten in place about four times a second;
    into a log file (Task Scheduler, cron) a line is written every ten seconds.
    """

    def __init__(self, what: str, stream: TextIO | None = None) -> None:
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self.last = float("-inf")
        self.shown = False
        self.tty = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < QUIET_SECONDS or now - self.last < (0.25 if self.tty else 10.0):
            return
        self.last = now
        percent = 100 * done // total if total else 100
        line = tr("{what}: {done} of {total} ({percent}%)").format(
            what=self.what, done=f"{done:,}", total=f"{total:,}", percent=percent
        )
        self.stream.write(f"\r{line}\x1b[K" if self.tty else line + "\n")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """End the progress line so that the result starts on a line of its own."""
        if self.shown and self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
