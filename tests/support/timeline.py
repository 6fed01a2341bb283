"""Times for tests that schedule posts: always ahead of the real clock.

Submitting refuses a scheduled time that has passed (core.composer.submission
.schedule_problem), so a fixed date in a test would break the day it passes.
The scheduler tests then move a fake clock from here.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

SOON = (datetime.now(UTC) + timedelta(days=30)).replace(minute=0, second=0, microsecond=0)
