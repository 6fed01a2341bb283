"""``length.over_limit``: the draft does not fit the target platform.

The span covers the part that does not fit, so the composer can shade it.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import CheckContext, Hit
from core.checks.length import overflow_start
from core.checks.model import LengthInfo


def check_length(ctx: CheckContext, length: LengthInfo) -> Iterator[Hit]:
    if not length.over:
        return
    original = ctx.normalized.original
    start = overflow_start(original, length.platform)
    start = min(start, max(len(original) - 1, 0))
    params = {
        "platform": length.platform.limits.label,
        "used": str(length.used),
        "limit": str(length.limit),
    }
    yield Hit("length.over_limit", start, len(original), params=params, in_original=True)
